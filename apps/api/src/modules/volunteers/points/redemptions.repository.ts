import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import type { RedemptionStatus } from '../../../platform/db/schema/points.js';
import type { CommunityId } from '../../../platform/db/scope.js';

type Db = Kysely<DB> | Transaction<DB>;

export async function insertRedemption(
  trx: Transaction<DB>,
  communityId: CommunityId,
  r: {
    perk_id: number;
    partner_id: number;
    volunteer_id: number;
    points: number;
    code_hash: string;
    expires_at: Date;
    spent_entry_id: number;
    created_by: number;
  },
) {
  return (
    await trx
      .insertInto('redemptions')
      .values({ ...r, community_id: communityId })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

export function findRedemption(db: Db, communityId: CommunityId, id: number) {
  return db.selectFrom('redemptions').selectAll().where('community_id', '=', communityId).where('id', '=', id).executeTakeFirst();
}

/** The issued, unexpired redemption with this code's hash: of one merchant (partnerId) or, for staff, of the community. */
export function findIssuedByCode(db: Db, communityId: CommunityId, codeHash: string, partnerId: number | undefined, now: Date) {
  let q = db
    .selectFrom('redemptions')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('code_hash', '=', codeHash)
    .where('status', '=', 'issued')
    .where('expires_at', '>', now);
  if (partnerId !== undefined) q = q.where('partner_id', '=', partnerId);
  return q.executeTakeFirst();
}

/** Moves an issued redemption on; none returned when it had moved already (a second tap, a race with the sweep). */
export function endIssued(
  trx: Transaction<DB>,
  id: number,
  set: { status: Exclude<RedemptionStatus, 'issued'>; at: Date; by: number | null; reason?: string | null; refundEntryId?: number | null },
) {
  const fields =
    set.status === 'redeemed'
      ? { status: set.status, redeemed_at: set.at, redeemed_by: set.by }
      : { status: set.status, ended_at: set.at, ended_by: set.by, end_reason: set.reason ?? null };
  return trx.updateTable('redemptions').set(fields).where('id', '=', id).where('status', '=', 'issued').returningAll().executeTakeFirst();
}

export async function setRefund(trx: Transaction<DB>, id: number, entryId: number) {
  await trx.updateTable('redemptions').set({ refund_entry_id: entryId }).where('id', '=', id).execute();
}

export interface RedemptionFilter {
  perkId?: number;
  partnerId?: number;
  volunteerId?: number;
  status?: RedemptionStatus;
}

function redemptionQuery(db: Db, communityId: CommunityId, f: RedemptionFilter) {
  let q = db.selectFrom('redemptions').where('community_id', '=', communityId);
  if (f.perkId != null) q = q.where('perk_id', '=', f.perkId);
  if (f.partnerId != null) q = q.where('partner_id', '=', f.partnerId);
  if (f.volunteerId != null) q = q.where('volunteer_id', '=', f.volunteerId);
  if (f.status) q = q.where('status', '=', f.status);
  return q;
}

export async function listRedemptions(db: Db, communityId: CommunityId, f: RedemptionFilter, page: { offset: number; limit: number; order: 'asc' | 'desc' }) {
  const [rows, total] = await Promise.all([
    redemptionQuery(db, communityId, f).selectAll().orderBy('id', page.order).offset(page.offset).limit(page.limit).execute(),
    redemptionQuery(db, communityId, f)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/** Issued redemptions past their time (the sweep expires them and refunds). */
export function overdueIssued(db: Db, now: Date, limit = 500) {
  return db
    .selectFrom('redemptions')
    .select(['id', 'community_id'])
    .where('status', '=', 'issued')
    .where('expires_at', '<=', now)
    .orderBy('id')
    .limit(limit)
    .execute();
}
