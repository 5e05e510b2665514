import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { CommunityId } from '../../platform/db/scope.js';

type Db = Kysely<DB> | Transaction<DB>;

const columns = [
  'id',
  'community_id',
  'partner_id',
  'kind',
  'contributed_on',
  'value_fen',
  'hours',
  'area_sqm',
  'space_period',
  'description',
  'note',
  'created_at',
] as const;
const sorts = { contributedOn: 'contributed_on', id: 'id' } as const;

export interface ContributionFilter {
  partnerId?: number;
  kind?: string;
  /** contributed_on within [from, to] */
  from?: string;
  to?: string;
}

function filtered(db: Db, communityId: CommunityId, f: ContributionFilter) {
  let q = db.selectFrom('contributions').where('community_id', '=', communityId);
  if (f.partnerId !== undefined) q = q.where('partner_id', '=', f.partnerId);
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.from) q = q.where('contributed_on', '>=', f.from);
  if (f.to) q = q.where('contributed_on', '<=', f.to);
  return q;
}

export async function listContributions(
  db: Db,
  communityId: CommunityId,
  f: ContributionFilter,
  page: { offset: number; limit: number; sort?: string; order: 'asc' | 'desc' },
) {
  const q = filtered(db, communityId, f);
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const sortColumn = sorts[(page.sort ?? 'id') as keyof typeof sorts] ?? 'id';
  const rows = await q.select(columns).orderBy(sql.ref(sortColumn), page.order).orderBy('id').offset(page.offset).limit(page.limit).execute();
  return { total: Number(total.n), rows };
}

/** Keyset batches in date then id order (the ledger). */
export function contributionsAfter(db: Db, communityId: CommunityId, f: ContributionFilter, after: { on: string; id: number } | null, limit: number) {
  let q = filtered(db, communityId, f).select(columns);
  if (after) q = q.where((eb) => eb.or([eb('contributed_on', '>', after.on), eb.and([eb('contributed_on', '=', after.on), eb('id', '>', after.id)])]));
  return q.orderBy('contributed_on').orderBy('id').limit(limit).execute();
}

export function findContribution(db: Db, communityId: CommunityId, id: number) {
  return db.selectFrom('contributions').select(columns).where('community_id', '=', communityId).where('id', '=', id).executeTakeFirst();
}
export type ContributionRow = NonNullable<Awaited<ReturnType<typeof findContribution>>>;

export function contributionCommunity(db: Db, id: number) {
  return db.selectFrom('contributions').select(['community_id']).where('id', '=', id).executeTakeFirst();
}

export function insertContribution(
  db: Db,
  communityId: CommunityId,
  v: {
    partner_id: number;
    kind: string;
    contributed_on: string;
    value_fen: number;
    hours: number | null;
    area_sqm: number | null;
    space_period: string | null;
    description: string | null;
    note: string | null;
    created_by: number;
  },
) {
  return db
    .insertInto('contributions')
    .values({ community_id: communityId, ...v })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** Sums per partner over [from, to] (server-side; money in fen, hours and area as numbers). */
export async function totalsByPartner(db: Db, communityId: CommunityId, f: ContributionFilter) {
  const rows = await filtered(db, communityId, f)
    .select((eb) => [
      'partner_id',
      eb.fn.countAll<number>().as('n'),
      sql<number>`coalesce(sum(case when kind = 'money' then value_fen else 0 end), 0)::bigint`.as('money_fen'),
      sql<number>`coalesce(sum(case when kind = 'goods' then value_fen else 0 end), 0)::bigint`.as('goods_fen'),
      sql<number>`coalesce(sum(value_fen), 0)::bigint`.as('value_fen'),
      sql<string>`coalesce(sum(hours), 0)::text`.as('hours'),
      sql<string>`coalesce(sum(area_sqm), 0)::text`.as('area'),
    ])
    .groupBy('partner_id')
    .orderBy('partner_id')
    .execute();
  return rows.map((r) => ({
    partnerId: r.partner_id,
    count: Number(r.n),
    moneyFen: Number(r.money_fen),
    goodsFen: Number(r.goods_fen),
    valueFen: Number(r.value_fen),
    hours: Number(r.hours),
    areaSqm: Number(r.area),
  }));
}

/** Communities' sums over a period (dashboard): money and total value in fen, and the partners who gave. */
export async function periodSums(db: Db, communityIds: readonly number[], from: string, to: string) {
  if (communityIds.length === 0) return { moneyFen: 0, valueFen: 0, count: 0, partnerIds: [] as number[] };
  const base = db
    .selectFrom('contributions')
    .where('community_id', 'in', [...communityIds])
    .where('contributed_on', '>=', from)
    .where('contributed_on', '<=', to);
  const sums = await base
    .select((eb) => [
      eb.fn.countAll<number>().as('n'),
      sql<number>`coalesce(sum(case when kind = 'money' then value_fen else 0 end), 0)::bigint`.as('money_fen'),
      sql<number>`coalesce(sum(value_fen), 0)::bigint`.as('value_fen'),
    ])
    .executeTakeFirstOrThrow();
  const partners = await base.select('partner_id').distinct().execute();
  return { moneyFen: Number(sums.money_fen), valueFen: Number(sums.value_fen), count: Number(sums.n), partnerIds: partners.map((p) => p.partner_id) };
}
