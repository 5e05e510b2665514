import crypto from 'node:crypto';
import { roleCan, type ClaimWishInput, type WishClaimantKind } from '@linli/contracts';
import type { AppContext } from '../../platform/context.js';
import { authorize, resolveCommunityId, scopeOf, type Actor } from '../../platform/access/actor.js';
import { AppError, forbidden, invalidField, notFound } from '../../platform/errors.js';
import { sniffImage, stripImageMetadata } from '../../platform/files/image.js';
import type { CommunityId } from '../../platform/db/scope.js';
import { organisationsByIds } from '../orgs/index.js';
import * as repo from './wishes.repository.js';
import { presentPublicWish } from './wishes.presenter.js';
import { recordStep } from './record-step.js';
import { addClaim, communityOf, completeStep, wishDetail } from './wishes.service.js';

export const MAX_PHOTOS = 5;
export const MAX_PHOTO_MB = 10;

/** Who a claimant is: a partner contact claims for their partner unit (accounts.organisation_id → organisations.partner_id). */
async function claimantOf(ctx: AppContext, actor: Actor): Promise<{ kind: WishClaimantKind; partnerId: number | null }> {
  if (actor.role === 'partner_contact') {
    const org = actor.organisationId ? (await organisationsByIds(ctx.db, [actor.organisationId])).get(actor.organisationId) : undefined;
    if (!org?.partner_id) throw forbidden('the account is not tied to a partner unit');
    return { kind: 'partner', partnerId: Number(org.partner_id) };
  }
  return { kind: actor.role === 'party_member' ? 'party_member' : 'volunteer', partnerId: null };
}

/** The claimant's phone page: wishes open to claim in their community, and what they (or their unit) claimed. */
export async function myWishes(ctx: AppContext, actor: Actor) {
  authorize(actor, 'wishes.claim');
  const cid = resolveCommunityId(actor);
  const who = await claimantOf(ctx, actor);
  const open = await repo.listWishes(ctx.db, cid, { statuses: ['published', 'claimed'] }, { offset: 0, limit: 100, sort: 'id', order: 'desc' });
  const mineIds = await repo.claimedWishIds(ctx.db, [cid], actor.accountId, who.partnerId);
  const mine = await repo.wishesByIds(ctx.db, mineIds);
  const claims = await repo.claimsOf(ctx.db, cid, mineIds);
  const mineSet = new Set(mineIds);
  return {
    claimable: open.rows.filter((w) => !mineSet.has(w.id) && (w.status === 'published' || w.shared)).map(presentPublicWish),
    mine: mine.map((w) => {
      const my = claims.find((c) => c.wish_id === w.id && (c.account_id === actor.accountId || (who.partnerId !== null && c.partner_id === who.partnerId)));
      return { ...presentPublicWish(w), myShareNote: my?.share_note ?? null, canFulfil: w.status === 'claimed', resultNote: w.result_note };
    }),
  };
}

export async function claimWish(ctx: AppContext, actor: Actor, id: number, input: ClaimWishInput) {
  authorize(actor, 'wishes.claim');
  const cid = await communityOf(ctx, actor, id);
  const who = await claimantOf(ctx, actor);
  if (who.partnerId) {
    const claims = await repo.claimsOf(ctx.db, cid, [id]);
    if (claims.some((c) => c.partner_id === who.partnerId)) throw new AppError('WISH_ALREADY_CLAIMED', 'the unit has claimed it');
  }
  await addClaim(ctx, actor, cid, id, {
    claimant_kind: who.kind,
    claimant_name: actor.displayName,
    account_id: actor.accountId,
    partner_id: who.partnerId,
    team_id: null,
    share_note: input.shareNote ?? null,
    share_value_yuan: input.shareValue ?? null,
    channel: 'phone',
  });
  return wishDetail(ctx, actor, id);
}

/** Staff (wishes.write) act on any wish of their community; a claimant only on a wish they or their unit claimed. */
async function mayActAsClaimant(ctx: AppContext, actor: Actor, id: number): Promise<CommunityId> {
  // Another community's wish answers 404 before any role is looked at.
  const cid = await communityOf(ctx, actor, id);
  if (roleCan(actor.role, 'wishes.write')) return cid;
  authorize(actor, 'wishes.claim');
  const who = await claimantOf(ctx, actor);
  const claims = await repo.claimsOf(ctx.db, cid, [id]);
  if (!claims.some((c) => c.account_id === actor.accountId || (who.partnerId !== null && c.partner_id === who.partnerId))) throw notFound('wish');
  return cid;
}

export async function fulfilWish(ctx: AppContext, actor: Actor, id: number, note: string) {
  const cid = await mayActAsClaimant(ctx, actor, id);
  await completeStep(ctx, actor, cid, id, 'fulfil', note, { channel: roleCan(actor.role, 'wishes.write') ? 'staff' : 'phone' });
  return wishDetail(ctx, actor, id);
}

/** Photos of the fulfilment (metadata stripped), by the claimant or staff. */
export async function addWishPhotos(ctx: AppContext, actor: Actor, id: number, files: Buffer[]) {
  const cid = await mayActAsClaimant(ctx, actor, id);
  const row = await repo.findWish(ctx.db, scopeOf(actor), id);
  if (!row || !['claimed', 'fulfilled'].includes(row.status)) throw new AppError('INVALID_STATE', 'photos go with the fulfilment');
  await storeWishPhotos(ctx, cid, id, files, 'fulfil', actor);
  return wishDetail(ctx, actor, id);
}

export async function storeWishPhotos(ctx: AppContext, cid: CommunityId, id: number, files: Buffer[], stage: 'raise' | 'fulfil', actor: Actor | null) {
  if (files.length === 0) throw invalidField('photos', 'required');
  const existing = (await repo.photoIds(ctx.db, cid, id)).length;
  if (existing + files.length > MAX_PHOTOS * 2) throw invalidField('photos', 'too_many_files', { max: MAX_PHOTOS });
  const cleaned = files.map((f) => {
    if (f.length > MAX_PHOTO_MB * 1024 * 1024) throw invalidField('photos', 'file_too_large', { max: MAX_PHOTO_MB });
    const mime = sniffImage(f);
    if (!mime) throw invalidField('photos', 'invalid_image');
    try {
      return { mime, data: stripImageMetadata(f) };
    } catch {
      throw invalidField('photos', 'invalid_image');
    }
  });
  await ctx.db.transaction().execute(async (trx) => {
    for (const c of cleaned)
      await repo.insertPhoto(trx, {
        community_id: cid,
        wish_id: id,
        stage,
        mime: c.mime,
        size: c.data.length,
        sha256: crypto.createHash('sha256').update(c.data).digest('hex'),
        data: c.data,
      });
    await recordStep(trx, {
      communityId: cid,
      wishId: id,
      action: 'photos_added',
      actor,
      actorLabel: actor ? null : 'resident',
      note: String(cleaned.length),
      isPublic: true,
      changes: { count: cleaned.length, stage },
    });
  });
}

export async function wishPhoto(ctx: AppContext, actor: Actor, id: number, photoId: number) {
  const cid = roleCan(actor.role, 'wishes.read') ? await communityOf(ctx, actor, id) : await mayActAsClaimant(ctx, actor, id);
  // A photo's id from another wish answers 404 like any missing record.
  const p = await repo.findPhoto(ctx.db, cid, id, photoId);
  if (!p) throw notFound('photo');
  return p;
}
