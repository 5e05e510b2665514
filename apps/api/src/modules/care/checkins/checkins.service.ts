import { AppError, invalidField, notFound } from '../../../platform/errors.js';
import type { CheckinLadder, CreateAwayInput, CreateCheckinInput } from '@linli/contracts';
import type { Transaction } from 'kysely';
import type { AppContext } from '../../../platform/context.js';
import type { DB } from '../../../platform/db/schema.js';
import type { CommunityId } from '../../../platform/db/scope.js';
import { authorize, resolveCommunityId, type Actor } from '../../../platform/access/actor.js';
import { trustedCommunityId } from '../../../platform/access/trusted-scope.js';
import { writeAudit } from '../../../platform/audit/audit.js';
import { publish } from '../../../platform/outbox/outbox.js';
import { beijingDate, iso } from '../../../platform/time.js';
import { careRecipientRefs, pairedHelpers } from '../refs.js';
import * as repo from './checkins.repository.js';
import { awayIssue, defaultDueBy, defaultLadder, dueAtOf, ladderIssue } from './ladder.js';
import { checkinLinkPath, hashCheckinToken, newCheckinToken } from './links.js';

/** The one answer to a wrong, revoked or orphaned token: it says nothing about whether the person exists. */
const invalidLink = () => new AppError('CHECKIN_LINK_INVALID', 'check-in link not valid');

/** A recipient of the actor's community, or 404 (another community's id too). */
async function recipientIn(ctx: AppContext, actor: Actor, recipientId: number, communityId?: number) {
  const cid = resolveCommunityId(actor, communityId);
  const r = (await careRecipientRefs(ctx.db, cid, [recipientId])).get(recipientId);
  if (!r) throw notFound('care recipient');
  return { cid, r };
}

export async function ladderOf(ctx: AppContext, cid: CommunityId): Promise<CheckinLadder> {
  const row = await repo.findLadder(ctx.db, cid);
  return row ? (JSON.parse(row.ladder) as CheckinLadder) : defaultLadder;
}

export async function getCheckinLadder(ctx: AppContext, actor: Actor, communityId?: number) {
  authorize(actor, 'checkins.read');
  return ladderOf(ctx, resolveCommunityId(actor, communityId));
}

/** Sets the community's ladder (steps and minutes after the window); audited. Rows already climbing follow the new one. */
export async function saveCheckinLadder(ctx: AppContext, actor: Actor, input: CheckinLadder & { communityId?: number }) {
  authorize(actor, 'checkins.manage');
  const cid = resolveCommunityId(actor, input.communityId);
  const ladder: CheckinLadder = { steps: input.steps };
  const issue = ladderIssue(ladder);
  if (issue) throw invalidField(issue.field, issue.rule);
  const before = await ladderOf(ctx, cid);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.saveLadder(trx, cid, JSON.stringify(ladder), actor.accountId);
    await writeAudit(trx, actor, {
      communityId: cid,
      action: 'checkin_ladder.updated',
      entityType: 'community',
      entityId: cid,
      changes: { steps: { from: before.steps, to: ladder.steps } },
    });
  });
  return ladder;
}

/** Sets a recipient's daily window (e.g. by 10:00 Beijing time) and whether they check in at all; audited. */
export async function saveCheckinPlan(ctx: AppContext, actor: Actor, recipientId: number, input: { dueBy: string; isActive: boolean }) {
  authorize(actor, 'checkins.manage');
  const { cid } = await recipientIn(ctx, actor, recipientId);
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(input.dueBy)) throw invalidField('dueBy', 'invalid');
  await ctx.db.transaction().execute(async (trx) => {
    await repo.savePlan(trx, cid, recipientId, input.dueBy, input.isActive);
    const today = beijingDate(new Date());
    await repo.moveOpenDay(trx, cid, recipientId, today, dueAtOf(today, input.dueBy));
    await writeAudit(trx, actor, { communityId: cid, action: 'checkin_plan.saved', entityType: 'care_recipient', entityId: recipientId, changes: input });
  });
  return getCheckinPlan(ctx, actor, recipientId);
}

export async function getCheckinPlan(ctx: AppContext, actor: Actor, recipientId: number) {
  authorize(actor, 'checkins.read');
  const { cid } = await recipientIn(ctx, actor, recipientId);
  const plan = await repo.findPlan(ctx.db, cid, recipientId);
  const links = await repo.listLinks(ctx.db, cid, recipientId);
  return { recipientId, dueBy: plan?.due_by ?? defaultDueBy, isActive: plan?.is_active ?? false, hasLink: links.some((l) => !l.revoked_at) };
}

/**
 * Issues a one-tap link (a new one for the person revokes their old one). The answer is the only place the token
 * appears: the audit row names the link, never the token.
 */
export async function issueCheckinLink(ctx: AppContext, actor: Actor, recipientId: number, input: { holder: 'self' | 'family'; holderName?: string | null }) {
  authorize(actor, 'checkins.manage');
  const { cid } = await recipientIn(ctx, actor, recipientId);
  const token = newCheckinToken();
  const now = new Date();
  const linkId = await ctx.db.transaction().execute(async (trx) => {
    const revoked = input.holder === 'self' ? await repo.revokeLinks(trx, cid, recipientId, { holder: 'self' }, now) : [];
    const { id } = await repo.insertLink(trx, cid, {
      recipient_id: recipientId,
      holder: input.holder,
      holder_name: input.holderName ?? null,
      token_hash: hashCheckinToken(token),
      created_by: actor.accountId,
    });
    // A recipient with a link checks in daily from now on, unless a plan says otherwise.
    if (!(await repo.findPlan(trx, cid, recipientId))) await repo.savePlan(trx, cid, recipientId, defaultDueBy, true);
    await writeAudit(trx, actor, {
      communityId: cid,
      action: 'checkin_link.issued',
      entityType: 'care_recipient',
      entityId: recipientId,
      changes: { linkId: id, holder: input.holder, revokedLinkIds: revoked },
    });
    return id;
  });
  return { linkId, path: checkinLinkPath(token) };
}

export async function listCheckinLinks(ctx: AppContext, actor: Actor, recipientId: number) {
  authorize(actor, 'checkins.manage');
  const { cid } = await recipientIn(ctx, actor, recipientId);
  const rows = await repo.listLinks(ctx.db, cid, recipientId);
  return {
    items: rows.map((l) => ({
      id: l.id,
      holder: l.holder as 'self' | 'family',
      holderName: l.holder_name,
      createdAt: iso(l.created_at),
      revokedAt: iso(l.revoked_at),
      lastUsedAt: iso(l.last_used_at),
    })),
  };
}

/** Revokes one link; the next tap on it gets the same answer as a wrong one. Audited. */
export async function revokeCheckinLink(ctx: AppContext, actor: Actor, recipientId: number, linkId: number) {
  authorize(actor, 'checkins.manage');
  const { cid } = await recipientIn(ctx, actor, recipientId);
  await ctx.db.transaction().execute(async (trx) => {
    const ids = await repo.revokeLinks(trx, cid, recipientId, { id: linkId }, new Date());
    if (ids.length === 0) throw notFound('check-in link');
    await writeAudit(trx, actor, {
      communityId: cid,
      action: 'checkin_link.revoked',
      entityType: 'care_recipient',
      entityId: recipientId,
      changes: { linkId },
    });
  });
  return listCheckinLinks(ctx, actor, recipientId);
}

/**
 * Writes today's check-in (idempotent: a second one the same day changes nothing). A check-in after the ladder
 * started stops it, and the day keeps after which step it stopped, so the board can say so.
 */
async function recordCheckin(
  ctx: AppContext,
  trx: Transaction<DB>,
  cid: CommunityId,
  recipientId: number,
  who: { actor: Actor | null; via: string; linkId: number | null; note: string | null },
  now: Date,
) {
  const day = beijingDate(now);
  const plan = await repo.findPlan(trx, cid, recipientId);
  const row = await repo.ensureDay(trx, cid, recipientId, day, dueAtOf(day, plan?.due_by ?? defaultDueBy));
  if (row.checked_in_at) return { at: row.checked_in_at, isNew: false };
  const stoppedAfter = row.steps_taken > 0 ? row.steps_taken : null;
  await repo.markCheckedIn(trx, cid, row.id, {
    at: now,
    via: who.via,
    by_account_id: who.actor?.accountId ?? null,
    by_link_id: who.linkId,
    note: who.note,
    stopped_after_step: stoppedAfter,
  });
  await writeAudit(trx, who.actor, {
    communityId: cid,
    action: 'checkin.recorded',
    entityType: 'care_recipient',
    entityId: recipientId,
    changes: { day, via: who.via, linkId: who.linkId, stoppedAfterStep: stoppedAfter },
  });
  await publish(trx, 'care.checkin.confirmed', { communityId: cid, recipientId, dayId: row.id, via: who.via, afterEscalation: stoppedAfter !== null });
  return { at: now, isNew: true };
}

/** The one-tap check-in from a personal link, without login. Wrong, revoked, or of no one: the same error. */
export async function tapCheckin(ctx: AppContext, token: string, now = new Date()) {
  const link = await repo.linkByTokenHash(ctx.db, hashCheckinToken(token));
  if (!link || link.revoked_at) throw invalidLink();
  // The link's own community: the token proved it.
  const cid = trustedCommunityId(link.community_id);
  const r = (await careRecipientRefs(ctx.db, cid, [link.recipient_id])).get(link.recipient_id);
  if (!r || !r.active) throw invalidLink();
  const res = await ctx.db.transaction().execute(async (trx) => {
    await repo.touchLink(trx, cid, link.id, now);
    return recordCheckin(
      ctx,
      trx,
      cid,
      link.recipient_id,
      { actor: null, via: link.holder === 'family' ? 'family' : 'link', linkId: link.id, note: null },
      now,
    );
  });
  return { ok: true as const, name: r.residentNameMasked, checkedInAt: iso(res.at) };
}

/**
 * A helper after a call or visit, a family member through staff, or staff check a person in. Volunteers and party
 * members only for the people they are paired with.
 */
export async function checkInFor(ctx: AppContext, actor: Actor, input: CreateCheckinInput & { communityId?: number }, now = new Date()) {
  authorize(actor, 'checkins.write');
  const { cid } = await recipientIn(ctx, actor, input.recipientId, input.communityId);
  if (actor.role === 'volunteer' || actor.role === 'party_member') {
    const helpers = await pairedHelpers(ctx.db, cid, input.recipientId);
    if (!helpers.some((h) => h.accountId === actor.accountId)) throw notFound('care recipient');
  }
  const res = await ctx.db
    .transaction()
    .execute((trx) => recordCheckin(ctx, trx, cid, input.recipientId, { actor, via: input.via, linkId: null, note: input.note ?? null }, now));
  return { ok: true as const, checkedInAt: iso(res.at), isNew: res.isNew };
}

/** An away notice (出门/住院/子女家): no ladder on its days; today's climbing stops at once if it covers today. */
export async function createAway(ctx: AppContext, actor: Actor, input: CreateAwayInput & { communityId?: number }, now = new Date()) {
  authorize(actor, 'checkins.write');
  const issue = awayIssue(input);
  if (issue) throw invalidField(issue.field, issue.rule, { min: input.startsOn });
  const { cid } = await recipientIn(ctx, actor, input.recipientId, input.communityId);
  const today = beijingDate(now);
  const row = await ctx.db.transaction().execute(async (trx) => {
    const a = await repo.insertAway(trx, cid, {
      recipient_id: input.recipientId,
      kind: input.kind,
      starts_on: input.startsOn,
      ends_on: input.endsOn,
      note: input.note ?? null,
      created_by: actor.accountId,
    });
    if (input.startsOn <= today && today <= input.endsOn) await repo.pauseDay(trx, cid, input.recipientId, today);
    await writeAudit(trx, actor, {
      communityId: cid,
      action: 'checkin_away.created',
      entityType: 'care_recipient',
      entityId: input.recipientId,
      changes: { kind: input.kind, startsOn: input.startsOn, endsOn: input.endsOn },
    });
    return a;
  });
  return presentAway(row);
}

export async function listAways(ctx: AppContext, actor: Actor, recipientId: number) {
  authorize(actor, 'checkins.read');
  const { cid } = await recipientIn(ctx, actor, recipientId);
  return { items: (await repo.listAways(ctx.db, cid, recipientId)).map(presentAway) };
}

function presentAway(a: {
  id: number;
  recipient_id: number;
  kind: string;
  starts_on: string;
  ends_on: string;
  note: string | null;
  cancelled_at: Date | null;
}) {
  return {
    id: a.id,
    recipientId: a.recipient_id,
    kind: a.kind as 'trip' | 'hospital' | 'family',
    startsOn: a.starts_on,
    endsOn: a.ends_on,
    note: a.note,
    cancelledAt: iso(a.cancelled_at),
  };
}
