import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { CommunityId } from '../../platform/db/scope.js';

type Db = Kysely<DB> | Transaction<DB>;
const none = [-1];

/** Small reads other modules make of people (names and references by id, ADR 0016), one query per list of ids. */

export function teamNames(db: Db, ids: number[]) {
  return db
    .selectFrom('teams')
    .select(['id', 'name'])
    .where('id', 'in', ids.length ? ids : none)
    .execute();
}
/** An active account of the community, by id: someone a ticket can be given to. */
export function activeAccountRef(db: Db, communityId: CommunityId, id: number) {
  return db
    .selectFrom('accounts')
    .select(['id', 'display_name as name'])
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .where('is_active', '=', true)
    .executeTakeFirst();
}
export function teamRef(db: Db, communityId: CommunityId, id: number) {
  return db.selectFrom('teams').select(['id', 'name']).where('community_id', '=', communityId).where('id', '=', id).executeTakeFirst();
}
/** Active accounts of a community in the roles that can carry a ticket (not admins). */
export function assignableAccounts(db: Db, communityId: CommunityId, roles: readonly string[]) {
  return db
    .selectFrom('accounts')
    .select(['id', 'display_name', 'role'])
    .where('community_id', '=', communityId)
    .where('is_active', '=', true)
    .where('role', 'in', [...roles])
    .orderBy('role')
    .orderBy('id')
    .execute();
}

/**
 * What other modules may read or change of accounts (docs/data-ownership.md), exported through people/index.ts:
 * auth's login and session checks, and the names places shows beside grids, building heads and audit rows.
 */
export function findLoginAccount(db: Db, username: string, phoneHash: string) {
  return db
    .selectFrom('accounts')
    .select(['id', 'password_hash', 'community_id'])
    .where((eb) => eb.or([eb('username', '=', username), eb('phone_hash', '=', phoneHash)]))
    .where('is_active', '=', true)
    .executeTakeFirst();
}
/** An active account, as authentication needs it. */
export function findActiveAccount(db: Db, id: number) {
  return db
    .selectFrom('accounts')
    .select(['id', 'username', 'display_name', 'role', 'community_id', 'subdistrict_id', 'organisation_id', 'locale'])
    .where('id', '=', id)
    .where('is_active', '=', true)
    .executeTakeFirst();
}
export function findPasswordOf(db: Db, id: number) {
  return db.selectFrom('accounts').select(['password_hash', 'username']).where('id', '=', id).executeTakeFirstOrThrow();
}
export function setPasswordHash(db: Db, id: number, passwordHash: string) {
  return db.updateTable('accounts').set({ password_hash: passwordHash, password_changed_at: new Date() }).where('id', '=', id).execute();
}
/** Display names of the given accounts (inactive ones too: history keeps its names). */
export async function accountNames(db: Db, ids: readonly number[]): Promise<Map<number, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .selectFrom('accounts')
    .select(['id', 'display_name'])
    .where(sql<boolean>`id = any(${sql.val(unique)}::bigint[])`)
    .execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}
/** Active accounts of a community with a role, by name; only those among `ids` when given. */
export function activeAccountsWithRole(db: Db, communityId: CommunityId, role: string, ids?: readonly number[]) {
  if (ids && ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('accounts')
    .select(['id', 'display_name'])
    .where('community_id', '=', communityId)
    .where('role', '=', role)
    .where('is_active', '=', true)
    .$if(ids !== undefined, (qb) => qb.where(sql<boolean>`id = any(${sql.val([...ids!])}::bigint[])`))
    .orderBy('display_name')
    .execute();
}

/** Party members by id with their resident, for names beside a help need or a match (matching, help). */
export function partyMemberRefs(db: Db, ids: readonly number[]) {
  return db
    .selectFrom('party_members')
    .select(['id', 'resident_id', 'status', 'work_unit', 'grid_id', 'community_id'])
    .where(sql<boolean>`id = any(${sql.val([...ids, ...none])}::bigint[])`)
    .execute();
}

/**
 * Who could meet a need, for matching's index: party members, teams with their leader, and volunteer accounts of a
 * community, each with what the index derives its terms from (ADR 0038). One query each, set-based.
 */
export async function matchablePeople(db: Db, communityId: CommunityId) {
  const partyMembers = await db
    .selectFrom('party_members as m')
    .leftJoin('accounts as a', (j) => j.onRef('a.resident_id', '=', 'm.resident_id').on('a.is_active', '=', true))
    .select(['m.id', 'm.resident_id', 'm.status', 'm.work_unit', 'm.grid_id', 'a.id as account_id'])
    .where('m.community_id', '=', communityId)
    .where('m.archived_at', 'is', null)
    .execute();
  const teams = await db
    .selectFrom('teams as t')
    .leftJoin('team_members as tm', (j) => j.onRef('tm.team_id', '=', 't.id').on('tm.is_leader', '=', true).on('tm.left_at', 'is', null))
    .leftJoin('accounts as a', (j) => j.onRef('a.resident_id', '=', 'tm.resident_id').on('a.is_active', '=', true))
    .select(['t.id', 't.name', 't.kind', 't.description', 'tm.resident_id as leader_resident_id', 'a.id as account_id'])
    .where('t.community_id', '=', communityId)
    .where('t.archived_at', 'is', null)
    .execute();
  const volunteers = await db
    .selectFrom('accounts')
    .select(['id', 'display_name', 'resident_id'])
    .where('community_id', '=', communityId)
    .where('role', '=', 'volunteer')
    .where('is_active', '=', true)
    .execute();
  return { partyMembers, teams, volunteers };
}
/**
 * A station (驿站) of the community, by id: where an activity is held (issue 11) or a duty shift stands (ADR 0044).
 * `archived_at` tells callers that refuse an archived station (duty templates and shifts) apart.
 */
export function stationRef(db: Db, communityId: CommunityId, id: number) {
  return db.selectFrom('stations').select(['id', 'name', 'archived_at']).where('community_id', '=', communityId).where('id', '=', id).executeTakeFirst();
}
/** Names of the community's stations by id (archived ones too: shifts keep their station's name). */
export function stationNames(db: Db, communityId: CommunityId, ids: readonly number[]) {
  return db
    .selectFrom('stations')
    .select(['id', 'name'])
    .where('community_id', '=', communityId)
    .where('id', 'in', ids.length ? [...ids] : none)
    .execute();
}
