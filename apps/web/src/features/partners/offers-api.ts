import type { Agreement, Contribution, PartnerPortal, PublicResourceList, Resource } from '@linli/contracts';
import { client, unwrap } from '../../lib/api.js';
import type { EntityApi } from '../../components/entity-page.js';

/** Query keys of the partners feature's offers, agreements and contributions (all start with 'partners'). */
export const offersKeys = {
  resources: ['partners', 'resources'] as const,
  agreements: ['partners', 'agreements'] as const,
  contributions: ['partners', 'contributions'] as const,
  totals: (communityId: number | null | undefined, year: number) => ['partners', 'contribution-totals', communityId, year] as const,
  portal: ['partners', 'portal'] as const,
  circle: (code: string, compoundId?: number, category?: string) => ['partners', 'circle', code, compoundId, category] as const,
  teams: (communityId: number | null | undefined) => ['partners', 'teams', communityId] as const,
  organisations: ['partners', 'organisations'] as const,
};

export const resourcesApi: EntityApi<Resource> = {
  key: offersKeys.resources,
  list: (query) => unwrap(client.GET('/api/resources', { params: { query: query as never } })),
  create: (body) => unwrap(client.POST('/api/resources', { body: body as never })),
  update: (id, body) => unwrap(client.PATCH('/api/resources/{id}', { params: { path: { id } }, body: body as never })),
  archive: (id, reason) => unwrap(client.POST('/api/resources/{id}/archive', { params: { path: { id } }, body: { reason } })),
};

export const agreementsApi: EntityApi<Agreement> = {
  key: offersKeys.agreements,
  list: (query) => unwrap(client.GET('/api/agreements', { params: { query: query as never } })),
  create: (body) => unwrap(client.POST('/api/agreements', { body: body as never })),
  update: (id, body) => unwrap(client.PATCH('/api/agreements/{id}', { params: { path: { id } }, body: body as never })),
  /** The register's "archive" ends an agreement early (终止), with a reason. */
  archive: (id, reason) => unwrap(client.POST('/api/agreements/{id}/terminate', { params: { path: { id } }, body: { reason } })),
};

export const fetchContributions = (query: Record<string, string | number | undefined>) =>
  unwrap(client.GET('/api/contributions', { params: { query: query as never } }));
export const createContribution = (body: Record<string, unknown>): Promise<Contribution> => unwrap(client.POST('/api/contributions', { body: body as never }));
export const fetchContributionTotals = (communityId: number | null | undefined, year: number) =>
  unwrap(client.GET('/api/contributions/totals', { params: { query: { communityId: communityId ?? undefined, year } } }));
export const fetchPortal = (): Promise<PartnerPortal> => unwrap(client.GET('/api/partner-portal'));
export const fetchCircle = (code: string, q: { compoundId?: number; category?: string }): Promise<PublicResourceList> =>
  unwrap(client.GET('/api/public/communities/{code}/resources', { params: { path: { code }, query: q as never } }));
export const fetchTeamOptions = (communityId: number | null | undefined) =>
  unwrap(client.GET('/api/teams', { params: { query: { communityId: communityId ?? undefined, pageSize: 200 } as never } }));
export const fetchOrganisationOptions = () => unwrap(client.GET('/api/organisations', { params: { query: { pageSize: 200 } as never } }));
