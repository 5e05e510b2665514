import { activitySignupLinkPath, type ActivitySignup, type ActivitySignupInput } from '@linli/contracts';
import type { AppContext } from '../../platform/context.js';
import { authorize, type Actor } from '../../platform/access/actor.js';
import { AppError, notFound } from '../../platform/errors.js';
import { writeAudit, type AuditActor } from '../../platform/audit/audit.js';
import { maskPhone } from '../../platform/crypto/pii.js';
import type { CommunityId } from '../../platform/db/scope.js';
import * as repo from './activities.repository.js';
import { presentSignup } from './activities.presenter.js';
import { activityOf } from './activities.service.js';
import { isSignupOpen } from './occurrences.js';
import { hashSignupKey, newSignupKey } from './links.js';

const alreadySignedUp = (err: unknown): never => {
  if ((err as { code?: string }).code === '23505')
    throw new AppError('ACTIVITY_ALREADY_SIGNED_UP', 'phone already signed up', { fields: [{ field: 'phone', rule: 'taken' }] });
  throw err;
};

/**
 * Signs one person up. The activity row is locked (`select … for update`) before the seats are counted, so sign-ups
 * for the last seat queue behind each other: exactly one gets it, the rest go to the waiting list in order. One sign-up
 * per phone (its hash) per activity, held by a unique index. Answers the sign-up and its private link (shown once).
 */
export async function signUp(
  ctx: AppContext,
  cid: CommunityId,
  activityId: number,
  input: ActivitySignupInput,
  by: { actor: AuditActor | null; accountId: number | null; now?: Date },
): Promise<{ signup: ActivitySignup; link: string }> {
  const now = by.now ?? new Date();
  const sealed = ctx.pii.seal(input.phone, maskPhone);
  const key = newSignupKey();
  const row = await ctx.db
    .transaction()
    .execute(async (trx) => {
      const a = await repo.lockActivity(trx, cid, activityId);
      if (!a) throw notFound('activity');
      if (!isSignupOpen(a, now)) throw new AppError('ACTIVITY_SIGNUP_CLOSED', 'sign-up closed');
      const hasSeat = a.capacity === null || (await repo.countConfirmed(trx, activityId)) < a.capacity;
      const row = await repo.insertSignup(trx, cid, {
        activity_id: activityId,
        name: input.name,
        phone_enc: sealed.enc!,
        phone_masked: sealed.masked!,
        phone_hash: sealed.hash!,
        link_hash: hashSignupKey(key),
        status: hasSeat ? 'confirmed' : 'waitlisted',
        account_id: by.accountId,
      });
      await repo.addEvent(trx, cid, { activityId, kind: hasSeat ? 'signed_up' : 'waitlisted', actorId: by.accountId, signupId: row.id });
      await writeAudit(trx, by.actor, {
        communityId: cid,
        action: hasSeat ? 'activity.signed_up' : 'activity.waitlisted',
        entityType: 'activity',
        entityId: activityId,
        changes: { signupId: row.id, name: input.name, phoneMasked: sealed.masked },
      });
      return row;
    })
    .catch(alreadySignedUp);
  const position = row.status === 'waitlisted' ? await repo.waitlistPosition(ctx.db, activityId, row.id) : null;
  return { signup: presentSignup(row, position), link: activitySignupLinkPath(key) };
}

/**
 * Cancels a sign-up; a freed seat goes to the first on the waiting list in the same transaction (the activity row is
 * locked first, as for a sign-up). Answers the promoted sign-up's id, if any.
 */
export async function cancelSignupIn(
  ctx: AppContext,
  cid: CommunityId,
  activityId: number,
  signupId: number,
  by: { actor: AuditActor | null; accountId: number | null },
) {
  const now = new Date();
  return ctx.db.transaction().execute(async (trx) => {
    const a = await repo.lockActivity(trx, cid, activityId);
    if (!a) throw notFound('activity');
    if (a.status !== 'published') throw new AppError('INVALID_STATE', `activity is ${a.status}`);
    const before = await repo.cancelSignup(trx, cid, signupId, now);
    if (!before) throw new AppError('INVALID_STATE', 'sign-up already cancelled');
    await repo.addEvent(trx, cid, { activityId, kind: 'signup_cancelled', actorId: by.accountId, signupId });
    let promoted: number | undefined;
    if (before === 'confirmed' && (a.capacity === null || (await repo.countConfirmed(trx, activityId)) < a.capacity)) {
      promoted = await repo.promoteFirstWaiter(trx, cid, activityId, now);
      if (promoted) await repo.addEvent(trx, cid, { activityId, kind: 'promoted', actorId: by.accountId, signupId: promoted });
    }
    await writeAudit(trx, by.actor, {
      communityId: cid,
      action: 'activity.signup_cancelled',
      entityType: 'activity',
      entityId: activityId,
      changes: { signupId, promotedSignupId: promoted ?? null },
    });
    return promoted;
  });
}

/** Sign-ups in order with the waiting list's places; phones masked. */
export async function listSignups(ctx: AppContext, actor: Actor, activityId: number): Promise<{ items: ActivitySignup[] }> {
  authorize(actor, 'activities.read');
  const { cid } = await activityOf(ctx, actor, activityId);
  const rows = await repo.listSignups(ctx.db, cid, activityId);
  let waiting = 0;
  return { items: rows.map((r) => presentSignup(r, r.status === 'waitlisted' ? ++waiting : null)) };
}

/** The organiser signs someone up at the desk or by phone; same rules as the phone page. */
export async function addSignup(ctx: AppContext, actor: Actor, activityId: number, input: ActivitySignupInput) {
  authorize(actor, 'activities.attendance');
  const { cid } = await activityOf(ctx, actor, activityId);
  return signUp(ctx, cid, activityId, input, { actor, accountId: actor.accountId });
}

export async function cancelSignupByStaff(ctx: AppContext, actor: Actor, activityId: number, signupId: number) {
  authorize(actor, 'activities.attendance');
  const { cid } = await activityOf(ctx, actor, activityId);
  if (!(await repo.findSignup(ctx.db, cid, activityId, signupId))) throw notFound('sign-up');
  await cancelSignupIn(ctx, cid, activityId, signupId, { actor, accountId: actor.accountId });
  return listSignups(ctx, actor, activityId);
}
