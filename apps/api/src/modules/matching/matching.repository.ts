import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { inScope, type CommunityId, type Scope } from '../../platform/db/scope.js';

type Db = Kysely<DB> | Transaction<DB>;

export interface CandidateValues {
  kind: 'resource' | 'partner' | 'team' | 'party_member' | 'volunteer';
  ref_id: number;
  name: string;
  account_id: number | null;
  categories: string[];
  terms: string[];
  compound_id: number | null;
  grid_id: number | null;
  available: boolean;
}

export function indexState(db: Db, communityId: CommunityId) {
  return db.selectFrom('match_index_state').select(['refreshed_at', 'candidate_count']).where('community_id', '=', communityId).executeTakeFirst();
}
/** Communities whose index was refreshed before `before` (the periodic refresh). */
export function staleIndexes(db: Db, before: Date) {
  return db.selectFrom('match_index_state').select('community_id').where('refreshed_at', '<', before).execute();
}

/** Replaces a community's whole index in the caller's transaction, a thousand rows a statement. */
export async function replaceCandidates(trx: Transaction<DB>, communityId: CommunityId, rows: readonly CandidateValues[]) {
  await trx.deleteFrom('match_candidates').where('community_id', '=', communityId).execute();
  const now = new Date();
  for (let i = 0; i < rows.length; i += 1000)
    await trx
      .insertInto('match_candidates')
      .values(rows.slice(i, i + 1000).map((r) => ({ community_id: communityId, ...r, refreshed_at: now })))
      .execute();
  await trx
    .insertInto('match_index_state')
    .values({ community_id: communityId, refreshed_at: now, candidate_count: rows.length })
    .onConflict((oc) => oc.column('community_id').doUpdateSet({ refreshed_at: now, candidate_count: rows.length }))
    .execute();
}

/** A community's whole available index in one read (matching/candidate-cache.ts keeps it per process). */
export function availableCandidates(db: Db, communityId: CommunityId) {
  return db
    .selectFrom('match_candidates')
    .select(['kind', 'ref_id', 'name', 'account_id', 'categories', 'terms', 'compound_id', 'grid_id'])
    .where('community_id', '=', communityId)
    .where('available', '=', true)
    .orderBy('id')
    .execute();
}

export function findCandidate(db: Db, communityId: CommunityId, kind: string, refId: number) {
  return db
    .selectFrom('match_candidates')
    .select(['kind', 'ref_id', 'name', 'account_id'])
    .where('community_id', '=', communityId)
    .where('kind', '=', kind as 'partner')
    .where('ref_id', '=', refId)
    .executeTakeFirst();
}

const orderColumns = [
  'id',
  'community_id',
  'need_kind',
  'need_id',
  'need_summary',
  'candidate_kind',
  'candidate_id',
  'candidate_name',
  'claimant_account_id',
  'status',
  'note',
  'rating',
  'sent_at',
  'answered_at',
  'done_at',
] as const;

export async function listOrders(db: Db, communityId: CommunityId, f: { status?: string; claimant?: number }, page: { offset: number; limit: number }) {
  let q = db.selectFrom('match_orders').where('community_id', '=', communityId);
  if (f.status) q = q.where('status', '=', f.status as 'sent');
  if (f.claimant) q = q.where('claimant_account_id', '=', f.claimant);
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q.select(orderColumns).orderBy('id', 'desc').offset(page.offset).limit(page.limit).execute();
  return { total: Number(total.n), rows };
}
export function findOrder(db: Db, scope: Scope, id: number) {
  return db.selectFrom('match_orders').select(orderColumns).where('id', '=', id).where(inScope(scope, 'community_id')).executeTakeFirst();
}
export type OrderRow = NonNullable<Awaited<ReturnType<typeof findOrder>>>;

export function insertOrder(
  db: Db,
  communityId: CommunityId,
  v: {
    need_kind: 'ticket' | 'help_need' | 'wish';
    need_id: number;
    need_summary: string;
    candidate_kind: string;
    candidate_id: number;
    candidate_name: string;
    claimant_account_id: number;
    note: string | null;
    sent_by: number;
  },
) {
  return db
    .insertInto('match_orders')
    .values({ community_id: communityId, ...v })
    .returning('id')
    .executeTakeFirstOrThrow();
}
export async function updateOrder(
  db: Db,
  communityId: CommunityId,
  id: number,
  fromStatus: string,
  v: Partial<{ status: 'sent' | 'accepted' | 'declined' | 'done' | 'rated' | 'cancelled'; rating: number; answered_at: Date; done_at: Date; rated_at: Date }>,
) {
  // The status it was read in: a concurrent step makes this touch no row.
  const r = await db
    .updateTable('match_orders')
    .set(v)
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .where('status', '=', fromStatus as 'sent')
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
export function insertOrderEvent(
  db: Db,
  v: {
    community_id: number;
    order_id: number;
    action: string;
    from_status: string | null;
    to_status: string | null;
    actor_id: number | null;
    note: string | null;
  },
) {
  return db.insertInto('match_order_events').values(v).execute();
}
export function orderEvents(db: Db, orderId: number) {
  return db
    .selectFrom('match_order_events')
    .select(['id', 'action', 'from_status', 'to_status', 'actor_id', 'note', 'created_at'])
    .where('order_id', '=', orderId)
    .orderBy('id')
    .execute();
}
