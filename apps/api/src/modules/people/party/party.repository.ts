import { sql } from 'kysely';
import type { CommunityId } from '../../../platform/db/scope.js';
import { residentView } from '../../places/index.js';
import type { Db, PageRequest } from '../common.repository.js';

// SQL of party members' service (ADR 0043): only the people module's own tables, every call scoped by community.

// ------------------------------------------------------------------ members (the people register)

/** Party members of a community by id with their name, status and work unit. */
export function memberNames(db: Db, communityId: CommunityId, ids: readonly number[]) {
  return db
    .selectFrom('party_members as m')
    .innerJoin(residentView(db).as('r'), 'r.id', 'm.resident_id')
    .select(['m.id', 'r.name', 'm.status', 'm.work_unit', 'm.resident_id', 'm.grid_id', 'm.archived_at'])
    .where('m.community_id', '=', communityId)
    .where(sql<boolean>`m.id = any(${sql.val([...ids, -1])}::bigint[])`)
    .execute();
}
export async function findMember(db: Db, communityId: CommunityId, id: number) {
  return (await memberNames(db, communityId, [id]))[0];
}
/** The party member record of an account (through the account's resident), if any. */
export function memberOfAccount(db: Db, communityId: CommunityId, accountId: number) {
  return db
    .selectFrom('accounts as a')
    .innerJoin('party_members as m', 'm.resident_id', 'a.resident_id')
    .select(['m.id'])
    .where('a.id', '=', accountId)
    .where('m.community_id', '=', communityId)
    .where('m.archived_at', 'is', null)
    .executeTakeFirst();
}
/** Members of a community that are not archived, with the given statuses, in id order. */
export function activeMembers(db: Db, communityId: CommunityId, statuses: readonly ('registered' | 'in_service' | 'outside')[]) {
  return db
    .selectFrom('party_members as m')
    .innerJoin(residentView(db).as('r'), 'r.id', 'm.resident_id')
    .select(['m.id', 'r.name', 'm.status', 'm.work_unit', 'm.resident_id'])
    .where('m.community_id', '=', communityId)
    .where('m.archived_at', 'is', null)
    .where('m.status', 'in', statuses.length ? [...statuses] : ['registered'])
    .orderBy('m.id')
    .execute();
}

// ------------------------------------------------------------------ settings

export function findSettings(db: Db, communityId: CommunityId) {
  return db.selectFrom('party_settings').selectAll().where('community_id', '=', communityId).executeTakeFirst();
}
export async function upsertSettings(
  db: Db,
  communityId: CommunityId,
  v: { report_interval_months?: number; floor_hours_per_year?: number; pass_points?: number | null; updated_by: number },
) {
  await db
    .insertInto('party_settings')
    .values({ community_id: communityId, ...v })
    .onConflict((oc) => oc.column('community_id').doUpdateSet({ ...v, updated_at: new Date() }))
    .execute();
}
/** The next 回执 number of a community: counted under the settings row's lock, so two reports never share one. */
export async function nextReceiptSeq(db: Db, communityId: CommunityId): Promise<number> {
  await db
    .insertInto('party_settings')
    .values({ community_id: communityId })
    .onConflict((oc) => oc.column('community_id').doNothing())
    .execute();
  const row = await db
    .updateTable('party_settings')
    .set((eb) => ({ receipt_seq: eb('receipt_seq', '+', 1) }))
    .where('community_id', '=', communityId)
    .returning('receipt_seq')
    .executeTakeFirstOrThrow();
  return row.receipt_seq;
}

// ------------------------------------------------------------------ reports (双报到)

const reportColumns = [
  'id',
  'community_id',
  'party_member_id',
  'work_unit',
  'work_unit_party_org',
  'slip_received_on',
  'reported_on',
  'receipt_no',
  'skills',
  'preferred_classes',
  'contact_phone_masked',
  'created_at',
] as const;

export function insertReport(
  db: Db,
  communityId: CommunityId,
  v: {
    party_member_id: number;
    work_unit: string;
    work_unit_party_org: string | null;
    slip_received_on: string;
    reported_on: string;
    receipt_no: string;
    skills: string[];
    preferred_classes: string[];
    contact_phone_enc: string | null;
    contact_phone_masked: string | null;
    created_by: number;
  },
) {
  return db
    .insertInto('party_reports')
    .values({ community_id: communityId, ...v })
    .returning('id')
    .executeTakeFirstOrThrow();
}
export function findReport(db: Db, communityId: CommunityId, id: number) {
  return db.selectFrom('party_reports').select(reportColumns).where('community_id', '=', communityId).where('id', '=', id).executeTakeFirst();
}
export type ReportRow = NonNullable<Awaited<ReturnType<typeof findReport>>>;

export async function listReports(db: Db, communityId: CommunityId, f: { partyMemberId?: number; from?: string; to?: string }, page: PageRequest) {
  let q = db.selectFrom('party_reports').where('community_id', '=', communityId);
  if (f.partyMemberId) q = q.where('party_member_id', '=', f.partyMemberId);
  if (f.from) q = q.where('reported_on', '>=', f.from);
  if (f.to) q = q.where('reported_on', '<', f.to);
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const sort = page.sort === 'reportedOn' ? 'reported_on' : 'id';
  const rows = await q.select(reportColumns).orderBy(sql.ref(sort), page.order).orderBy('id', page.order).offset(page.offset).limit(page.limit).execute();
  return { total: Number(total.n), rows };
}
/** Each member's latest report date. */
export function lastReports(db: Db, communityId: CommunityId) {
  return db
    .selectFrom('party_reports')
    .select(['party_member_id', (eb) => eb.fn.max('reported_on').as('last_reported_on')])
    .where('community_id', '=', communityId)
    .groupBy('party_member_id')
    .execute();
}

// ------------------------------------------------------------------ pioneer posts (先锋岗) and claims

const activeClaims = (db: Db) =>
  db
    .selectFrom('pioneer_post_claims')
    .select(['post_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('left_at', 'is', null)
    .groupBy('post_id');
const postColumns = [
  'p.id',
  'p.community_id',
  'p.name',
  'p.post_class',
  'p.place_kind',
  'p.place_id',
  'p.capacity',
  'p.description',
  'p.created_at',
  'p.archived_at',
] as const;
const postQuery = (db: Db) => db.selectFrom('pioneer_posts as p').leftJoin(activeClaims(db).as('c'), 'c.post_id', 'p.id');

export function insertPost(
  db: Db,
  communityId: CommunityId,
  v: {
    name: string;
    post_class: string;
    place_kind: 'grid' | 'compound' | 'building';
    place_id: number;
    capacity: number;
    description: string | null;
    created_by: number;
  },
) {
  return db
    .insertInto('pioneer_posts')
    .values({ community_id: communityId, ...v })
    .returning('id')
    .executeTakeFirstOrThrow();
}
export function findPost(db: Db, communityId: CommunityId, id: number) {
  return postQuery(db)
    .select([...postColumns, sql<number>`coalesce(c.n, 0)::int`.as('claimed')])
    .where('p.community_id', '=', communityId)
    .where('p.id', '=', id)
    .executeTakeFirst();
}
export type PostRow = NonNullable<Awaited<ReturnType<typeof findPost>>>;

export async function listPosts(
  db: Db,
  communityId: CommunityId,
  f: { postClass?: string; placeKind?: string; open?: boolean; includeArchived?: boolean; q?: string; ids?: number[] },
  page: PageRequest,
) {
  let q = postQuery(db).where('p.community_id', '=', communityId);
  if (!f.includeArchived) q = q.where('p.archived_at', 'is', null);
  if (f.postClass) q = q.where('p.post_class', '=', f.postClass);
  if (f.placeKind) q = q.where('p.place_kind', '=', f.placeKind as 'grid');
  if (f.open) q = q.where(sql<boolean>`coalesce(c.n, 0) < p.capacity`);
  if (f.q) q = q.where('p.name', 'like', `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  if (f.ids) q = q.where('p.id', 'in', f.ids.length ? f.ids : [-1]);
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const sort = page.sort === 'name' ? 'p.name' : page.sort === 'postClass' ? 'p.post_class' : 'p.id';
  const rows = await q
    .select([...postColumns, sql<number>`coalesce(c.n, 0)::int`.as('claimed')])
    .orderBy(sql.ref(sort), page.order)
    .orderBy('p.id')
    .offset(page.offset)
    .limit(page.limit)
    .execute();
  return { total: Number(total.n), rows };
}
export async function updatePost(
  db: Db,
  communityId: CommunityId,
  id: number,
  v: { name?: string; capacity?: number; description?: string | null; archived_at?: Date },
) {
  const set = Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined));
  if (Object.keys(set).length === 0) return;
  await db.updateTable('pioneer_posts').set(set).where('community_id', '=', communityId).where('id', '=', id).execute();
}
/** Locks the post's row for the claim's transaction and counts its holders: claims of one post queue here. */
export async function lockPostForClaim(db: Db, communityId: CommunityId, id: number) {
  const post = await db
    .selectFrom('pioneer_posts')
    .select(['id', 'capacity', 'archived_at', 'name'])
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!post) return undefined;
  const held = await db
    .selectFrom('pioneer_post_claims')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('post_id', '=', id)
    .where('left_at', 'is', null)
    .executeTakeFirstOrThrow();
  return { ...post, held: Number(held.n) };
}
export function insertClaim(db: Db, communityId: CommunityId, v: { post_id: number; party_member_id: number; claimed_by: number }) {
  return db
    .insertInto('pioneer_post_claims')
    .values({ community_id: communityId, ...v })
    .returning('id')
    .executeTakeFirstOrThrow();
}
const claimColumns = ['k.id', 'k.post_id', 'p.name as post_name', 'k.party_member_id', 'k.claimed_at', 'k.left_at', 'k.leave_reason'] as const;
const claimQuery = (db: Db, communityId: CommunityId) =>
  db.selectFrom('pioneer_post_claims as k').innerJoin('pioneer_posts as p', 'p.id', 'k.post_id').where('k.community_id', '=', communityId);
export function findClaim(db: Db, communityId: CommunityId, id: number) {
  return claimQuery(db, communityId).select(claimColumns).where('k.id', '=', id).executeTakeFirst();
}
export type ClaimRow = NonNullable<Awaited<ReturnType<typeof findClaim>>>;
export function claimsOf(db: Db, communityId: CommunityId, by: { postId?: number; partyMemberId?: number; activeOnly?: boolean }) {
  let q = claimQuery(db, communityId).select(claimColumns);
  if (by.postId) q = q.where('k.post_id', '=', by.postId);
  if (by.partyMemberId) q = q.where('k.party_member_id', '=', by.partyMemberId);
  if (by.activeOnly) q = q.where('k.left_at', 'is', null);
  return q.orderBy('k.id').execute();
}
export async function leaveClaim(db: Db, communityId: CommunityId, id: number, reason: string | null) {
  const r = await db
    .updateTable('pioneer_post_claims')
    .set({ left_at: new Date(), leave_reason: reason })
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .where('left_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return r !== undefined;
}

// ------------------------------------------------------------------ responsibility areas (责任区) and pairings (结对)

export function insertArea(
  db: Db,
  communityId: CommunityId,
  v: { party_member_id: number; place_kind: 'grid' | 'building'; place_id: number; note: string | null; started_on: string; created_by: number },
) {
  return db
    .insertInto('party_areas')
    .values({ community_id: communityId, ...v })
    .returning('id')
    .executeTakeFirstOrThrow();
}
export function areasOf(db: Db, communityId: CommunityId, partyMemberId: number) {
  return db.selectFrom('party_areas').selectAll().where('community_id', '=', communityId).where('party_member_id', '=', partyMemberId).orderBy('id').execute();
}
export type AreaRow = Awaited<ReturnType<typeof areasOf>>[number];
export function insertPairing(
  db: Db,
  communityId: CommunityId,
  v: { party_member_id: number; household_id: number; note: string | null; started_on: string; created_by: number },
) {
  return db
    .insertInto('party_pairings')
    .values({ community_id: communityId, ...v })
    .returning('id')
    .executeTakeFirstOrThrow();
}
export function pairingsOf(db: Db, communityId: CommunityId, partyMemberId: number) {
  return db
    .selectFrom('party_pairings')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('party_member_id', '=', partyMemberId)
    .orderBy('id')
    .execute();
}
export type PairingRow = Awaited<ReturnType<typeof pairingsOf>>[number];
/** Ends an open area or pairing of the member; false when there is none open with that id. */
export async function endLink(db: Db, communityId: CommunityId, table: 'party_areas' | 'party_pairings', partyMemberId: number, id: number, endedOn: string) {
  const r = await db
    .updateTable(table)
    .set({ ended_on: endedOn })
    .where('community_id', '=', communityId)
    .where('party_member_id', '=', partyMemberId)
    .where('id', '=', id)
    .where('ended_on', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return r !== undefined;
}

// ------------------------------------------------------------------ the feedback sheet and the below-floor list

const ofMembers = (ids: readonly number[]) => sql<boolean>`party_member_id = any(${sql.val([...ids, -1])}::bigint[])`;
/** Reports, claims (with the post's name), areas and pairings of many members at once, for the sheets. */
export async function workOfMembers(db: Db, communityId: CommunityId, ids: readonly number[]) {
  const [reports, claims, areas, pairings] = [
    await db
      .selectFrom('party_reports')
      .select(reportColumns)
      .where('community_id', '=', communityId)
      .where(ofMembers(ids))
      .orderBy('reported_on')
      .orderBy('id')
      .execute(),
    await db
      .selectFrom('pioneer_post_claims as k')
      .innerJoin('pioneer_posts as p', 'p.id', 'k.post_id')
      .select([...claimColumns, 'p.post_class'])
      .where('k.community_id', '=', communityId)
      .where(sql<boolean>`k.party_member_id = any(${sql.val([...ids, -1])}::bigint[])`)
      .orderBy('k.id')
      .execute(),
    await db.selectFrom('party_areas').selectAll().where('community_id', '=', communityId).where(ofMembers(ids)).orderBy('id').execute(),
    await db.selectFrom('party_pairings').selectAll().where('community_id', '=', communityId).where(ofMembers(ids)).orderBy('id').execute(),
  ];
  return { reports, claims, areas, pairings };
}
export function countClaims(db: Db, communityId: CommunityId) {
  return db
    .selectFrom('pioneer_post_claims')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('community_id', '=', communityId)
    .executeTakeFirstOrThrow();
}
/** All claims of the community in id order from `after`, for the claims register. */
export function claimsAfter(db: Db, communityId: CommunityId, after: number, limit: number) {
  return claimQuery(db, communityId)
    .select([...claimColumns, 'p.post_class', 'p.place_kind', 'p.place_id'])
    .where('k.id', '>', after)
    .orderBy('k.id')
    .limit(limit)
    .execute();
}
export function countReportsIn(db: Db, communityId: CommunityId, fromDay: string, toDay: string) {
  return db
    .selectFrom('party_reports')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('community_id', '=', communityId)
    .where('reported_on', '>=', fromDay)
    .where('reported_on', '<=', toDay)
    .executeTakeFirstOrThrow();
}
export function reportsAfter(db: Db, communityId: CommunityId, fromDay: string, toDay: string, after: number, limit: number) {
  return db
    .selectFrom('party_reports')
    .select(reportColumns)
    .where('community_id', '=', communityId)
    .where('reported_on', '>=', fromDay)
    .where('reported_on', '<=', toDay)
    .where('id', '>', after)
    .orderBy('id')
    .limit(limit)
    .execute();
}
