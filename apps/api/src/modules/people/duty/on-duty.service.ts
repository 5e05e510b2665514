import type { AppContext } from '../../../platform/context.js';
import { authorize, resolveCommunityId, type Actor } from '../../../platform/access/actor.js';
import { AppError, invalidField, notFound } from '../../../platform/errors.js';
import { iso } from '../../../platform/time.js';
import * as peopleRefs from '../refs.repository.js';
import * as assignmentsRepo from './assignments.repository.js';
import * as rosterPeople from './roster-people.repository.js';
import * as shiftsRepo from './shifts.repository.js';
import { creditShiftHours } from './hours.js';
import { recordShiftSteps } from './record-step.js';
import { shiftLabel } from './duty.presenter.js';
import { addDays, datesBetween, isCheckinOpen, weekOf } from './roster-rules.js';
import { settingsOf } from './templates.service.js';

const notOnShift = () => new AppError('SHIFT_NOT_ASSIGNED', 'not on this shift');

/** The actor's own shifts (this Beijing week by default), for the phone page. */
export async function myShifts(ctx: AppContext, actor: Actor, q: { from?: string; to?: string }, now = new Date()) {
  authorize(actor, 'shifts.duty');
  const cid = resolveCommunityId(actor);
  const week = weekOf(now);
  const from = q.from ?? week.from;
  const to = q.to ?? week.to;
  if (!datesBetween(from, to)) throw invalidField('to', 'range');
  const residentId = await rosterPeople.residentOfAccount(ctx.db, cid, actor.accountId);
  const rows = await assignmentsRepo.myAssignments(ctx.db, cid, { accountId: actor.accountId, residentId }, from, to);
  const settings = await settingsOf(ctx, cid);
  return {
    items: rows.map((r) => ({
      shiftId: r.shift_id,
      assignmentId: r.assignment_id,
      stationName: r.station_name,
      day: r.day,
      startsAt: iso(r.starts_at),
      endsAt: iso(r.ends_at),
      checkedInAt: iso(r.checked_in_at),
      checkedOutAt: iso(r.checked_out_at),
      hours: null,
    })),
    checkinBeforeMinutes: settings.checkinBeforeMinutes,
    checkinAfterMinutes: settings.checkinAfterMinutes,
  };
}

/**
 * Checks the actor in on a shift they are on (by account, or as the resident a squad assignment names), within the
 * community's window around the start. Someone not on it, or outside the window: a clear error and nothing written.
 * A second check-in changes nothing.
 */
export async function checkIn(ctx: AppContext, actor: Actor, shiftId: number, now = new Date()) {
  authorize(actor, 'shifts.duty');
  const cid = resolveCommunityId(actor);
  const settings = await settingsOf(ctx, cid);
  const residentId = await rosterPeople.residentOfAccount(ctx.db, cid, actor.accountId);
  return ctx.db.transaction().execute(async (trx) => {
    const s = await shiftsRepo.findShift(trx, cid, shiftId);
    if (!s) throw notFound('shift');
    const a = await assignmentsRepo.assignmentOf(trx, cid, shiftId, { accountId: actor.accountId, residentId });
    if (!a) throw notOnShift();
    if (a.checked_in_at) return { shiftId, assignmentId: a.id, checkedInAt: iso(a.checked_in_at), checkedOutAt: iso(a.checked_out_at), hours: null };
    if (
      !isCheckinOpen(
        now,
        { startsAt: s.starts_at, endsAt: s.ends_at },
        { beforeMinutes: settings.checkinBeforeMinutes, afterMinutes: settings.checkinAfterMinutes },
      )
    )
      throw new AppError('SHIFT_CHECKIN_CLOSED', 'outside the check-in window', {
        opensAt: iso(new Date(s.starts_at.getTime() - settings.checkinBeforeMinutes * 60_000)),
      });
    await assignmentsRepo.markCheckedIn(trx, cid, a.id, { at: now, accountId: actor.accountId });
    await recordShiftSteps(trx, cid, actor, [{ shiftId, action: 'checked_in', note: a.name, changes: { assignmentId: a.id } }]);
    return { shiftId, assignmentId: a.id, checkedInAt: iso(now), checkedOutAt: null, hours: null };
  });
}

/**
 * Checks the actor out: closes their duty and credits the time from check-in to check-out as service hours to their
 * volunteer record (the volunteers module rounds them), in the same transaction. Before a check-in, or twice: refused.
 */
export async function checkOut(ctx: AppContext, actor: Actor, shiftId: number, now = new Date()) {
  authorize(actor, 'shifts.duty');
  const cid = resolveCommunityId(actor);
  const residentId = await rosterPeople.residentOfAccount(ctx.db, cid, actor.accountId);
  return ctx.db.transaction().execute(async (trx) => {
    const s = await shiftsRepo.findShift(trx, cid, shiftId);
    if (!s) throw notFound('shift');
    const a = await assignmentsRepo.assignmentOf(trx, cid, shiftId, { accountId: actor.accountId, residentId });
    if (!a) throw notOnShift();
    const done = await assignmentsRepo.markCheckedOut(trx, cid, a.id, now);
    if (!done || !done.checked_in_at) throw new AppError('SHIFT_NOT_CHECKED_IN', 'not checked in, or checked out already');
    const stations = await peopleRefs.stationNames(trx, cid, [s.station_id]);
    const credit = await creditShiftHours(trx, cid, {
      shiftId,
      accountId: actor.accountId,
      residentId: a.resident_id,
      name: a.name,
      title: `值守：${stations[0]?.name ?? ''}`,
      startedAt: done.checked_in_at,
      endedAt: now,
    });
    if (credit) await assignmentsRepo.setHoursEntry(trx, cid, a.id, credit.entryId);
    await recordShiftSteps(trx, cid, actor, [
      { shiftId, action: 'checked_out', note: a.name, changes: { assignmentId: a.id, hoursEntryId: credit?.entryId ?? null } },
    ]);
    return { shiftId, assignmentId: a.id, checkedInAt: iso(done.checked_in_at), checkedOutAt: iso(now), hours: credit?.hours ?? null };
  });
}

/**
 * Whom the actor can ask to swap a shift they are on: the others with a login on duty at the same post this week and
 * the next two, each with their shifts there. Someone not on the shift: SHIFT_NOT_ASSIGNED.
 */
export async function swapPartners(ctx: AppContext, actor: Actor, shiftId: number, now = new Date()) {
  authorize(actor, 'shifts.duty');
  const cid = resolveCommunityId(actor);
  const s = await shiftsRepo.findShift(ctx.db, cid, shiftId);
  if (!s) throw notFound('shift');
  const residentId = await rosterPeople.residentOfAccount(ctx.db, cid, actor.accountId);
  const mine = await assignmentsRepo.assignmentOf(ctx.db, cid, shiftId, { accountId: actor.accountId, residentId });
  if (!mine) throw notOnShift();
  const from = weekOf(now).from;
  const rows = await assignmentsRepo.peopleOnStation(ctx.db, cid, s.station_id, from, addDays(from, 20));
  const people = new Map<number, { accountId: number; name: string; shifts: Array<{ shiftId: number; label: string }> }>();
  for (const r of rows) {
    if (r.account_id === actor.accountId) continue;
    const p = people.get(r.account_id) ?? { accountId: r.account_id, name: r.display_name, shifts: [] };
    if (r.shift_id !== shiftId && r.starts_at > now) p.shifts.push({ shiftId: r.shift_id, label: shiftLabel(r) });
    people.set(r.account_id, p);
  }
  return { items: [...people.values()] };
}
