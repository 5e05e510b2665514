import type { CreateShiftInput } from '@linli/contracts';
import type { AppContext } from '../../../platform/context.js';
import type { CommunityId } from '../../../platform/db/scope.js';
import { authorize, resolveCommunityId, type Actor } from '../../../platform/access/actor.js';
import { AppError, invalidField, notFound } from '../../../platform/errors.js';
import { iso } from '../../../platform/time.js';
import type { Db } from '../common.repository.js';
import * as peopleRefs from '../refs.repository.js';
import * as assignmentsRepo from './assignments.repository.js';
import * as rosterPeople from './roster-people.repository.js';
import * as eventsRepo from './shift-events.repository.js';
import * as shiftsRepo from './shifts.repository.js';
import { presentShift } from './duty.presenter.js';
import { recordShiftSteps } from './record-step.js';
import { beijingInstant, datesBetween, timeRangeIssue } from './roster-rules.js';

/**
 * The assignment rows for putting a squad and named people on a shift. A squad member is known by their resident id,
 * with the account they log in with when they have one (only they can check in on the phone).
 */
export async function assignmentRowsFor(
  db: Db,
  cid: CommunityId,
  shiftId: number,
  who: { teamId: number | null; accountIds: number[]; by: number | null; via: 'team' | 'person' | 'template' },
): Promise<assignmentsRepo.AssignmentValues[]> {
  const rows: assignmentsRepo.AssignmentValues[] = [];
  if (who.teamId)
    for (const m of await rosterPeople.teamMembersWithAccounts(db, cid, who.teamId))
      rows.push({
        shift_id: shiftId,
        account_id: m.account_id ?? null,
        resident_id: m.resident_id,
        name: m.name,
        via: who.via === 'template' ? 'team' : who.via,
        team_id: who.teamId,
        assigned_by: who.by,
      });
  for (const a of await rosterPeople.accountsIn(db, cid, who.accountIds))
    rows.push({
      shift_id: shiftId,
      account_id: a.id,
      resident_id: a.resident_id,
      name: a.display_name,
      via: who.via === 'team' ? 'person' : who.via,
      team_id: null,
      assigned_by: who.by,
    });
  return rows;
}

async function present(ctx: AppContext, cid: CommunityId, shifts: shiftsRepo.ShiftRow[]) {
  const people = await assignmentsRepo.liveAssignments(
    ctx.db,
    cid,
    shifts.map((s) => s.id),
  );
  const station = new Map((await peopleRefs.stationNames(ctx.db, cid, [...new Set(shifts.map((s) => s.station_id))])).map((s) => [s.id, s.name]));
  const team = new Map(
    (
      await rosterPeople.teamNamesIn(
        ctx.db,
        cid,
        shifts.flatMap((s) => (s.team_id ? [s.team_id] : [])),
      )
    ).map((t) => [t.id, t.name]),
  );
  const byShift = new Map<number, assignmentsRepo.AssignmentRow[]>();
  for (const p of people) byShift.set(p.shift_id, [...(byShift.get(p.shift_id) ?? []), p]);
  return shifts.map((s) => presentShift(s, byShift.get(s.id) ?? [], { station, team }));
}

/** The shifts of a date range (a week grid), optionally one station's, or only those below headcount. */
export async function listShifts(
  ctx: AppContext,
  actor: Actor,
  q: { communityId?: number; from: string; to: string; stationId?: number; uncoveredOnly?: 'true' | 'false' },
) {
  authorize(actor, 'shifts.read');
  const cid = resolveCommunityId(actor, q.communityId);
  if (!datesBetween(q.from, q.to)) throw invalidField('to', 'range');
  const items = await present(ctx, cid, await shiftsRepo.listShifts(ctx.db, cid, q));
  return { items: q.uncoveredOnly === 'true' ? items.filter((s) => !s.isCovered) : items };
}

/** A shift of the actor's community (404 otherwise), with its people and timeline. */
export async function getShift(ctx: AppContext, actor: Actor, id: number, communityId?: number) {
  authorize(actor, 'shifts.read');
  const cid = resolveCommunityId(actor, communityId);
  const s = await shiftsRepo.findShift(ctx.db, cid, id);
  if (!s) throw notFound('shift');
  const [shift] = await present(ctx, cid, [s]);
  const events = await eventsRepo.eventsOf(ctx.db, cid, id);
  const names = new Map(
    (await rosterPeople.accountNamesIn(ctx.db, [...new Set(events.flatMap((e) => (e.actor_account_id ? [e.actor_account_id] : [])))])).map((a) => [
      a.id,
      a.display_name,
    ]),
  );
  return {
    ...shift!,
    events: events.map((e) => ({
      id: e.id,
      action: e.action,
      actorName: e.actor_account_id ? (names.get(e.actor_account_id) ?? null) : e.actor_label,
      note: e.note,
      createdAt: iso(e.created_at),
    })),
  };
}

/** A one-off shift outside the templates (an event day, a holiday watch). */
export async function createShift(ctx: AppContext, actor: Actor, input: CreateShiftInput) {
  authorize(actor, 'shifts.write');
  const cid = resolveCommunityId(actor, input.communityId);
  const station = await peopleRefs.stationRef(ctx.db, cid, input.stationId);
  if (!station || station.archived_at) throw notFound('station');
  const issue = timeRangeIssue(input.startsAt, input.endsAt);
  if (issue) throw invalidField(issue.field, issue.rule);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const { id } = await shiftsRepo.insertShift(trx, cid, {
      station_id: input.stationId,
      template_id: null,
      day: input.day,
      starts_at: beijingInstant(input.day, input.startsAt),
      ends_at: beijingInstant(input.day, input.endsAt),
      headcount: input.headcount,
      team_id: null,
      note: input.note ?? null,
      created_by: actor.accountId,
    });
    await recordShiftSteps(trx, cid, actor, [{ shiftId: id, action: 'created', changes: { ...input } }]);
    return id;
  });
  return getShift(ctx, actor, id, cid);
}

/** Puts a squad (its current members) or one person on a shift; a person already on it is refused (a squad skips them). */
export async function assignShift(ctx: AppContext, actor: Actor, id: number, input: { teamId?: number; accountId?: number; communityId?: number }) {
  authorize(actor, 'shifts.write');
  const cid = resolveCommunityId(actor, input.communityId);
  await ctx.db.transaction().execute(async (trx) => {
    const s = await shiftsRepo.lockShift(trx, cid, id);
    if (!s) throw notFound('shift');
    if (!input.teamId === !input.accountId) throw invalidField(input.teamId ? 'accountId' : 'teamId', input.teamId ? 'invalid' : 'required');
    if (input.teamId && (await rosterPeople.teamNamesIn(trx, cid, [input.teamId])).length === 0) throw notFound('team');
    if (input.accountId && (await rosterPeople.accountsIn(trx, cid, [input.accountId])).length === 0) throw notFound('account');
    const rows = await assignmentRowsFor(trx, cid, id, {
      teamId: input.teamId ?? null,
      accountIds: input.accountId ? [input.accountId] : [],
      by: actor.accountId,
      via: input.teamId ? 'team' : 'person',
    });
    const added = await assignmentsRepo.insertAssignments(trx, cid, rows);
    if (input.accountId && added.length === 0)
      throw new AppError('SHIFT_ALREADY_ASSIGNED', 'already on the shift', { fields: [{ field: 'accountId', rule: 'taken' }] });
    await recordShiftSteps(trx, cid, actor, [
      {
        shiftId: id,
        action: 'assigned',
        note: added.map((a) => a.name).join('、') || null,
        changes: { teamId: input.teamId ?? null, assignmentIds: added.map((a) => a.id) },
      },
    ]);
  });
  return getShift(ctx, actor, id, cid);
}

/** Takes someone off a shift, with the reason; audited. */
export async function removeFromShift(ctx: AppContext, actor: Actor, id: number, assignmentId: number, input: { reason: string; communityId?: number }) {
  authorize(actor, 'shifts.write');
  const cid = resolveCommunityId(actor, input.communityId);
  await ctx.db.transaction().execute(async (trx) => {
    const s = await shiftsRepo.lockShift(trx, cid, id);
    const a = s ? await assignmentsRepo.findAssignment(trx, cid, assignmentId) : undefined;
    if (!s || !a || a.shift_id !== id) throw notFound('assignment');
    if (a.checked_in_at) throw new AppError('INVALID_STATE', 'checked in already');
    await assignmentsRepo.removeAssignment(trx, cid, assignmentId, { at: new Date(), reason: input.reason });
    await recordShiftSteps(trx, cid, actor, [{ shiftId: id, action: 'removed', note: a.name, reason: input.reason, changes: { assignmentId } }]);
  });
  return getShift(ctx, actor, id, cid);
}
