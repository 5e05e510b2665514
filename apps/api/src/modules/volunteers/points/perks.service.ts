import type { CreatePerkInput, Page, Perk, UpdatePerkInput } from '@linli/contracts';
import { roleCan } from '@linli/contracts';
import type { Selectable } from 'kysely';
import type { AppContext } from '../../../platform/context.js';
import type { CommunityId } from '../../../platform/db/scope.js';
import type { PerksTable, PerkStatus } from '../../../platform/db/schema/points.js';
import { authorize, resolveCommunityId, type Actor } from '../../../platform/access/actor.js';
import { diff, writeAudit } from '../../../platform/audit/audit.js';
import { forbidden, invalidField, notFound } from '../../../platform/errors.js';
import { beijingDate, iso } from '../../../platform/time.js';
import * as repo from './perks.repository.js';
import { isPerkStaff, merchantIn, merchantNames, ownMerchantOf } from './merchant.js';

type PerkRow = Selectable<PerksTable>;

export const perkOpen = (p: Pick<PerkRow, 'status' | 'valid_from' | 'valid_to'>, today: string) =>
  p.status === 'active' && p.valid_from <= today && p.valid_to >= today;

export async function presentPerks(ctx: AppContext, cid: CommunityId, rows: PerkRow[]): Promise<Perk[]> {
  const [names, counts] = await Promise.all([
    merchantNames(
      ctx,
      rows.map((r) => r.partner_id),
    ),
    repo.redemptionCounts(
      ctx.db,
      cid,
      rows.map((r) => r.id),
    ),
  ]);
  const today = beijingDate(new Date());
  return rows.map((r) => ({
    id: r.id,
    partnerId: r.partner_id,
    partnerName: names.get(r.partner_id) ?? null,
    title: r.title,
    terms: r.terms,
    pricePoints: r.price_points,
    stock: r.stock,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    status: r.status,
    redeemable: perkOpen(r, today) && r.stock > 0,
    redeemedCount: counts.get(r.id)?.redeemed ?? 0,
    issuedCount: counts.get(r.id)?.issued ?? 0,
    updatedAt: iso(r.updated_at),
  }));
}

/**
 * Perks of the community: staff see all; a merchant's contact only its own; volunteers only those open today.
 */
export async function listPerks(
  ctx: AppContext,
  actor: Actor,
  q: {
    communityId?: number;
    partnerId?: number;
    status?: PerkStatus;
    redeemable?: 'true' | 'false';
    q?: string;
    page: number;
    pageSize: number;
    order: 'asc' | 'desc';
  },
): Promise<Page<Perk>> {
  authorize(actor, 'perks.read');
  const cid = resolveCommunityId(actor, q.communityId);
  const own = await ownMerchantOf(ctx, actor);
  if (own === null) return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
  const seesAll = own !== undefined || roleCan(actor.role, 'points.read') || isPerkStaff(actor);
  const filter: repo.PerkFilter = { partnerId: own ?? q.partnerId, status: q.status, q: q.q };
  if (!seesAll || q.redeemable === 'true') filter.openOn = beijingDate(new Date());
  const { rows, total } = await repo.listPerks(ctx.db, cid, filter, { offset: (q.page - 1) * q.pageSize, limit: q.pageSize, order: q.order });
  return { items: await presentPerks(ctx, cid, rows), total, page: q.page, pageSize: q.pageSize };
}

/** A perk the actor may see, or 404. */
export async function getPerk(ctx: AppContext, actor: Actor, id: number, communityId?: number): Promise<Perk> {
  authorize(actor, 'perks.read');
  const cid = resolveCommunityId(actor, communityId);
  const row = await repo.findPerk(ctx.db, cid, id);
  const own = await ownMerchantOf(ctx, actor);
  if (!row || (own !== undefined && row.partner_id !== own)) throw notFound('perk');
  return (await presentPerks(ctx, cid, [row]))[0]!;
}

function checkDates(from: string, to: string) {
  if (to < from) throw invalidField('validTo', 'before_start', { min: from });
}

/** A merchant's perk (专属优惠包), by staff or by the merchant's own contact; audited. */
export async function createPerk(ctx: AppContext, actor: Actor, input: CreatePerkInput): Promise<Perk> {
  authorize(actor, 'perks.write');
  const cid = resolveCommunityId(actor, input.communityId);
  const own = await ownMerchantOf(ctx, actor);
  if (own === null || (own !== undefined && own !== input.partnerId)) throw forbidden('a contact offers perks of their own merchant only');
  await merchantIn(ctx, cid, input.partnerId).catch(() => {
    throw invalidField('partnerId', 'not_found');
  });
  checkDates(input.validFrom, input.validTo);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const id = await repo.insertPerk(trx, cid, {
      partner_id: input.partnerId,
      title: input.title,
      terms: input.terms ?? null,
      price_points: input.pricePoints,
      stock: input.stock,
      valid_from: input.validFrom,
      valid_to: input.validTo,
      created_by: actor.accountId,
    });
    await writeAudit(trx, actor, { communityId: cid, action: 'perk.created', entityType: 'perk', entityId: id, changes: { ...input } });
    return id;
  });
  return getPerk(ctx, actor, id, cid);
}

export async function updatePerk(ctx: AppContext, actor: Actor, id: number, input: UpdatePerkInput & { communityId?: number }): Promise<Perk> {
  authorize(actor, 'perks.write');
  const cid = resolveCommunityId(actor, input.communityId);
  const row = await repo.findPerk(ctx.db, cid, id);
  const own = await ownMerchantOf(ctx, actor);
  if (!row || (own !== undefined && row.partner_id !== own)) throw notFound('perk');
  checkDates(input.validFrom ?? row.valid_from, input.validTo ?? row.valid_to);
  const set = {
    ...(input.title !== undefined ? { title: input.title } : {}),
    ...(input.terms !== undefined ? { terms: input.terms ?? null } : {}),
    ...(input.pricePoints !== undefined ? { price_points: input.pricePoints } : {}),
    ...(input.stock !== undefined ? { stock: input.stock } : {}),
    ...(input.validFrom !== undefined ? { valid_from: input.validFrom } : {}),
    ...(input.validTo !== undefined ? { valid_to: input.validTo } : {}),
    ...(input.status !== undefined ? { status: input.status } : {}),
  };
  const before = {
    title: row.title,
    terms: row.terms,
    price_points: row.price_points,
    stock: row.stock,
    valid_from: row.valid_from,
    valid_to: row.valid_to,
    status: row.status,
  };
  const changes = diff(before, { ...before, ...set });
  if (Object.keys(changes).length) {
    await ctx.db.transaction().execute(async (trx) => {
      await repo.updatePerk(trx, cid, id, set);
      await writeAudit(trx, actor, { communityId: cid, action: 'perk.updated', entityType: 'perk', entityId: id, changes });
    });
  }
  return getPerk(ctx, actor, id, cid);
}
