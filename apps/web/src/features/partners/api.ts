import type { Partner } from '@linli/contracts';
import { client, unwrap } from '../../lib/api.js';
import type { EntityApi } from '../../components/entity-page.js';

/** Every query key of the partners feature starts with 'partners'. */
export const partnersKeys = {
  all: ['partners'] as const,
  list: ['partners', 'list'] as const,
  options: (communityId: number | null | undefined) => ['partners', 'all', communityId] as const,
};

export const partnersApi: EntityApi<Partner> = {
  key: partnersKeys.list,
  list: (query) => unwrap(client.GET('/api/partners', { params: { query: query as never } })),
  create: (body) => unwrap(client.POST('/api/partners', { body: body as never })),
  update: (id, body) => unwrap(client.PATCH('/api/partners/{id}', { params: { path: { id } }, body: body as never })),
  archive: (id, reason) => unwrap(client.POST('/api/partners/{id}/archive', { params: { path: { id } }, body: { reason } })),
};

/** Every partner of the community, for pickers (escalation, a category's default assignee). */
export const fetchPartnerOptions = (communityId: number | null | undefined) =>
  unwrap(client.GET('/api/partners', { params: { query: { communityId: communityId ?? undefined, pageSize: 200 } } }));
