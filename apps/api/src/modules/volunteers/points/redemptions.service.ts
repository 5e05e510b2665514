import type { IssuedRedemption, Page, Redemption } from '@linli/contracts';
import { roleCan } from '@linli/contracts';
import type { Selectable, Transaction } from 'kysely';
import type { AppContext } from '../../../platform/context.js';
import type { DB } from '../../../platform/db/schema.js';
import type { CommunityId } from '../../../platform/db/scope.js';
import type { RedemptionsTable, RedemptionStatus } from '../../../platform/db/schema/points.js';
import { authorize, resolveCommunityId, type Actor } from '../../../platform/access/actor.js';
import { trustedCommunityId } from '../../../platform/access/trusted-scope.js';
import { writeAudit, type AuditActor } from '../../../platform/audit/audit.js';
import { AppError, forbidden, notFound } from '../../../platform/errors.js';
import { beijingDate, iso } from '../../../platform/time.js';
import * as perks from './perks.repository.js';
import * as repo from './redemptions.repository.js';
import { post, rulesOf } from './ledger.service.js';
import { holderNames, ownHolder } from './holders.js';
import { merchantNames, ownMerchantOf } from './merchant.js';
import { perkOpen } from './perks.service.js';
import { accounts } from './rules.js';
import { hashRedemptionCode, newRedemptionCode } from './codes.js';

type Row = Selectable<RedemptionsTable>;

export async function presentRedemptions(ctx: AppContext, cid: CommunityId, rows: Row[]): Promise<Redemption[]> {
  const perkRows = await Promise.all([...new Set(rows.map((r) => r.perk_id))].map((id) => perks.findPerk(ctx.db, cid, id)));
  const titles = new Map(perkRows.filter((p) => p).map((p) => [p!.id, p!.title]));
  const [partners, people] = await Promise.all([
    merchantNames(
      ctx,
      rows.map((r) => r.partner_id),
    ),
    holderNames(
      ctx.db,
      cid,
      rows.map((r) => r.volunteer_id),
    ),
  ]);
  return rows.map((r) => ({
    id: r.id,
    perkId: r.perk_id,
    perkTitle: titles.get(r.perk_id) ?? '',
    partnerId: r.partner_id,
    partnerName: partners.get(r.partner_id) ?? null,
    volunteerId: r.volunteer_id,
    volunteerName: people.get(r.volunteer_id) ?? null,
    points: r.points,
    status: r.status,
    expiresAt: iso(r.expires_at),
    redeemedAt: iso(r.redeemed_at),
    endedAt: iso(r.ended_at),
    endReason: r.end_reason,
    createdAt: iso(r.created_at),
  }));
}

/**
 * A volunteer redeems a perk, in ONE transaction: the stock is taken only if one is left (conditional update), the
 * points are spent only if the balance covers them (under the volunteer's lock), and the redemption is written with
 * the hash of a one-time code. Any refusal rolls all of it back. The code is in the answer and nowhere else.
 */
export async function redeemPerk(ctx: AppContext, actor: Actor, perkId: number, now = new Date()): Promise<IssuedRedemption> {
  authorize(actor, 'redemptions.redeem');
  const cid = resolveCommunityId(actor);
  const holder = await ownHolder(ctx.db, cid, actor);
  if (!holder) throw forbidden('only a registered volunteer redeems points');
  const perk = await perks.findPerk(ctx.db, cid, perkId);
  if (!perk) throw notFound('perk');
  if (!perkOpen(perk, beijingDate(now))) throw new AppError('PERK_EXPIRED', 'perk not open', { validFrom: perk.valid_from, validTo: perk.valid_to });
  const rules = await rulesOf(ctx, cid);
  const expiresAt = new Date(now.getTime() + rules.redemptionValidDays * 86_400_000);
  for (let attempt = 0; ; attempt++) {
    const code = newRedemptionCode();
    try {
      const id = await ctx.db.transaction().execute(async (trx) => {
        const taken = await perks.takeOne(trx, cid, perkId);
        if (!taken) throw new AppError('PERK_OUT_OF_STOCK', 'perk out of stock');
        const spent = await post(trx, cid, {
          volunteerId: holder.id,
          kind: 'spent',
          delta: -perk.price_points,
          counter: accounts.perk(perkId),
          reason: `兑换「${perk.title}」`,
          authorId: actor.accountId,
          source: { kind: 'perk', id: perkId },
        });
        const id = await repo.insertRedemption(trx, cid, {
          perk_id: perkId,
          partner_id: perk.partner_id,
          volunteer_id: holder.id,
          points: perk.price_points,
          code_hash: hashRedemptionCode(code),
          expires_at: expiresAt,
          spent_entry_id: spent,
          created_by: actor.accountId,
        });
        await writeAudit(trx, actor, {
          communityId: cid,
          action: 'redemption.issued',
          entityType: 'redemption',
          entityId: id,
          changes: { perkId, volunteerId: holder.id, points: perk.price_points, stockLeft: taken.stock },
        });
        return id;
      });
      const row = await repo.findRedemption(ctx.db, cid, id);
      return { redemption: (await presentRedemptions(ctx, cid, [row!]))[0]!, code };
    } catch (err) {
      // Two issued codes of one merchant may not collide; draw another (the whole transaction was rolled back).
      if ((err as { code?: string }).code === '23505' && attempt < 3) continue;
      throw err;
    }
  }
}

/**
 * The merchant's contact (or staff) enters the code shown on the volunteer's phone: the redemption is honoured
 * (核销) once. A wrong, used, expired or another merchant's code gets one answer and changes nothing.
 */
export async function confirmRedemption(ctx: AppContext, actor: Actor, code: string, now = new Date()): Promise<Redemption> {
  authorize(actor, 'redemptions.confirm');
  const cid = resolveCommunityId(actor);
  const own = await ownMerchantOf(ctx, actor);
  const invalid = () => new AppError('REDEMPTION_CODE_INVALID', 'redemption code not valid', { fields: [{ field: 'code', rule: 'invalid' }] });
  if (own === null || !/^\d{8}$/.test(code)) throw invalid();
  const found = await repo.findIssuedByCode(ctx.db, cid, hashRedemptionCode(code), own, now);
  if (!found) throw invalid();
  const done = await ctx.db.transaction().execute(async (trx) => {
    const done = await repo.endIssued(trx, found.id, { status: 'redeemed', at: now, by: actor.accountId });
    if (!done) throw invalid();
    await writeAudit(trx, actor, {
      communityId: cid,
      action: 'redemption.redeemed',
      entityType: 'redemption',
      entityId: found.id,
      changes: { perkId: found.perk_id },
    });
    return done;
  });
  return (await presentRedemptions(ctx, cid, [done]))[0]!;
}

/** Ends an issued redemption (cancelled or expired): the stock comes back and the points are refunded (new entries). */
async function endAndRefund(
  trx: Transaction<DB>,
  cid: CommunityId,
  row: Row,
  status: 'cancelled' | 'expired',
  by: AuditActor | null,
  reason: string,
  now: Date,
) {
  const ended = await repo.endIssued(trx, row.id, { status, at: now, by: by?.accountId ?? null, reason });
  if (!ended) return undefined;
  await perks.returnOne(trx, row.perk_id);
  const refund = await post(trx, cid, {
    volunteerId: row.volunteer_id,
    kind: 'refunded',
    delta: row.points,
    counter: accounts.perk(row.perk_id),
    reason: status === 'expired' ? '兑换码过期未使用，积分退回' : `取消兑换，积分退回：${reason}`,
    authorId: by?.accountId ?? null,
    source: { kind: 'redemption', id: row.id },
  });
  await repo.setRefund(trx, row.id, refund);
  await writeAudit(trx, by, {
    communityId: cid,
    action: `redemption.${status}`,
    entityType: 'redemption',
    entityId: row.id,
    changes: { refundEntryId: refund },
    reason,
  });
  return { ...ended, refund_entry_id: refund };
}

/** The volunteer cancels their own issued redemption, or staff cancel any; stock and points come back. */
export async function cancelRedemption(ctx: AppContext, actor: Actor, id: number, reason: string, now = new Date()): Promise<Redemption> {
  authorize(actor, 'redemptions.cancel');
  const cid = resolveCommunityId(actor);
  const row = await repo.findRedemption(ctx.db, cid, id);
  if (!row) throw notFound('redemption');
  if (!roleCan(actor.role, 'points.adjust')) {
    const own = await ownHolder(ctx.db, cid, actor);
    if (!own || own.id !== row.volunteer_id) throw notFound('redemption');
  }
  if (row.status !== 'issued') throw new AppError('INVALID_STATE', `redemption is ${row.status}`);
  const ended = await ctx.db.transaction().execute((trx) => endAndRefund(trx, cid, row, 'cancelled', actor, reason, now));
  if (!ended) throw new AppError('INVALID_STATE', 'redemption moved on');
  return (await presentRedemptions(ctx, cid, [ended]))[0]!;
}

/** The sweep: issued codes past their time expire, with stock and points returned. */
export async function expireRedemptions(ctx: AppContext, now: Date): Promise<number> {
  const due = await repo.overdueIssued(ctx.db, now);
  let n = 0;
  for (const d of due) {
    // Trusted: the row's own community, read by the sweep.
    const cid = trustedCommunityId(d.community_id);
    const ok = await ctx.db.transaction().execute(async (trx) => {
      const row = await repo.findRedemption(trx, cid, d.id);
      return row ? endAndRefund(trx, cid, row, 'expired', null, 'expired', now) : undefined;
    });
    if (ok) n++;
  }
  return n;
}

/**
 * Redemptions: staff see the community's; a merchant's contact its own merchant's; a volunteer their own.
 */
export async function listRedemptions(
  ctx: AppContext,
  actor: Actor,
  q: {
    communityId?: number;
    perkId?: number;
    partnerId?: number;
    volunteerId?: number;
    status?: RedemptionStatus;
    mine?: 'true' | 'false';
    page: number;
    pageSize: number;
    order: 'asc' | 'desc';
  },
): Promise<Page<Redemption>> {
  authorize(actor, 'redemptions.read');
  const cid = resolveCommunityId(actor, q.communityId);
  const own = await ownMerchantOf(ctx, actor);
  const empty = { items: [], total: 0, page: q.page, pageSize: q.pageSize };
  if (own === null) return empty;
  const filter: repo.RedemptionFilter = { perkId: q.perkId, partnerId: own ?? q.partnerId, volunteerId: q.volunteerId, status: q.status };
  if (own === undefined && (q.mine === 'true' || !roleCan(actor.role, 'points.read'))) {
    const holder = await ownHolder(ctx.db, cid, actor);
    if (!holder) return empty;
    filter.volunteerId = holder.id;
  }
  const { rows, total } = await repo.listRedemptions(ctx.db, cid, filter, { offset: (q.page - 1) * q.pageSize, limit: q.pageSize, order: q.order });
  return { items: await presentRedemptions(ctx, cid, rows), total, page: q.page, pageSize: q.pageSize };
}
