import type { Account, PartyMember, Station, Team, TeamDetail } from '@linli/contracts';
import { client, unwrap } from '../../lib/api.js';
import type { EntityApi } from '../../components/entity-page.js';

/** Every query key of the people feature starts with 'people'. */
export const peopleKeys = {
  all: ['people'] as const,
  partyMembers: ['people', 'party-members'] as const,
  teams: ['people', 'teams'] as const,
  team: (id: number) => ['people', 'team', id] as const,
  stations: ['people', 'stations'] as const,
  accounts: ['people', 'accounts'] as const,
  teamOptions: (communityId: number | null | undefined) => ['people', 'teams-all', communityId] as const,
};

// The registers' forms build their bodies from field lists at run time; the path and the answer stay typed.
type Body = Record<string, unknown>;
type Query = Record<string, string | number | undefined>;

export const partyMembersApi: EntityApi<PartyMember> = {
  key: peopleKeys.partyMembers,
  list: (query: Query) => unwrap(client.GET('/api/party-members', { params: { query: query as never } })),
  create: (body: Body) => unwrap(client.POST('/api/party-members', { body: body as never })),
  update: (id, body) => unwrap(client.PATCH('/api/party-members/{id}', { params: { path: { id } }, body: body as never })),
  archive: (id, reason) => unwrap(client.POST('/api/party-members/{id}/archive', { params: { path: { id } }, body: { reason } })),
};

export const teamsApi: EntityApi<Team> = {
  key: peopleKeys.teams,
  list: (query: Query) => unwrap(client.GET('/api/teams', { params: { query: query as never } })),
  create: (body: Body) => unwrap(client.POST('/api/teams', { body: body as never })),
  update: (id, body) => unwrap(client.PATCH('/api/teams/{id}', { params: { path: { id } }, body: body as never })),
};

export const stationsApi: EntityApi<Station> = {
  key: peopleKeys.stations,
  list: (query: Query) => unwrap(client.GET('/api/stations', { params: { query: query as never } })),
  create: (body: Body) => unwrap(client.POST('/api/stations', { body: body as never })),
  update: (id, body) => unwrap(client.PATCH('/api/stations/{id}', { params: { path: { id } }, body: body as never })),
};

export const accountsApi: EntityApi<Account & { archivedAt?: null }> = {
  key: peopleKeys.accounts,
  list: (query: Query) => unwrap(client.GET('/api/accounts', { params: { query: query as never } })),
  create: (body: Body) => unwrap(client.POST('/api/accounts', { body: body as never })),
  update: (id, body) => unwrap(client.PATCH('/api/accounts/{id}', { params: { path: { id } }, body: body as never })),
};

export const fetchTeam = (id: number): Promise<TeamDetail> => unwrap(client.GET('/api/teams/{id}', { params: { path: { id } } }));
/** Every team of the community, for pickers (a category's default assignee). */
export const fetchTeamOptions = (communityId: number | null | undefined) =>
  unwrap(client.GET('/api/teams', { params: { query: { communityId: communityId ?? undefined, pageSize: 200 } } }));
export const addTeamMember = (id: number, body: { residentId?: number; volunteerId?: number; isLeader: boolean }): Promise<TeamDetail> =>
  unwrap(client.POST('/api/teams/{id}/members', { params: { path: { id } }, body }));
export const removeTeamMember = (id: number, memberId: number): Promise<TeamDetail> =>
  unwrap(client.POST('/api/teams/{id}/members/{memberId}/leave', { params: { path: { id, memberId } } }));
export const resetPassword = (id: number, body: { newPassword: string }) =>
  unwrap(client.POST('/api/accounts/{id}/reset-password', { params: { path: { id } }, body }));
export const unlockAccount = (id: number) => unwrap(client.POST('/api/accounts/{id}/unlock', { params: { path: { id } } }));
