import type { MySignup } from '@linli/contracts';
import type { AppContext } from '../../platform/context.js';
import { AppError, invalidField, notFound } from '../../platform/errors.js';
import { trustedCommunityId } from '../../platform/access/trusted-scope.js';
import { scopeOfOne } from '../../platform/db/scope.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { placeRefs } from '../places/index.js';
import * as repo from './activities.repository.js';
import { presentPublicActivity, presentSignup } from './activities.presenter.js';
import { cancelSignupIn, signUp } from './signups.service.js';
import { hashCheckinCode, hashSignupKey } from './links.js';
import { readActivityPhoto } from './photos.service.js';

// What a resident does on the phone without an account (ADR 0048): see the community's upcoming activities (its code
// names it), sign up with name and phone, and with the private link see, cancel and check in.

/** The one answer to a wrong key or a cancelled sign-up: it says nothing about whether anyone signed up. */
const invalidLink = () => new AppError('ACTIVITY_SIGNUP_LINK_INVALID', 'sign-up link not valid');

async function communityOfCode(ctx: AppContext, code: string) {
  const c = await placeRefs.communityByCode(ctx.db, code);
  if (!c) throw notFound('community');
  return { cid: trustedCommunityId(c.id), name: c.name };
}

/** Upcoming public activities (not ended, not cancelled) of the community, or of one compound and the whole community. */
export async function publicCalendar(ctx: AppContext, q: { c: string; compoundId?: number }, now = new Date()) {
  const { cid, name } = await communityOfCode(ctx, q.c);
  const { rows } = await repo.listActivities(ctx.db, cid, { from: now, publicOnly: true, compoundId: q.compoundId }, { offset: 0, limit: 100 });
  return { communityName: name, items: rows.filter((r) => r.status !== 'cancelled').map(presentPublicActivity) };
}

async function publicActivityOf(ctx: AppContext, code: string, id: number) {
  const { cid } = await communityOfCode(ctx, code);
  const row = await repo.findActivity(ctx.db, scopeOfOne(cid), id);
  if (!row || !row.is_public) throw notFound('activity');
  return { cid, row };
}

export async function getPublicActivity(ctx: AppContext, code: string, id: number) {
  return presentPublicActivity((await publicActivityOf(ctx, code, id)).row);
}

/** A photo of a public activity once it was held (before, none is shown: 404). */
export async function publicActivityPhoto(ctx: AppContext, code: string, id: number, name: string) {
  const { row } = await publicActivityOf(ctx, code, id);
  if (row.status !== 'held' && row.status !== 'reported') throw notFound('photo');
  return readActivityPhoto(ctx, row, name);
}

export async function publicSignUp(ctx: AppContext, id: number, input: { c: string; name: string; phone: string }) {
  const { cid } = await publicActivityOf(ctx, input.c, id);
  return signUp(ctx, cid, id, input, { actor: null, accountId: null });
}

async function signupOfKey(ctx: AppContext, key: string) {
  const s = await repo.findSignupByLink(ctx.db, hashSignupKey(key));
  if (!s || s.status === 'cancelled') throw invalidLink();
  // The link is the caller's credential: it names one sign-up of one community.
  return { s, cid: trustedCommunityId(s.community_id) };
}

export async function mySignup(ctx: AppContext, key: string): Promise<MySignup> {
  const { s, cid } = await signupOfKey(ctx, key);
  const a = await repo.findActivity(ctx.db, scopeOfOne(cid), s.activity_id);
  if (!a) throw invalidLink();
  const position = s.status === 'waitlisted' ? await repo.waitlistPosition(ctx.db, s.activity_id, s.id) : null;
  return { activity: presentPublicActivity(a), signup: presentSignup(s, position) };
}

export async function cancelMySignup(ctx: AppContext, key: string) {
  const { s, cid } = await signupOfKey(ctx, key);
  await cancelSignupIn(ctx, cid, s.activity_id, s.id, { actor: null, accountId: null });
  return { ok: true as const };
}

/** Checks in with the code shown at the door; a second check-in answers the first's time. Waiters cannot check in. */
export async function checkInWithCode(ctx: AppContext, key: string, code: string): Promise<MySignup> {
  const { s, cid } = await signupOfKey(ctx, key);
  const a = await repo.findActivity(ctx.db, scopeOfOne(cid), s.activity_id);
  if (!a || a.status !== 'published' || !a.checkin_code_hash || a.checkin_code_hash !== hashCheckinCode(a.id, code))
    throw new AppError('ACTIVITY_CHECKIN_CODE_WRONG', 'wrong check-in code', { fields: [{ field: 'code', rule: 'mismatch' }] });
  if (s.status !== 'confirmed') throw invalidField('key', 'invalid');
  await ctx.db.transaction().execute(async (trx) => {
    const ids = await repo.markCheckedIn(trx, cid, a.id, [s.id], 'code', new Date());
    if (ids.length === 0) return;
    await repo.addEvent(trx, cid, { activityId: a.id, kind: 'checked_in', actorId: null, signupId: s.id, note: 'code' });
    await writeAudit(trx, null, {
      communityId: cid,
      action: 'activity.checked_in',
      entityType: 'activity',
      entityId: a.id,
      changes: { signupId: s.id, via: 'code' },
    });
  });
  return mySignup(ctx, key);
}
