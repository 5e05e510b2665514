export type { Scope } from '../../platform/db/scope.js';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { inScope, likeOf, type Scope, scopeOfOne, type CommunityId } from '../../platform/db/scope.js';
import { compoundView, gridView, residentIdsWithinReach, residentView, type ResidentReach } from '../places/index.js';

type Db = Kysely<DB> | Transaction<DB>;
export interface PageRequest {
  offset: number;
  limit: number;
  sort?: string;
  order: 'asc' | 'desc';
}

/** The values an update names; an empty result means there is nothing to write. */
function defined<T extends Record<string, unknown>>(v: T): Partial<T> | null {
  const out = Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined)) as Partial<T>;
  return Object.keys(out).length ? out : null;
}

/** SQL condition: the resident in `column` is one the reader may read (places decides which: ADR 0015). */
const isResidentReadable = (db: Db, scope: Scope, reach: ResidentReach, column: 'm.resident_id' | 'tm.resident_id') =>
  reach === null ? sql<boolean>`true` : sql<boolean>`${sql.ref(column)} in ${residentIdsWithinReach(db, scope, reach)}`;

// ------------------------------------------------------------------ party members

function partyMemberQuery(db: Db) {
  return db.selectFrom('party_members as m').innerJoin(residentView(db).as('r'), 'r.id', 'm.resident_id').leftJoin(gridView(db).as('g'), 'g.id', 'm.grid_id');
}
const partyMemberColumns = [
  'm.id',
  'm.community_id',
  'm.resident_id',
  'r.name',
  'r.gender',
  'r.phone_masked',
  'm.status',
  'm.work_unit',
  'm.grid_id',
  'g.name as grid_name',
  'r.compound_name',
  'r.building_name',
  'r.unit_name',
  'r.room_no',
  'm.joined_on',
  'm.archived_at',
] as const;
const partyMemberSorts = { name: 'r.name', status: 'm.status', joinedOn: 'm.joined_on', gridName: 'g.name', id: 'm.id' } as const;

export interface PartyMemberFilter {
  status?: string;
  gridId?: number;
  includeArchived?: boolean;
  q?: string;
  phoneHash?: string;
  reach: ResidentReach;
}

export async function listPartyMembers(db: Db, communityId: CommunityId, f: PartyMemberFilter, page: PageRequest) {
  let q = partyMemberQuery(db)
    .where('m.community_id', '=', communityId)
    .where(isResidentReadable(db, scopeOfOne(communityId), f.reach, 'm.resident_id'));
  if (!f.includeArchived) q = q.where('m.archived_at', 'is', null);
  if (f.status) q = q.where('m.status', '=', f.status as 'registered');
  if (f.gridId) q = q.where('m.grid_id', '=', f.gridId);
  if (f.q) {
    const like = likeOf(f.q);
    q = q.where((eb) => eb.or([eb('r.name', 'like', like), eb('m.work_unit', 'like', like), ...(f.phoneHash ? [eb('r.phone_hash', '=', f.phoneHash)] : [])]));
  }
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const sortColumn = partyMemberSorts[(page.sort ?? 'id') as keyof typeof partyMemberSorts] ?? 'm.id';
  const rows = await q.select(partyMemberColumns).orderBy(sql.ref(sortColumn), page.order).orderBy('m.id').offset(page.offset).limit(page.limit).execute();
  return { total: Number(total.n), rows };
}
export function findPartyMember(db: Db, scope: Scope, id: number, reach: ResidentReach) {
  return partyMemberQuery(db)
    .select(partyMemberColumns)
    .where('m.id', '=', id)
    .where(inScope(scope, 'm.community_id'))
    .where(isResidentReadable(db, scope, reach, 'm.resident_id'))
    .executeTakeFirst();
}
export type PartyMemberRow = NonNullable<Awaited<ReturnType<typeof findPartyMember>>>;

export function findPartyMemberByResident(db: Db, communityId: CommunityId, residentId: number) {
  return db
    .selectFrom('party_members')
    .select(['id', 'archived_at'])
    .where('community_id', '=', communityId)
    .where('resident_id', '=', residentId)
    .executeTakeFirst();
}
export function insertPartyMember(
  db: Db,
  communityId: CommunityId,
  v: { resident_id: number; status: 'registered' | 'in_service' | 'outside'; work_unit: string | null; grid_id: number | null; joined_on: string | null },
) {
  return db
    .insertInto('party_members')
    .values({ community_id: communityId, ...v })
    .returning('id')
    .executeTakeFirstOrThrow();
}
export function updatePartyMember(
  db: Db,
  communityId: CommunityId,
  id: number,
  v: { status?: 'registered' | 'in_service' | 'outside'; work_unit?: string | null; grid_id?: number | null; joined_on?: string | null; archived_at?: Date },
) {
  const set = defined(v);
  if (!set) return Promise.resolve();
  return db.updateTable('party_members').set(set).where('community_id', '=', communityId).where('id', '=', id).execute();
}

// ------------------------------------------------------------------ teams

function teamQuery(db: Db) {
  return db
    .selectFrom('teams as t')
    .select([
      't.id',
      't.community_id',
      't.name',
      't.kind',
      't.description',
      't.archived_at',
      (eb) =>
        eb
          .selectFrom('team_members as tm')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('tm.team_id', '=', 't.id')
          .where('tm.left_at', 'is', null)
          .as('member_count'),
    ]);
}
const teamSorts = { name: 't.name', kind: 't.kind', memberCount: 'member_count', id: 't.id' } as const;

export async function listTeams(db: Db, communityId: CommunityId, f: { kind?: string; includeArchived?: boolean; q?: string }, page: PageRequest) {
  let q = db.selectFrom('teams as t').where('t.community_id', '=', communityId);
  if (!f.includeArchived) q = q.where('t.archived_at', 'is', null);
  if (f.kind) q = q.where('t.kind', '=', f.kind as 'pioneer');
  if (f.q) {
    const like = likeOf(f.q);
    q = q.where((eb) => eb.or([eb('t.name', 'like', like), eb('t.description', 'like', like)]));
  }
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  let rowsQuery = teamQuery(db).where('t.community_id', '=', communityId);
  if (!f.includeArchived) rowsQuery = rowsQuery.where('t.archived_at', 'is', null);
  if (f.kind) rowsQuery = rowsQuery.where('t.kind', '=', f.kind as 'pioneer');
  if (f.q) {
    const like = likeOf(f.q);
    rowsQuery = rowsQuery.where((eb) => eb.or([eb('t.name', 'like', like), eb('t.description', 'like', like)]));
  }
  const sortColumn = teamSorts[(page.sort ?? 'id') as keyof typeof teamSorts] ?? 't.id';
  const rows = await rowsQuery.orderBy(sql.ref(sortColumn), page.order).orderBy('t.id').offset(page.offset).limit(page.limit).execute();
  return { total: Number(total.n), rows };
}
export function findTeam(db: Db, scope: Scope, id: number) {
  return teamQuery(db).where('t.id', '=', id).where(inScope(scope, 't.community_id')).executeTakeFirst();
}
export type TeamRow = NonNullable<Awaited<ReturnType<typeof findTeam>>>;

/** Names of the current leaders of the given teams, in the order they joined. */
export async function leaderNamesOf(db: Db, communityId: CommunityId, teamIds: number[]): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  if (teamIds.length === 0) return out;
  const rows = await db
    .selectFrom('team_members as tm')
    .innerJoin(residentView(db).as('r'), 'r.id', 'tm.resident_id')
    .select(['tm.team_id', 'r.name'])
    .where('tm.community_id', '=', communityId)
    .where(sql<boolean>`tm.team_id = any(${sql.val(teamIds)}::bigint[])`)
    .where('tm.is_leader', '=', true)
    .where('tm.left_at', 'is', null)
    .orderBy('tm.joined_at')
    .orderBy('tm.id')
    .execute();
  for (const r of rows) out.set(r.team_id, [...(out.get(r.team_id) ?? []), r.name]);
  return out;
}

/** Current members; `is_readable`: the reader may read this resident's record (else the service hides the phone). */
export function listTeamMembers(db: Db, communityId: CommunityId, teamId: number, reach: ResidentReach) {
  return db
    .selectFrom('team_members as tm')
    .innerJoin(residentView(db).as('r'), 'r.id', 'tm.resident_id')
    .select(['tm.id', 'tm.resident_id', 'r.name', 'r.phone_masked', 'tm.is_leader', 'tm.joined_at'])
    .select(isResidentReadable(db, scopeOfOne(communityId), reach, 'tm.resident_id').as('is_readable'))
    .where('tm.community_id', '=', communityId)
    .where('tm.team_id', '=', teamId)
    .where('tm.left_at', 'is', null)
    .orderBy('tm.is_leader', 'desc')
    .orderBy('tm.joined_at')
    .orderBy('tm.id')
    .execute();
}
export function findTeamMember(db: Db, communityId: CommunityId, teamId: number, id: number) {
  return db
    .selectFrom('team_members')
    .select(['id', 'resident_id', 'is_leader', 'left_at'])
    .where('community_id', '=', communityId)
    .where('team_id', '=', teamId)
    .where('id', '=', id)
    .executeTakeFirst();
}
export function findActiveMembership(db: Db, communityId: CommunityId, teamId: number, residentId: number) {
  return db
    .selectFrom('team_members')
    .select('id')
    .where('community_id', '=', communityId)
    .where('team_id', '=', teamId)
    .where('resident_id', '=', residentId)
    .where('left_at', 'is', null)
    .executeTakeFirst();
}
export function insertTeam(
  db: Db,
  communityId: CommunityId,
  v: { name: string; kind: 'pioneer' | 'volunteer' | 'arts' | 'squad' | 'heads'; description: string | null },
) {
  return db
    .insertInto('teams')
    .values({ community_id: communityId, ...v })
    .returning('id')
    .executeTakeFirstOrThrow();
}
export function updateTeam(
  db: Db,
  communityId: CommunityId,
  id: number,
  v: { name?: string; kind?: 'pioneer' | 'volunteer' | 'arts' | 'squad' | 'heads'; description?: string | null },
) {
  const set = defined(v);
  if (!set) return Promise.resolve();
  return db.updateTable('teams').set(set).where('community_id', '=', communityId).where('id', '=', id).execute();
}
export function insertTeamMember(db: Db, communityId: CommunityId, v: { team_id: number; resident_id: number; is_leader: boolean }) {
  return db
    .insertInto('team_members')
    .values({ community_id: communityId, ...v })
    .returning('id')
    .executeTakeFirstOrThrow();
}
export function markTeamMemberLeft(db: Db, communityId: CommunityId, id: number, at: Date) {
  return db
    .updateTable('team_members')
    .set({ left_at: at })
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .where('left_at', 'is', null)
    .executeTakeFirst();
}

// ------------------------------------------------------------------ stations

function stationQuery(db: Db) {
  return db
    .selectFrom('stations as s')
    .leftJoin(compoundView(db).as('p'), 'p.id', 's.compound_id')
    .select([
      's.id',
      's.community_id',
      's.compound_id',
      'p.name as compound_name',
      's.name',
      's.kind',
      's.address',
      's.opening_hours',
      's.phone',
      's.description',
      's.archived_at',
    ]);
}
const stationSorts = { name: 's.name', kind: 's.kind', compoundName: 'p.name', id: 's.id' } as const;

export async function listStations(
  db: Db,
  communityId: CommunityId,
  f: { kind?: string; compoundId?: number; includeArchived?: boolean; q?: string },
  page: PageRequest,
) {
  let q = stationQuery(db).where('s.community_id', '=', communityId);
  if (!f.includeArchived) q = q.where('s.archived_at', 'is', null);
  if (f.kind) q = q.where('s.kind', '=', f.kind);
  if (f.compoundId) q = q.where('s.compound_id', '=', f.compoundId);
  if (f.q) {
    const like = likeOf(f.q);
    q = q.where((eb) => eb.or([eb('s.name', 'like', like), eb('s.address', 'like', like)]));
  }
  const total = await q
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const sortColumn = stationSorts[(page.sort ?? 'id') as keyof typeof stationSorts] ?? 's.id';
  const rows = await q.orderBy(sql.ref(sortColumn), page.order).orderBy('s.id').offset(page.offset).limit(page.limit).execute();
  return { total: Number(total.n), rows };
}
export function findStation(db: Db, scope: Scope, id: number) {
  return stationQuery(db).where('s.id', '=', id).where(inScope(scope, 's.community_id')).executeTakeFirst();
}
export type StationRow = NonNullable<Awaited<ReturnType<typeof findStation>>>;

export interface StationValues {
  compound_id: number | null;
  name: string;
  kind: string;
  address: string | null;
  opening_hours: string | null;
  phone: string | null;
  description: string | null;
}
export function insertStation(db: Db, communityId: CommunityId, v: StationValues) {
  return db
    .insertInto('stations')
    .values({ community_id: communityId, ...v })
    .returning('id')
    .executeTakeFirstOrThrow();
}
export function updateStation(db: Db, communityId: CommunityId, id: number, v: Partial<StationValues>) {
  const set = defined(v);
  if (!set) return Promise.resolve();
  return db.updateTable('stations').set(set).where('community_id', '=', communityId).where('id', '=', id).execute();
}

// ------------------------------------------------------------------ accounts

/**
 * Which accounts a caller may see: accounts of the listed communities (null: every account), plus, for a subdistrict
 * admin, the subdistrict-level accounts of their subdistrict.
 */
export interface AccountScope {
  communityIds: Scope;
  subdistrictId: number | null;
}
const accountInScope = (scope: AccountScope) =>
  scope.communityIds.ids === null
    ? sql<boolean>`true`
    : scope.subdistrictId === null
      ? inScope(scope.communityIds, 'a.community_id')
      : sql<boolean>`(${inScope(scope.communityIds, 'a.community_id')} or a.subdistrict_id = ${scope.subdistrictId})`;

const accountColumns = [
  'a.id',
  'a.username',
  'a.display_name',
  'a.role',
  'a.community_id',
  'a.subdistrict_id',
  'a.phone_masked',
  'a.is_active',
  'a.created_at',
] as const;
const accountSorts = { username: 'a.username', displayName: 'a.display_name', role: 'a.role', createdAt: 'a.created_at', id: 'a.id' } as const;

export async function listAccounts(
  db: Db,
  scope: AccountScope,
  f: { communityId?: number; role?: string; isActive?: boolean; q?: string; phoneHash?: string },
  page: PageRequest,
) {
  let q = db.selectFrom('accounts as a').where(accountInScope(scope));
  if (f.communityId) q = q.where('a.community_id', '=', f.communityId);
  if (f.role) q = q.where('a.role', '=', f.role);
  if (f.isActive !== undefined) q = q.where('a.is_active', '=', f.isActive);
  if (f.q) {
    const like = likeOf(f.q);
    q = q.where((eb) =>
      eb.or([eb('a.username', 'like', like), eb('a.display_name', 'like', like), ...(f.phoneHash ? [eb('a.phone_hash', '=', f.phoneHash)] : [])]),
    );
  }
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const sortColumn = accountSorts[(page.sort ?? 'id') as keyof typeof accountSorts] ?? 'a.id';
  const rows = await q.select(accountColumns).orderBy(sql.ref(sortColumn), page.order).orderBy('a.id').offset(page.offset).limit(page.limit).execute();
  return { total: Number(total.n), rows };
}
export function findAccount(db: Db, scope: AccountScope, id: number) {
  return db.selectFrom('accounts as a').select(accountColumns).where('a.id', '=', id).where(accountInScope(scope)).executeTakeFirst();
}
export type AccountRow = NonNullable<Awaited<ReturnType<typeof findAccount>>>;

export function findAccountIdByUsername(db: Db, username: string) {
  return db.selectFrom('accounts').select('id').where('username', '=', username).executeTakeFirst();
}
export function findAccountIdByPhoneHash(db: Db, phoneHash: string) {
  return db.selectFrom('accounts').select('id').where('phone_hash', '=', phoneHash).executeTakeFirst();
}
// Accounts are keyed by id; which ones a caller may touch is checked by findAccount's AccountScope first.
export function insertAccount(
  db: Db,
  communityId: number | null,
  v: {
    username: string;
    display_name: string;
    role: string;
    password_hash: string;
    subdistrict_id: number | null;
    phone_enc: string | null;
    phone_masked: string | null;
    phone_hash: string | null;
  },
) {
  return db
    .insertInto('accounts')
    .values({ community_id: communityId, ...v })
    .returning('id')
    .executeTakeFirstOrThrow();
}
export function updateAccount(
  db: Db,
  communityId: number | null,
  id: number,
  v: {
    display_name?: string;
    role?: string;
    is_active?: boolean;
    community_id?: number | null;
    subdistrict_id?: number | null;
    password_hash?: string;
    password_changed_at?: Date;
  },
) {
  const set = defined(v);
  if (!set) return Promise.resolve();
  return db
    .updateTable('accounts')
    .set(set)
    .where('id', '=', id)
    .where((eb) => (communityId === null ? eb('community_id', 'is', null) : eb('community_id', '=', communityId)))
    .execute();
}
