import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import type { PointsEntryKind } from '../../../platform/db/schema/points.js';
import type { CommunityId } from '../../../platform/db/scope.js';

type Db = Kysely<DB> | Transaction<DB>;

/** The lock every movement of one volunteer's points takes first: a spend and the balance it checks are one step. */
export async function lockVolunteer(trx: Transaction<DB>, volunteerId: number): Promise<void> {
  await sql`select pg_advisory_xact_lock(${sql.lit(42_042)}, ${sql.val(volunteerId)}::int)`.execute(trx);
}

/** A volunteer's balance: the sum of the ledger (before `before` when given). Never stored. */
export async function balanceOf(db: Db, communityId: CommunityId, volunteerId: number, before?: Date): Promise<number> {
  let q = db
    .selectFrom('points_entries')
    .select(sql<string | number | null>`sum(delta)`.as('balance'))
    .where('volunteer_id', '=', volunteerId)
    .where('community_id', '=', communityId);
  if (before) q = q.where('occurred_at', '<', before);
  const row = await q.executeTakeFirst();
  return Number(row?.balance ?? 0);
}

/** Balances of many volunteers at once (a page of rows). */
export async function balancesOf(db: Db, communityId: CommunityId, volunteerIds: number[]): Promise<Map<number, number>> {
  if (!volunteerIds.length) return new Map();
  const rows = await db
    .selectFrom('points_entries')
    .select(['volunteer_id', sql<string | number>`sum(delta)`.as('balance')])
    .where('community_id', '=', communityId)
    .where('volunteer_id', 'in', volunteerIds)
    .groupBy('volunteer_id')
    .execute();
  return new Map(rows.map((r) => [r.volunteer_id, Number(r.balance)]));
}

export interface NewEntry {
  volunteer_id: number;
  kind: PointsEntryKind;
  debit_account: string;
  credit_account: string;
  amount: number;
  delta: number;
  reason: string;
  author_id: number | null;
  source_kind: string | null;
  source_id: number | null;
  reverses_entry_id?: number | null;
  occurred_at?: Date;
}

export async function insertEntry(trx: Transaction<DB>, communityId: CommunityId, e: NewEntry): Promise<number> {
  const row = await trx
    .insertInto('points_entries')
    .values({ ...e, community_id: communityId, reverses_entry_id: e.reverses_entry_id ?? null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The earned entry of one source (a service-hours entry, a wish) for a volunteer, if any. */
export function findEarned(db: Db, communityId: CommunityId, sourceKind: string, sourceId: number, volunteerId?: number) {
  let q = db
    .selectFrom('points_entries')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('kind', '=', 'earned')
    .where('source_kind', '=', sourceKind)
    .where('source_id', '=', sourceId);
  if (volunteerId != null) q = q.where('volunteer_id', '=', volunteerId);
  return q.executeTakeFirst();
}

export function findReversalOf(db: Db, entryId: number) {
  return db.selectFrom('points_entries').select(['id']).where('reverses_entry_id', '=', entryId).executeTakeFirst();
}

/** Entries of a volunteer in [from, to), oldest first. */
export function listEntries(db: Db, communityId: CommunityId, volunteerId: number, from: Date, to: Date) {
  return db
    .selectFrom('points_entries')
    .selectAll()
    .where('volunteer_id', '=', volunteerId)
    .where('community_id', '=', communityId)
    .where('occurred_at', '>=', from)
    .where('occurred_at', '<', to)
    .orderBy('occurred_at')
    .orderBy('id')
    .execute();
}

/**
 * What has run out for each volunteer of a community by `cutoff` (FIFO): every movement out (spent, expired, taken
 * away) uses the oldest points first, so what is left of the lots earned on or before the cutoff is those lots less
 * everything that went out. Volunteers with nothing left to expire are not returned.
 */
export async function expiringBy(db: Db, communityId: CommunityId, cutoff: Date, volunteerId?: number) {
  let q = db
    .selectFrom('points_entries')
    .select([
      'volunteer_id',
      sql<string | number>`coalesce(sum(delta) filter (where delta > 0 and occurred_at <= ${cutoff}), 0) + coalesce(sum(delta) filter (where delta < 0), 0)`.as(
        'due',
      ),
    ])
    .where('community_id', '=', communityId)
    .groupBy('volunteer_id');
  if (volunteerId != null) q = q.where('volunteer_id', '=', volunteerId);
  const rows = await q.execute();
  return rows.map((r) => ({ volunteerId: r.volunteer_id, due: Number(r.due) })).filter((r) => r.due > 0);
}

/** Communities whose rules let points expire, with their months. */
export function expiringCommunities(db: Db) {
  return db.selectFrom('points_rules').select(['community_id', 'expiry_months']).where('expiry_months', 'is not', null).execute();
}

/** Sums for the dashboard: points earned and spent (net of refunds) in [from, to). */
export async function monthTotals(db: Db, communityId: CommunityId, from: Date, to: Date) {
  const row = await db
    .selectFrom('points_entries')
    .select([
      sql<string | number>`coalesce(sum(amount) filter (where kind = 'earned'), 0)`.as('earned'),
      sql<string | number>`coalesce(sum(amount) filter (where kind = 'spent'), 0) - coalesce(sum(amount) filter (where kind = 'refunded'), 0)`.as('spent'),
    ])
    .where('community_id', '=', communityId)
    .where('occurred_at', '>=', from)
    .where('occurred_at', '<', to)
    .executeTakeFirst();
  return { earned: Number(row?.earned ?? 0), spent: Number(row?.spent ?? 0) };
}

export function findRules(db: Db, communityId: CommunityId) {
  return db.selectFrom('points_rules').selectAll().where('community_id', '=', communityId).executeTakeFirst();
}

export async function saveRules(
  trx: Transaction<DB>,
  communityId: CommunityId,
  r: {
    points_per_hour: number;
    hour_cap_per_activity: number | null;
    points_per_wish: number;
    role_bonus: string;
    expiry_months: number | null;
    redemption_valid_days: number;
  },
  by: number,
) {
  await trx
    .insertInto('points_rules')
    .values({ community_id: communityId, ...r, updated_by: by })
    .onConflict((oc) => oc.column('community_id').doUpdateSet({ ...r, updated_by: by, updated_at: new Date() }))
    .execute();
}
