import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import type { CommunityId } from '../../../platform/db/scope.js';
import { monthTotals } from './ledger.repository.js';

type Period = { from: Date; to: Date };

export async function countEntriesIn(db: Kysely<DB>, cid: CommunityId, p: Period): Promise<number> {
  const r = await db
    .selectFrom('points_entries')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('community_id', '=', cid)
    .where('occurred_at', '>=', p.from)
    .where('occurred_at', '<', p.to)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export function entriesAfter(db: Kysely<DB>, cid: CommunityId, p: Period, after: number, limit: number) {
  return db
    .selectFrom('points_entries')
    .selectAll()
    .where('community_id', '=', cid)
    .where('occurred_at', '>=', p.from)
    .where('occurred_at', '<', p.to)
    .where('id', '>', after)
    .orderBy('id')
    .limit(limit)
    .execute();
}

export async function countRedemptionsIn(db: Kysely<DB>, cid: CommunityId, p: Period): Promise<number> {
  const r = await db
    .selectFrom('redemptions')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('community_id', '=', cid)
    .where('created_at', '>=', p.from)
    .where('created_at', '<', p.to)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export function redemptionsAfter(db: Kysely<DB>, cid: CommunityId, p: Period, after: number, limit: number) {
  return db
    .selectFrom('redemptions')
    .innerJoin('perks', 'perks.id', 'redemptions.perk_id')
    .selectAll('redemptions')
    .select(['perks.title as perk_title'])
    .where('redemptions.community_id', '=', cid)
    .where('redemptions.created_at', '>=', p.from)
    .where('redemptions.created_at', '<', p.to)
    .where('redemptions.id', '>', after)
    .orderBy('redemptions.id')
    .limit(limit)
    .execute();
}

/** The dashboard's counts: points earned and spent (less refunds) in the period, redemptions issued and honoured. */
export async function pointsCounts(db: Kysely<DB>, cid: CommunityId, p: Period) {
  const [totals, r] = await Promise.all([
    monthTotals(db, cid, p.from, p.to),
    db
      .selectFrom('redemptions')
      .select([
        sql<number>`count(*) filter (where created_at >= ${p.from} and created_at < ${p.to})::int`.as('issued'),
        sql<number>`count(*) filter (where status = 'redeemed' and redeemed_at >= ${p.from} and redeemed_at < ${p.to})::int`.as('redeemed'),
      ])
      .where('community_id', '=', cid)
      .executeTakeFirstOrThrow(),
  ]);
  return { pointsEarned: totals.earned, pointsSpent: totals.spent, redemptionsIssued: Number(r.issued), redemptionsRedeemed: Number(r.redeemed) };
}
