import type { CreateWishInput, Page, PublishWishInput, RecordWishClaimInput, Wish, WishDetail, WishListQuery } from '@linli/contracts';
import type { Transaction } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import type { DB } from '../../platform/db/schema.js';
import { authorize, resolveCommunityId, scopeOf, type Actor } from '../../platform/access/actor.js';
import { AppError, invalidField, notFound } from '../../platform/errors.js';
import { maskPhone } from '../../platform/crypto/pii.js';
import { publish } from '../../platform/outbox/outbox.js';
import { beijingDate } from '../../platform/time.js';
import type { CommunityId } from '../../platform/db/scope.js';
import { placeRefs } from '../places/index.js';
import { accountNames, peopleRefs } from '../people/index.js';
import { partnerRefs } from '../partners/index.js';
import * as repo from './wishes.repository.js';
import { presentClaim, presentEvent, presentWish } from './wishes.presenter.js';
import { recordStep } from './record-step.js';
import { lockForStep } from './steps.js';
import { publicInitial } from './wish-state.js';

export async function compoundNamesOf(ctx: AppContext, ids: Array<number | null>) {
  const list = [...new Set(ids.filter((x): x is number => x !== null))];
  return new Map((await placeRefs.compoundNames(ctx.db, list)).map((c) => [Number(c.id), c.name]));
}

export async function listWishes(ctx: AppContext, actor: Actor, query: WishListQuery): Promise<Page<Wish>> {
  authorize(actor, 'wishes.read');
  const cid = resolveCommunityId(actor, query.communityId);
  const { total, rows } = await repo.listWishes(
    ctx.db,
    cid,
    { status: query.status, source: query.source, category: query.category, compoundId: query.compoundId, q: query.q?.trim() || undefined },
    { offset: (query.page - 1) * query.pageSize, limit: query.pageSize, sort: query.sort ?? 'id', order: query.sort ? query.order : 'desc' },
  );
  const names = await compoundNamesOf(
    ctx,
    rows.map((r) => r.compound_id),
  );
  return {
    items: rows.map((r) => presentWish(r, r.compound_id ? (names.get(r.compound_id) ?? null) : null)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** A wish with its claims, timeline and photos; staff only (the phone is masked). */
export async function getWish(ctx: AppContext, actor: Actor, id: number): Promise<WishDetail> {
  authorize(actor, 'wishes.read');
  return wishDetail(ctx, actor, id);
}

/** The detail without the permission check, for the claimant's answer after a claim or fulfilment. */
export async function wishDetail(ctx: AppContext, actor: Actor, id: number): Promise<WishDetail> {
  const row = await repo.findWish(ctx.db, scopeOf(actor), id);
  if (!row) throw notFound('wish');
  const cid = resolveCommunityId(actor, row.community_id);
  const [claims, events, photoIds, names] = await Promise.all([
    repo.claimsOf(ctx.db, cid, [id]),
    repo.listEvents(ctx.db, cid, id),
    repo.photoIds(ctx.db, cid, id),
    compoundNamesOf(ctx, [row.compound_id]),
  ]);
  const actors = await accountNames(
    ctx.db,
    events.map((e) => e.actor_id).filter((x): x is number => x !== null),
  );
  return {
    ...presentWish(row, row.compound_id ? (names.get(row.compound_id) ?? null) : null),
    claims: claims.map(presentClaim),
    events: events.map((e) => presentEvent(e, actors)),
    photoIds,
  };
}

/** The fields of a new wish, with the resident's phone sealed and the public initial worked out. */
export function newWishValues(
  ctx: AppContext,
  input: { residentName: string; residentPhone?: string | null; text: string; category?: string | null; value?: number | null; compoundId?: number | null },
) {
  const phone = ctx.pii.seal(input.residentPhone ?? null, maskPhone);
  return {
    resident_name: input.residentName,
    resident_phone_enc: phone.enc,
    resident_phone_masked: phone.masked,
    resident_phone_hash: phone.hash,
    public_initial: publicInitial(input.residentName),
    text: input.text,
    category: input.category ?? null,
    value_yuan: input.value ?? null,
    compound_id: input.compoundId ?? null,
  };
}

export async function checkCompound(ctx: AppContext, cid: CommunityId, compoundId: number | null | undefined) {
  if (compoundId && !(await placeRefs.compoundNames(ctx.db, [compoundId])).length) throw invalidField('compoundId', 'not_found');
  if (compoundId && !(await placeRefs.compoundsOf(ctx.db, cid)).some((c) => Number(c.id) === compoundId)) throw invalidField('compoundId', 'not_found');
}

/** Recorded for a resident by a grid worker, building head, staff or at a meeting: a draft for the staff check. */
export async function recordWish(ctx: AppContext, actor: Actor, input: CreateWishInput): Promise<WishDetail> {
  authorize(actor, 'wishes.record');
  const cid = resolveCommunityId(actor, input.communityId);
  await checkCompound(ctx, cid, input.compoundId);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const { id } = await repo.insertWish(trx, cid, {
      ...newWishValues(ctx, input),
      source: input.source,
      meeting_title: input.meetingTitle ?? null,
      created_by: actor.accountId,
    });
    await recordStep(trx, {
      communityId: cid,
      wishId: id,
      action: 'raise',
      toStatus: 'draft',
      actor,
      channel: input.source,
      note: input.meetingTitle ?? null,
      isPublic: true,
      changes: { source: input.source, text: input.text, value: input.value ?? null },
    });
    return id;
  });
  return getWish(ctx, actor, id);
}

/** The staff check: publish with the sharing flag and due date (text, category and value may be tidied on the way). */
export async function publishWish(ctx: AppContext, actor: Actor, id: number, input: PublishWishInput): Promise<WishDetail> {
  authorize(actor, 'wishes.write');
  const cid = await communityOf(ctx, actor, id);
  if (input.dueOn && input.dueOn < beijingDate(new Date())) throw invalidField('dueOn', 'past');
  await ctx.db.transaction().execute(async (trx) => {
    const { row, to } = await lockForStep(trx, cid, id, 'publish');
    const shared = input.shared ?? false;
    await repo.updateWish(trx, cid, id, {
      status: to,
      shared,
      due_on: input.dueOn ?? null,
      published_at: new Date(),
      ...(input.text !== undefined ? { text: input.text } : {}),
      ...(input.category !== undefined ? { category: input.category } : {}),
      ...(input.value !== undefined ? { value_yuan: input.value } : {}),
    });
    await recordStep(trx, {
      communityId: cid,
      wishId: id,
      action: 'publish',
      fromStatus: row.status,
      toStatus: to,
      actor,
      note: input.note ?? null,
      isPublic: true,
      changes: { from: row.status, to, shared, dueOn: input.dueOn ?? null },
    });
    await publish(trx, 'wish.published', { communityId: cid, wishId: id });
  });
  return getWish(ctx, actor, id);
}

/** Sent back to the one who raised it (stays a draft) or withdrawn, each with a reason the resident sees. */
export async function sendBackOrWithdraw(ctx: AppContext, actor: Actor, id: number, action: 'send_back' | 'withdraw', reason: string): Promise<WishDetail> {
  authorize(actor, 'wishes.write');
  const cid = await communityOf(ctx, actor, id);
  await ctx.db.transaction().execute(async (trx) => {
    const { row, to } = await lockForStep(trx, cid, id, action, { reason });
    if (action === 'withdraw') await repo.updateWish(trx, cid, id, { status: to, closed_at: new Date() });
    await recordStep(trx, { communityId: cid, wishId: id, action, fromStatus: row.status, toStatus: to, actor, note: reason, reason, isPublic: true });
  });
  return getWish(ctx, actor, id);
}

/** Staff record a claim made by phone, at a meeting or for a team (the claimant need not have an account). */
export async function recordClaim(ctx: AppContext, actor: Actor, id: number, input: RecordWishClaimInput): Promise<WishDetail> {
  authorize(actor, 'wishes.write');
  const cid = await communityOf(ctx, actor, id);
  if (input.partnerId && !(await partnerRefs.findPartnerRef(ctx.db, cid, input.partnerId))) throw invalidField('partnerId', 'not_found');
  if (input.claimantKind === 'partner' && !input.partnerId) throw invalidField('partnerId', 'required');
  if (input.teamId && !(await peopleRefs.teamRef(ctx.db, cid, input.teamId))) throw invalidField('teamId', 'not_found');
  await addClaim(ctx, actor, cid, id, {
    claimant_kind: input.claimantKind,
    claimant_name: input.claimantName,
    account_id: null,
    partner_id: input.partnerId ?? null,
    team_id: input.teamId ?? null,
    share_note: input.shareNote ?? null,
    share_value_yuan: input.shareValue ?? null,
    channel: 'staff',
  });
  return getWish(ctx, actor, id);
}

/** One claim, checked by the state machine under the wish's lock: one claimant, or several on a shared wish. */
export async function addClaim(
  ctx: AppContext,
  actor: Actor,
  cid: CommunityId,
  id: number,
  claim: Omit<Parameters<typeof repo.insertClaim>[2], 'wish_id' | 'created_by'>,
) {
  await ctx.db.transaction().execute(async (trx) => {
    const { row, to } = await lockForStep(trx, cid, id, 'claim');
    if (claim.account_id && (await repo.claimsOf(trx, cid, [id])).some((c) => c.account_id === claim.account_id))
      throw new AppError('WISH_ALREADY_CLAIMED', 'already claimed by this account');
    await repo.insertClaim(trx, cid, { ...claim, wish_id: id, created_by: actor.accountId });
    if (row.status !== to) await repo.updateWish(trx, cid, id, { status: to, claimed_at: new Date() });
    await recordStep(trx, {
      communityId: cid,
      wishId: id,
      action: 'claim',
      fromStatus: row.status,
      toStatus: to,
      actor,
      channel: claim.channel,
      note: claim.claimant_name,
      isPublic: true,
      changes: { from: row.status, to, claimantKind: claim.claimant_kind, claimantName: claim.claimant_name, shareValue: claim.share_value_yuan },
    });
    await publish(trx, 'wish.claimed', { communityId: cid, wishId: id });
  });
}

/** Fulfilment and confirmation as staff record them (the claimant and the resident have their own ways). */
export async function completeStep(
  ctx: AppContext,
  actor: Actor | null,
  cid: CommunityId,
  id: number,
  action: 'fulfil' | 'confirm',
  text: string | null,
  opts: { actorLabel?: 'resident'; channel?: string } = {},
) {
  await ctx.db.transaction().execute(async (trx) => {
    const { row, to } = await lockForStep(trx, cid, id, action, { note: text });
    const now = new Date();
    await repo.updateWish(
      trx,
      cid,
      id,
      action === 'fulfil' ? { status: to, fulfilled_at: now, result_note: text } : { status: to, confirmed_at: now, closed_at: now, thanks: text },
    );
    await recordStep(trx, {
      communityId: cid,
      wishId: id,
      action,
      fromStatus: row.status,
      toStatus: to,
      actor,
      actorLabel: opts.actorLabel ?? null,
      channel: opts.channel ?? null,
      note: text,
      isPublic: true,
    });
    if (action === 'confirm') await publish(trx, 'wish.confirmed', { communityId: cid, wishId: id });
    else await publish(trx, 'wish.fulfilled', { communityId: cid, wishId: id, helperAccountIds: await helperAccountIds(trx, cid, id) });
  });
}

/** The accounts that claimed the wish (a claim recorded by staff for someone without an account names none). */
async function helperAccountIds(trx: Transaction<DB>, cid: CommunityId, id: number): Promise<number[]> {
  const claims = await repo.claimsOf(trx, cid, [id]);
  return [...new Set(claims.flatMap((c) => (c.account_id != null ? [Number(c.account_id)] : [])))];
}

export async function confirmWish(ctx: AppContext, actor: Actor, id: number, thanks: string | null): Promise<WishDetail> {
  authorize(actor, 'wishes.write');
  const cid = await communityOf(ctx, actor, id);
  await completeStep(ctx, actor, cid, id, 'confirm', thanks, { channel: 'staff' });
  return getWish(ctx, actor, id);
}

/** The wish's community if the actor may see it; another community's wish answers 404. */
export async function communityOf(ctx: AppContext, actor: Actor, id: number): Promise<CommunityId> {
  const row = await repo.findWish(ctx.db, scopeOf(actor), id);
  if (!row) throw notFound('wish');
  return resolveCommunityId(actor, row.community_id);
}
