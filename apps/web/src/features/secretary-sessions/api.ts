import type { Page, SecretarySession, SecretarySessionSummary, SessionCommitment, SessionItem } from '@linli/contracts';
import type { paths } from '@linli/contracts/openapi';
import { client, unwrap } from '../../lib/api.js';

type Id = number | null | undefined;
const c = (communityId: Id) => communityId ?? undefined;
type Body = Record<string, unknown>;

/** Every query key of the 书记面对面 feature starts with 'secretary-sessions'. */
export const sessionsKeys = {
  all: ['secretary-sessions'] as const,
  list: (communityId: Id, page: number) => ['secretary-sessions', 'list', communityId, page] as const,
  detail: (id: number) => ['secretary-sessions', 'detail', id] as const,
  commitments: (communityId: Id, state: string | undefined) => ['secretary-sessions', 'commitments', communityId, state] as const,
  organisations: (communityId: Id) => ['secretary-sessions', 'organisations', communityId] as const,
  escalations: (communityId: Id) => ['secretary-sessions', 'escalations', communityId] as const,
  categories: (communityId: Id) => ['secretary-sessions', 'categories', communityId] as const,
};

export const fetchSessions = (communityId: Id, page: number): Promise<Page<SecretarySessionSummary>> =>
  unwrap(client.GET('/api/secretary-sessions', { params: { query: { communityId: c(communityId), page, pageSize: 20, order: 'desc' } } }));
export const fetchSession = (id: number): Promise<SecretarySession> => unwrap(client.GET('/api/secretary-sessions/{id}', { params: { path: { id } } }));
export type CommitmentQuery = NonNullable<paths['/api/secretary-sessions/commitments']['get']['parameters']['query']>;
export const fetchCommitments = (communityId: Id, state: CommitmentQuery['state']): Promise<Page<SessionCommitment>> =>
  unwrap(client.GET('/api/secretary-sessions/commitments', { params: { query: { communityId: c(communityId), state, pageSize: 200 } } }));

export const createSession = (body: Body): Promise<SecretarySession> => unwrap(client.POST('/api/secretary-sessions', { body: body as never }));
export const updateSession = (id: number, body: Body): Promise<SecretarySession> =>
  unwrap(client.PATCH('/api/secretary-sessions/{id}', { params: { path: { id } }, body: body as never }));
export const addItem = (id: number, body: Body): Promise<SessionItem> =>
  unwrap(client.POST('/api/secretary-sessions/{id}/items', { params: { path: { id } }, body: body as never }));
export const answerItem = (id: number, body: Body): Promise<SessionItem> =>
  unwrap(client.POST('/api/secretary-session-items/{id}/answer', { params: { path: { id } }, body: body as never }));
/** A matter raised at the table, escalated to its department as a new ticket. */
export const escalateItem = (id: number, body: Body): Promise<SessionItem> =>
  unwrap(client.POST('/api/secretary-session-items/{id}/escalate', { params: { path: { id } }, body: body as never }));
export const followUpItem = (id: number, body: Body): Promise<SessionItem> =>
  unwrap(client.POST('/api/secretary-session-items/{id}/follow-ups', { params: { path: { id } }, body: body as never }));

/** The organisations serving the community: who may sit at the table. */
export const fetchServingOrganisations = (communityId: Id) =>
  unwrap(client.GET('/api/organisations', { params: { query: { servingCommunityId: c(communityId), pageSize: 200 } } }));
/** The community's escalations, to bring one to the table. */
export const fetchEscalations = (communityId: Id) =>
  unwrap(client.GET('/api/escalations', { params: { query: { communityId: c(communityId), pageSize: 200 } } }));
