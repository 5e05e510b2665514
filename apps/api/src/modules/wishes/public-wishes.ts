import type { PublicRaiseWishInput, WishEventKind, WishStatus, WishTrackingView } from '@linli/contracts';
import type { AppContext } from '../../platform/context.js';
import { AppError, invalidField, notFound } from '../../platform/errors.js';
import { iso } from '../../platform/time.js';
import { trustedCommunityId } from '../../platform/access/trusted-scope.js';
import { placeRefs } from '../places/index.js';
import * as repo from './wishes.repository.js';
import { presentPublicWish } from './wishes.presenter.js';
import { recordStep } from './record-step.js';
import { checkCompound, completeStep, newWishValues } from './wishes.service.js';
import { storeWishPhotos } from './claims.js';
import { hashWishCode, hashWishKey, keyMatches, newWishCode, newWishKey, wishLink } from './tracking.js';

/**
 * What a resident does without an account (ADR 0036): raise a wish, follow it by its code, confirm and thank with the
 * link's key. The public wall shows an initial and the wish, never the name, phone or compound.
 */

async function communityOfCode(ctx: AppContext, code: string) {
  const c = await placeRefs.communityByCode(ctx.db, code);
  if (!c) throw invalidField('communityCode', 'not_found');
  // The public pages are per community, named by its code.
  return { cid: trustedCommunityId(c.id), name: c.name };
}

export async function publicWall(ctx: AppContext, communityCode: string) {
  const c = await placeRefs.communityByCode(ctx.db, communityCode);
  if (!c) throw notFound('community');
  const cid = trustedCommunityId(c.id);
  const { rows } = await repo.listWishes(
    ctx.db,
    cid,
    { statuses: ['published', 'claimed', 'fulfilled', 'confirmed'] },
    { offset: 0, limit: 100, sort: 'id', order: 'desc' },
  );
  return { communityName: c.name, items: rows.map(presentPublicWish) };
}

export async function raisePublicWish(ctx: AppContext, input: PublicRaiseWishInput) {
  const { cid } = await communityOfCode(ctx, input.communityCode);
  await checkCompound(ctx, cid, input.compoundId);
  const code = newWishCode();
  const key = newWishKey();
  await ctx.db.transaction().execute(async (trx) => {
    const { id } = await repo.insertWish(trx, cid, {
      ...newWishValues(ctx, input),
      source: 'resident',
      tracking_hash: hashWishCode(code),
      key_hash: hashWishKey(key),
    });
    // The audit keeps what was wished, never the phone or the secrets.
    await recordStep(trx, {
      communityId: cid,
      wishId: id,
      action: 'raise',
      toStatus: 'draft',
      actor: null,
      actorLabel: 'resident',
      channel: 'resident',
      isPublic: true,
      changes: { source: 'resident', text: input.text, value: input.value ?? null },
    });
  });
  return { code, link: wishLink(code, key) };
}

async function wishOfCode(ctx: AppContext, code: string) {
  const w = await repo.findByTrackingHash(ctx.db, hashWishCode(code));
  if (!w) throw notFound('wish');
  // The tracking code is the caller's credential: it names one wish of one community.
  return { w, cid: trustedCommunityId(w.community_id) };
}

export async function viewTrackedWish(ctx: AppContext, code: string): Promise<WishTrackingView> {
  const { w, cid } = await wishOfCode(ctx, code);
  const [events, claims, photoIds] = await Promise.all([
    repo.listEvents(ctx.db, cid, w.id, true),
    repo.claimsOf(ctx.db, cid, [w.id]),
    repo.photoIds(ctx.db, cid, w.id),
  ]);
  return {
    code: code.trim().toUpperCase(),
    status: w.status as WishStatus,
    text: w.text,
    claimants: claims.map((c) => c.claimant_name),
    resultNote: w.result_note,
    thanks: w.thanks,
    canConfirm: w.status === 'fulfilled',
    photoIds,
    events: events.map((e) => ({
      action: e.action as WishEventKind,
      note: e.action === 'claim' || e.action === 'photos_added' ? null : e.note,
      createdAt: iso(e.created_at),
    })),
  };
}

async function provenWish(ctx: AppContext, code: string, key: string | undefined) {
  const found = await wishOfCode(ctx, code);
  if (!key) throw invalidField('trackingKey', 'proof_required');
  if (!keyMatches(found.w.key_hash, key))
    throw new AppError('TRACKING_PROOF_INVALID', 'key does not match', { fields: [{ field: 'trackingKey', rule: 'mismatch' }] });
  return found;
}

/** The resident confirms the wish came true and says thanks, with the key of their link. */
export async function confirmTrackedWish(ctx: AppContext, code: string, key: string | undefined, thanks: string | null) {
  const { w, cid } = await provenWish(ctx, code, key);
  await completeStep(ctx, null, cid, w.id, 'confirm', thanks, { actorLabel: 'resident', channel: 'resident' });
  return viewTrackedWish(ctx, code);
}

/** A photo of what is wished for, while the wish waits for the staff check. */
export async function addRaisePhotos(ctx: AppContext, code: string, key: string | undefined, files: Buffer[]) {
  const { w, cid } = await provenWish(ctx, code, key);
  if (w.status !== 'draft') throw new AppError('INVALID_STATE', 'photos of a wish are added before it is published');
  await storeWishPhotos(ctx, cid, w.id, files, 'raise', null);
  return viewTrackedWish(ctx, code);
}

export async function trackedPhoto(ctx: AppContext, code: string, photoId: number) {
  const { w, cid } = await wishOfCode(ctx, code);
  const p = await repo.findPhoto(ctx.db, cid, w.id, photoId);
  if (!p) throw notFound('photo');
  return p;
}
