import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import type { CommunityId } from '../../../platform/db/scope.js';
import { accountNames } from '../../people/index.js';
import { holderNames } from './holders.js';
import { monthTotals } from './ledger.repository.js';

/** The points and redemptions registers' read models (points/index.ts pointsLedger): by id, a thousand at a time. */
const BATCH = 1000;
type Period = { from: Date; to: Date };

export async function countEntries(db: Kysely<DB>, cid: CommunityId, p: Period): Promise<number> {
  const r = await db
    .selectFrom('points_entries')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('community_id', '=', cid)
    .where('occurred_at', '>=', p.from)
    .where('occurred_at', '<', p.to)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function* entryBatches(db: Kysely<DB>, cid: CommunityId, p: Period) {
  for (let after = 0; ;) {
    const rows = await db
      .selectFrom('points_entries')
      .selectAll()
      .where('community_id', '=', cid)
      .where('occurred_at', '>=', p.from)
      .where('occurred_at', '<', p.to)
      .where('id', '>', after)
      .orderBy('id')
      .limit(BATCH)
      .execute();
    if (!rows.length) return;
    const [people, authors] = await Promise.all([
      holderNames(
        db,
        cid,
        rows.map((r) => r.volunteer_id),
      ),
      accountNames(
        db,
        rows.flatMap((r) => (r.author_id ? [r.author_id] : [])),
      ),
    ]);
    yield rows.map((r) => ({
      ...r,
      delta: Number(r.delta),
      volunteer_name: people.get(r.volunteer_id) ?? '',
      author_name: r.author_id ? (authors.get(r.author_id) ?? '') : '系统（积分规则）',
    }));
    if (rows.length < BATCH) return;
    after = rows[rows.length - 1]!.id;
  }
}

export async function countRedemptions(db: Kysely<DB>, cid: CommunityId, p: Period): Promise<number> {
  const r = await db
    .selectFrom('redemptions')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('community_id', '=', cid)
    .where('created_at', '>=', p.from)
    .where('created_at', '<', p.to)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function* redemptionBatches(db: Kysely<DB>, cid: CommunityId, p: Period) {
  for (let after = 0; ;) {
    const rows = await db
      .selectFrom('redemptions')
      .innerJoin('perks', 'perks.id', 'redemptions.perk_id')
      .selectAll('redemptions')
      .select(['perks.title as perk_title'])
      .where('redemptions.community_id', '=', cid)
      .where('redemptions.created_at', '>=', p.from)
      .where('redemptions.created_at', '<', p.to)
      .where('redemptions.id', '>', after)
      .orderBy('redemptions.id')
      .limit(BATCH)
      .execute();
    if (!rows.length) return;
    const [people, staff] = await Promise.all([
      holderNames(
        db,
        cid,
        rows.map((r) => r.volunteer_id),
      ),
      accountNames(
        db,
        rows.flatMap((r) => (r.redeemed_by ? [r.redeemed_by] : [])),
      ),
    ]);
    yield rows.map((r) => ({
      ...r,
      volunteer_name: people.get(r.volunteer_id) ?? '',
      redeemed_by_name: r.redeemed_by ? (staff.get(r.redeemed_by) ?? '') : '',
    }));
    if (rows.length < BATCH) return;
    after = rows[rows.length - 1]!.id;
  }
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
