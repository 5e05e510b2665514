import type { Activity } from '@linli/contracts';
import type { AppContext } from '../../platform/context.js';
import { authorize, type Actor } from '../../platform/access/actor.js';
import { AppError, invalidField } from '../../platform/errors.js';
import { writeAudit } from '../../platform/audit/audit.js';
import * as repo from './activities.repository.js';
import { activityOf, getActivity } from './activities.service.js';
import { hashCheckinCode, newCheckinCode } from './links.js';
import { creditServingHours } from './serving.service.js';

/**
 * Opens check-in: a new six-digit code for the door (a QR of the phone page carries it). Only its hash is kept; a new
 * code replaces the old one. The answer is the one place the code appears.
 */
export async function issueCheckinCode(ctx: AppContext, actor: Actor, id: number): Promise<{ code: string }> {
  authorize(actor, 'activities.attendance');
  const { row, cid } = await activityOf(ctx, actor, id);
  if (row.status !== 'published') throw new AppError('INVALID_STATE', `activity is ${row.status}`);
  const code = newCheckinCode();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateActivity(trx, cid, id, { checkin_code_hash: hashCheckinCode(id, code) });
    await repo.addEvent(trx, cid, { activityId: id, kind: 'checkin_opened', actorId: actor.accountId });
    await writeAudit(trx, actor, { communityId: cid, action: 'activity.checkin_opened', entityType: 'activity', entityId: id });
  });
  return { code };
}

/** The organiser ticks names present and counts walk-ins (while published or just held). */
export async function markAttendance(ctx: AppContext, actor: Actor, id: number, input: { signupIds: number[]; walkInCount?: number }): Promise<Activity> {
  authorize(actor, 'activities.attendance');
  const { row, cid } = await activityOf(ctx, actor, id);
  if (row.status !== 'published' && row.status !== 'held') throw new AppError('INVALID_STATE', `activity is ${row.status}`);
  const known = new Map((await repo.listSignups(ctx.db, cid, id)).map((s) => [s.id, s]));
  for (const [i, sid] of input.signupIds.entries()) {
    if (known.get(sid)?.status !== 'confirmed') throw invalidField(`signupIds.${i}`, 'not_found');
  }
  await ctx.db.transaction().execute(async (trx) => {
    const ids = await repo.markCheckedIn(trx, cid, id, input.signupIds, 'organiser', new Date());
    if (input.walkInCount !== undefined) await repo.updateActivity(trx, cid, id, { walk_in_count: input.walkInCount });
    await repo.addEvent(trx, cid, { activityId: id, kind: 'attendance_marked', actorId: actor.accountId, note: `${ids.length}` });
    await writeAudit(trx, actor, {
      communityId: cid,
      action: 'activity.attendance_marked',
      entityType: 'activity',
      entityId: id,
      changes: { checkedIn: ids, walkInCount: input.walkInCount },
    });
  });
  return getActivity(ctx, actor, id);
}

/** Writes the short report after the activity (held → reported). */
export async function reportActivity(ctx: AppContext, actor: Actor, id: number, report: string): Promise<Activity> {
  authorize(actor, 'activities.attendance');
  const { row, cid } = await activityOf(ctx, actor, id);
  if (row.status !== 'held' && row.status !== 'reported') throw new AppError('INVALID_STATE', `activity is ${row.status}`);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateActivity(trx, cid, id, { status: 'reported', report, reported_at: row.reported_at ?? new Date() });
    await repo.addEvent(trx, cid, { activityId: id, kind: 'reported', actorId: actor.accountId });
    await writeAudit(trx, actor, {
      communityId: cid,
      action: 'activity.reported',
      entityType: 'activity',
      entityId: id,
      changes: { report: { from: row.report, to: report } },
    });
  });
  return getActivity(ctx, actor, id);
}

/**
 * Closes the activity after it took place (published → held): the attendance is final but for late ticks. Volunteers
 * serving at it are credited their hours by the volunteers module in the same transaction (recorder = the organiser).
 */
export async function closeActivity(ctx: AppContext, actor: Actor, id: number): Promise<Activity> {
  authorize(actor, 'activities.attendance');
  const { row, cid } = await activityOf(ctx, actor, id);
  if (row.status !== 'published') throw new AppError('INVALID_STATE', `activity is ${row.status}`);
  if (row.starts_at.getTime() > Date.now()) throw new AppError('INVALID_STATE', 'activity has not started');
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateActivity(trx, cid, id, { status: 'held', held_at: new Date(), checkin_code_hash: null });
    const entryIds = await creditServingHours(trx, cid, row, actor);
    await repo.addEvent(trx, cid, { activityId: id, kind: 'held', actorId: actor.accountId });
    await writeAudit(trx, actor, { communityId: cid, action: 'activity.held', entityType: 'activity', entityId: id, changes: { hoursEntryIds: entryIds } });
  });
  return getActivity(ctx, actor, id);
}
