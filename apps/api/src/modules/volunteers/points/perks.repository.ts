import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import type { PerkStatus, RedemptionStatus } from '../../../platform/db/schema/points.js';
import type { CommunityId } from '../../../platform/db/scope.js';
import { likeOf } from '../../../platform/db/scope.js';

type Db = Kysely<DB> | Transaction<DB>;

export function findPerk(db: Db, communityId: CommunityId, id: number) {
  return db.selectFrom('perks').selectAll().where('community_id', '=', communityId).where('id', '=', id).executeTakeFirst();
}

export interface PerkFilter {
  partnerId?: number;
  status?: PerkStatus;
  /** Only perks open today: active, in their dates. */
  openOn?: string;
  q?: string;
}

function perkQuery(db: Db, communityId: CommunityId, f: PerkFilter) {
  let q = db.selectFrom('perks').where('community_id', '=', communityId);
  if (f.partnerId != null) q = q.where('partner_id', '=', f.partnerId);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.openOn) q = q.where('status', '=', 'active').where('valid_from', '<=', f.openOn).where('valid_to', '>=', f.openOn);
  if (f.q) q = q.where('title', 'ilike', likeOf(f.q));
  return q;
}

export async function listPerks(db: Db, communityId: CommunityId, f: PerkFilter, page: { offset: number; limit: number; order: 'asc' | 'desc' }) {
  const [rows, total] = await Promise.all([
    perkQuery(db, communityId, f).selectAll().orderBy('id', page.order).offset(page.offset).limit(page.limit).execute(),
    perkQuery(db, communityId, f)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export async function insertPerk(
  trx: Transaction<DB>,
  communityId: CommunityId,
  p: { partner_id: number; title: string; terms: string | null; price_points: number; stock: number; valid_from: string; valid_to: string; created_by: number },
) {
  return (
    await trx
      .insertInto('perks')
      .values({ ...p, community_id: communityId })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

export async function updatePerk(
  trx: Transaction<DB>,
  communityId: CommunityId,
  id: number,
  set: Partial<{ title: string; terms: string | null; price_points: number; stock: number; valid_from: string; valid_to: string; status: PerkStatus }>,
) {
  await trx
    .updateTable('perks')
    .set({ ...set, updated_at: new Date() })
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .execute();
}

/** Takes one from the stock if any is left (the database decides: two takers of the last one get one row between them). */
export async function takeOne(trx: Transaction<DB>, communityId: CommunityId, perkId: number) {
  return trx
    .updateTable('perks')
    .set((eb) => ({ stock: eb('stock', '-', 1) }))
    .where('community_id', '=', communityId)
    .where('id', '=', perkId)
    .where('stock', '>', 0)
    .returning(['id', 'stock'])
    .executeTakeFirst();
}

export async function returnOne(trx: Transaction<DB>, perkId: number) {
  await trx
    .updateTable('perks')
    .set((eb) => ({ stock: eb('stock', '+', 1) }))
    .where('id', '=', perkId)
    .execute();
}

/** Counts of redemptions per perk and status. */
export async function redemptionCounts(db: Db, communityId: CommunityId, perkIds: number[]) {
  if (!perkIds.length) return new Map<number, Partial<Record<RedemptionStatus, number>>>();
  const rows = await db
    .selectFrom('redemptions')
    .select(['perk_id', 'status', sql<number>`count(*)::int`.as('n')])
    .where('community_id', '=', communityId)
    .where('perk_id', 'in', perkIds)
    .groupBy(['perk_id', 'status'])
    .execute();
  const out = new Map<number, Partial<Record<RedemptionStatus, number>>>();
  for (const r of rows) out.set(r.perk_id, { ...out.get(r.perk_id), [r.status]: Number(r.n) });
  return out;
}
