export type { Scope } from '../../platform/db/scope.js';
import { sql, type Insertable, type Kysely, type Transaction, type Updateable } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { inScope, likeOf, scopeOfOne, type CommunityId, type Scope } from '../../platform/db/scope.js';

type Db = Kysely<DB> | Transaction<DB>;

const columns = [
  'id',
  'community_id',
  'status',
  'source',
  'meeting_title',
  'compound_id',
  'resident_name',
  'resident_phone_masked',
  'public_initial',
  'text',
  'category',
  'value_yuan',
  'shared',
  'due_on',
  'published_at',
  'claimed_at',
  'fulfilled_at',
  'confirmed_at',
  'closed_at',
  'result_note',
  'thanks',
  'created_by',
  'created_at',
] as const;
const sorts = { createdAt: 'created_at', dueOn: 'due_on', status: 'status', value: 'value_yuan', id: 'id' } as const;
const claimCount = (_db: Db) => sql<number>`(select count(*) from wish_claims c where c.wish_id = wishes.id)`.as('claim_count');

export interface WishFilter {
  status?: string;
  statuses?: readonly string[];
  source?: string;
  category?: string;
  compoundId?: number;
  q?: string;
  from?: Date;
  to?: Date;
}

export async function listWishes(
  db: Db,
  communityId: CommunityId,
  f: WishFilter,
  page: { offset: number; limit: number; sort?: string; order: 'asc' | 'desc' },
) {
  let q = db.selectFrom('wishes').where('community_id', '=', communityId);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.statuses) q = q.where('status', 'in', f.statuses.length ? [...f.statuses] : ['-']);
  if (f.source) q = q.where('source', '=', f.source);
  if (f.category) q = q.where('category', '=', f.category);
  if (f.compoundId) q = q.where('compound_id', '=', f.compoundId);
  if (f.from) q = q.where('created_at', '>=', f.from);
  if (f.to) q = q.where('created_at', '<', f.to);
  if (f.q) {
    const like = likeOf(f.q);
    q = q.where((eb) => eb.or([eb('text', 'like', like), eb('resident_name', 'like', like)]));
  }
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const sortColumn = sorts[(page.sort ?? 'id') as keyof typeof sorts] ?? 'id';
  const rows = await q
    .select(columns)
    .select(claimCount(db))
    .orderBy(sql.ref(sortColumn), page.order)
    .orderBy('id', page.order)
    .offset(page.offset)
    .limit(page.limit)
    .execute();
  return { total: Number(total.n), rows };
}

export function findWish(db: Db, scope: Scope, id: number) {
  return db.selectFrom('wishes').select(columns).select(claimCount(db)).where('id', '=', id).where(inScope(scope, 'community_id')).executeTakeFirst();
}
export type WishRow = NonNullable<Awaited<ReturnType<typeof findWish>>>;

/** The row locked for a step: two claims at once on a one-claimant wish wait for each other. */
export async function lockWish(trx: Transaction<DB>, communityId: CommunityId, id: number) {
  const row = await trx
    .selectFrom('wishes')
    .select(['id', 'status'])
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) return undefined;
  return findWish(trx, scopeOfOne(communityId), id);
}

export function findByTrackingHash(db: Db, hash: string) {
  return db
    .selectFrom('wishes')
    .select([...columns, 'key_hash'])
    .select(claimCount(db))
    .where('tracking_hash', '=', hash)
    .executeTakeFirst();
}

export function insertWish(db: Db, communityId: CommunityId, v: Omit<Insertable<DB['wishes']>, 'community_id'>) {
  return db
    .insertInto('wishes')
    .values({ ...v, community_id: communityId })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function updateWish(db: Db, communityId: CommunityId, id: number, v: Omit<Updateable<DB['wishes']>, 'community_id' | 'id' | 'created_at'>) {
  await db
    .updateTable('wishes')
    .set({ ...v, updated_at: new Date() })
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .execute();
}

const claimColumns = [
  'id',
  'wish_id',
  'claimant_kind',
  'claimant_name',
  'account_id',
  'partner_id',
  'team_id',
  'share_note',
  'share_value_yuan',
  'channel',
  'created_at',
] as const;
export function claimsOf(db: Db, communityId: CommunityId, wishIds: readonly number[]) {
  return db
    .selectFrom('wish_claims')
    .select(claimColumns)
    .where('community_id', '=', communityId)
    .where('wish_id', 'in', wishIds.length ? [...wishIds] : [-1])
    .orderBy('id')
    .execute();
}
export type ClaimRow = Awaited<ReturnType<typeof claimsOf>>[number];

export function insertClaim(
  db: Db,
  communityId: CommunityId,
  v: {
    wish_id: number;
    claimant_kind: string;
    claimant_name: string;
    account_id: number | null;
    partner_id: number | null;
    team_id: number | null;
    share_note: string | null;
    share_value_yuan: number | null;
    channel: string;
    created_by: number | null;
  },
) {
  return db
    .insertInto('wish_claims')
    .values({ ...v, community_id: communityId })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** Wishes an account claimed, or its partner claimed (a partner's contacts share their unit's claims). */
export async function claimedWishIds(db: Db, communityIds: readonly number[] | null, accountId: number, partnerId: number | null) {
  let q = db
    .selectFrom('wish_claims')
    .select('wish_id')
    .distinct()
    .where((eb) => (partnerId ? eb.or([eb('account_id', '=', accountId), eb('partner_id', '=', partnerId)]) : eb('account_id', '=', accountId)));
  if (communityIds) q = q.where('community_id', 'in', communityIds.length ? [...communityIds] : [-1]);
  return (await q.execute()).map((r) => Number(r.wish_id));
}

export function wishesByIds(db: Db, ids: readonly number[]) {
  return db
    .selectFrom('wishes')
    .select(columns)
    .select(claimCount(db))
    .where('id', 'in', ids.length ? [...ids] : [-1])
    .orderBy('id', 'desc')
    .execute();
}

export function insertEvent(
  db: Db,
  v: {
    community_id: number;
    wish_id: number;
    action: string;
    from_status: string | null;
    to_status: string | null;
    actor_id: number | null;
    actor_label: string | null;
    channel: string | null;
    note: string | null;
    is_public: boolean;
  },
) {
  return db.insertInto('wish_events').values(v).execute();
}

export function listEvents(db: Db, communityId: CommunityId, wishId: number, publicOnly = false) {
  let q = db.selectFrom('wish_events').selectAll().where('community_id', '=', communityId).where('wish_id', '=', wishId);
  if (publicOnly) q = q.where('is_public', '=', true);
  return q.orderBy('id').execute();
}

export function insertPhoto(
  db: Db,
  v: { community_id: number; wish_id: number; stage: 'raise' | 'fulfil'; mime: string; size: number; sha256: string; data: Buffer },
) {
  return db.insertInto('wish_photos').values(v).execute();
}
export async function photoIds(db: Db, communityId: CommunityId, wishId: number) {
  return (await db.selectFrom('wish_photos').select('id').where('community_id', '=', communityId).where('wish_id', '=', wishId).orderBy('id').execute()).map(
    (p) => Number(p.id),
  );
}
export function findPhoto(db: Db, communityId: CommunityId, wishId: number, photoId: number) {
  return db
    .selectFrom('wish_photos')
    .select(['mime', 'data'])
    .where('community_id', '=', communityId)
    .where('wish_id', '=', wishId)
    .where('id', '=', photoId)
    .executeTakeFirst();
}

/** For the jobs: published wishes past due (expiry) and claimed wishes near or at their due date (reminders). */
export function wishesDueBy(db: Db, status: 'published' | 'claimed', day: string) {
  return db
    .selectFrom('wishes')
    .select(['id', 'community_id', 'status', 'due_on'])
    .where('status', '=', status)
    .where('due_on', 'is not', null)
    .where('due_on', '<=', day)
    .orderBy('id')
    .limit(500)
    .execute();
}
export async function insertReminderOnce(trx: Transaction<DB>, communityId: CommunityId, wishId: number, kind: string): Promise<boolean> {
  const r = await trx
    .insertInto('wish_reminders')
    .values({ community_id: communityId, wish_id: wishId, kind })
    .onConflict((oc) => oc.columns(['wish_id', 'kind']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return !!r;
}

/** Counts and value for the dashboard: raised in the period, fulfilled in the period (with their value). */
export async function wishCounts(db: Db, communityId: CommunityId, from: Date, to: Date) {
  const raised = await db
    .selectFrom('wishes')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('community_id', '=', communityId)
    .where('created_at', '>=', from)
    .where('created_at', '<', to)
    .executeTakeFirstOrThrow();
  const done = await db
    .selectFrom('wishes')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.coalesce(eb.fn.sum<number>('value_yuan'), sql<number>`0`).as('value')])
    .where('community_id', '=', communityId)
    .where('status', 'in', ['fulfilled', 'confirmed'])
    .where('fulfilled_at', '>=', from)
    .where('fulfilled_at', '<', to)
    .executeTakeFirstOrThrow();
  return { raised: Number(raised.n), fulfilled: Number(done.n), value: Number(done.value) };
}
