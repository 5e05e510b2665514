import type { Escalation, Organisation, Page, WhistleBoard } from '@linli/contracts';
import type { paths } from '@linli/contracts/openapi';
import { apiUrl, client, formBody, unwrap } from '../../lib/api.js';
import type { EntityApi } from '../../components/entity-page.js';

/** Every query key of the escalations feature starts with 'escalations'. */
export const escalationsKeys = {
  all: ['escalations'] as const,
  organisations: ['escalations', 'organisations'] as const,
  serving: (communityId: number | null | undefined) => ['escalations', 'serving', communityId] as const,
  list: (filters: object) => ['escalations', 'list', filters] as const,
  ofTicket: (ticketId: number) => ['escalations', 'ticket', ticketId] as const,
  board: (filters: object) => ['escalations', 'board', filters] as const,
  settings: (communityId: number | null | undefined) => ['escalations', 'settings', communityId] as const,
};

type Body = Record<string, unknown>;

export const organisationsApi: EntityApi<Organisation> = {
  key: escalationsKeys.organisations,
  list: (query) => unwrap(client.GET('/api/organisations', { params: { query: query as never } })),
  create: (body) => unwrap(client.POST('/api/organisations', { body: body as never })),
  update: (id, body) => unwrap(client.PATCH('/api/organisations/{id}', { params: { path: { id } }, body: body as never })),
  archive: (id, reason) => unwrap(client.POST('/api/organisations/{id}/archive', { params: { path: { id } }, body: { reason } })),
};

/** Organisations serving a community: the escalate dialog's choice. */
export const fetchServingOrganisations = (communityId: number, kind?: Organisation['kind']): Promise<Page<Organisation>> =>
  unwrap(client.GET('/api/organisations', { params: { query: { servingCommunityId: communityId, kind, pageSize: 200 } } }));

export type EscalationQuery = NonNullable<paths['/api/escalations']['get']['parameters']['query']>;
export const fetchEscalations = (query: EscalationQuery): Promise<Page<Escalation>> => unwrap(client.GET('/api/escalations', { params: { query } }));
export const fetchEscalation = (id: number): Promise<Escalation> => unwrap(client.GET('/api/escalations/{id}', { params: { path: { id } } }));
export const createEscalation = (body: Body): Promise<Escalation> => unwrap(client.POST('/api/escalations', { body: body as never }));
export const requestEscalation = (body: Body): Promise<Escalation> => unwrap(client.POST('/api/escalations/requests', { body: body as never }));
export const approveEscalation = (id: number, body: Body): Promise<Escalation> =>
  unwrap(client.POST('/api/escalations/{id}/approve', { params: { path: { id } }, body: body as never }));
export const withdrawEscalation = (id: number, reason: string): Promise<Escalation> =>
  unwrap(client.POST('/api/escalations/{id}/withdraw', { params: { path: { id } }, body: { reason } }));
export const replyToEscalation = (id: number, body: Body): Promise<Escalation> =>
  unwrap(client.POST('/api/escalations/{id}/reply', { params: { path: { id } }, body: body as never }));
export const dispatchEscalation = (id: number, body: Body): Promise<Escalation> =>
  unwrap(client.POST('/api/escalations/{id}/dispatch', { params: { path: { id } }, body: body as never }));
export async function uploadEscalationPhotos(id: number, files: File[]): Promise<void> {
  if (files.length === 0) return;
  const body = new FormData();
  for (const f of files) body.append('photos', f);
  await unwrap(client.POST('/api/escalations/{id}/photos', { params: { path: { id } }, body: formBody(body) }));
}
export const escalationPhotoUrl = (id: number, photoId: number) => apiUrl('/api/escalations/{id}/photos/{photoId}', { id, photoId });
export type BoardQuery = NonNullable<paths['/api/escalations/board']['get']['parameters']['query']>;
export const fetchBoard = (query: BoardQuery): Promise<WhistleBoard> => unwrap(client.GET('/api/escalations/board', { params: { query } }));
export const fetchEscalationSettings = (communityId: number | null | undefined) =>
  unwrap(client.GET('/api/escalations/settings', { params: { query: { communityId: communityId ?? undefined } } }));
export const saveEscalationSettings = (body: { communityId?: number; pauseClock: boolean }) => unwrap(client.PUT('/api/escalations/settings', { body }));
