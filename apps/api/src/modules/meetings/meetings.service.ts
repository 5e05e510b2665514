import type {
  CreateMeetingInput,
  HoldMeetingInput,
  Meeting,
  MeetingAction,
  MeetingDetail,
  MeetingListQuery,
  MeetingStatus,
  Page,
  SaveMinutesInput,
  UpdateMeetingInput,
} from '@linli/contracts';
import type { AppContext } from '../../platform/context.js';
import { authorize, resolveCommunityId, scopeOf, type Actor } from '../../platform/access/actor.js';
import { AppError, invalidField, notFound } from '../../platform/errors.js';
import type { CommunityId } from '../../platform/db/scope.js';
import { placeRefs } from '../places/index.js';
import { accountNames } from '../people/index.js';
import { ticketsOfMeetings } from '../tickets/index.js';
import * as repo from './meetings.repository.js';
import { presentAttendee, presentDecision, presentEvent, presentFollowUp, presentMeeting, presentTopic } from './meetings.presenter.js';
import { recordStep } from './record-step.js';
import { checkTimes, withMeeting } from './steps.js';
import { nextStatus } from './meeting-state.js';

/** Compound names by id, for a page of meetings. */
export async function compoundNamesOf(ctx: AppContext, ids: Array<number | null>) {
  const list = [...new Set(ids.filter((x): x is number => x !== null))];
  return new Map((await placeRefs.compoundNames(ctx.db, list)).map((c) => [Number(c.id), c.name]));
}

/** The start of a Beijing calendar day as an instant. */
const beijingDayStart = (day: string) => new Date(`${day}T00:00:00+08:00`);
const nextDay = (day: string) => new Date(beijingDayStart(day).getTime() + 86_400_000);

/** Meetings of a community, by time (the calendar asks for a range of days) or newest first. */
export async function listMeetings(ctx: AppContext, actor: Actor, query: MeetingListQuery): Promise<Page<Meeting>> {
  authorize(actor, 'meetings.read');
  const cid = resolveCommunityId(actor, query.communityId);
  const { total, rows } = await repo.listMeetings(
    ctx.db,
    cid,
    {
      kind: query.kind,
      status: query.status,
      compoundId: query.compoundId,
      from: query.from ? beijingDayStart(query.from) : undefined,
      to: query.to ? nextDay(query.to) : undefined,
      q: query.q?.trim() || undefined,
    },
    { offset: (query.page - 1) * query.pageSize, limit: query.pageSize, sort: query.sort ?? 'startsAt', order: query.sort ? query.order : query.order },
  );
  const names = await compoundNamesOf(
    ctx,
    rows.map((r) => r.compound_id),
  );
  return {
    items: rows.map((r) => presentMeeting(r, r.compound_id ? (names.get(r.compound_id) ?? null) : null)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** A meeting with its agenda, attendees, minutes, decisions, follow-ups, timeline and the tickets raised there. */
export async function getMeeting(ctx: AppContext, actor: Actor, id: number): Promise<MeetingDetail> {
  authorize(actor, 'meetings.read');
  const row = await repo.findMeeting(ctx.db, scopeOf(actor), id);
  if (!row) throw notFound('meeting');
  const cid = resolveCommunityId(actor, row.community_id);
  const [topics, attendees, decisions, followUps, events, tickets, names] = await Promise.all([
    repo.listTopics(ctx.db, cid, [id]),
    repo.listAttendees(ctx.db, cid, id),
    repo.listDecisions(ctx.db, cid, id),
    repo.listFollowUps(ctx.db, cid, id),
    repo.listEvents(ctx.db, cid, id),
    ticketsOfMeetings(ctx.db, cid, [id]),
    compoundNamesOf(ctx, [row.compound_id]),
  ]);
  const actors = await accountNames(
    ctx.db,
    events.map((e) => e.actor_id).filter((x): x is number => x !== null),
  );
  const codes = new Map(tickets.map((t) => [t.id, t.code]));
  return {
    ...presentMeeting(row, row.compound_id ? (names.get(row.compound_id) ?? null) : null),
    minutes: row.minutes,
    topics: topics.map((t) => presentTopic(t, codes)),
    attendees: attendees.map(presentAttendee),
    decisions: decisions.map(presentDecision),
    followUps: followUps.map(presentFollowUp),
    events: events.map((e) => presentEvent(e, actors)),
    tickets: tickets.map((t) => ({ id: t.id, code: t.code, title: t.title, status: t.status })),
  };
}

async function checkCompound(ctx: AppContext, cid: CommunityId, compoundId: number | null | undefined) {
  if (compoundId && !(await placeRefs.findCompoundRef(ctx.db, cid, compoundId))) throw invalidField('compoundId', 'not_found');
}

/** Plans a meeting (status planned); a meeting that ends before it starts is refused with the field named. */
export async function createMeeting(ctx: AppContext, actor: Actor, input: CreateMeetingInput): Promise<MeetingDetail> {
  authorize(actor, 'meetings.write');
  const cid = resolveCommunityId(actor, input.communityId);
  const startsAt = new Date(input.startsAt);
  const endsAt = new Date(input.endsAt);
  checkTimes(startsAt, endsAt);
  await checkCompound(ctx, cid, input.compoundId);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const { id } = await repo.insertMeeting(trx, {
      community_id: cid,
      kind: input.kind,
      title: input.title,
      compound_id: input.compoundId ?? null,
      starts_at: startsAt,
      ends_at: endsAt,
      place: input.place ?? null,
      venue_id: input.venueId ?? null,
      host_name: input.hostName ?? null,
      recorder_name: input.recorderName ?? null,
      secretary_session_id: input.secretarySessionId ?? null,
      created_by: actor.accountId,
    });
    await recordStep(trx, {
      communityId: cid,
      meetingId: id,
      action: 'planned',
      toStatus: 'planned',
      actor,
      changes: { kind: input.kind, title: input.title },
    });
    return id;
  });
  return getMeeting(ctx, actor, id);
}

/** Changes a planned meeting's details (kind, title, compound, time, place, host). */
export async function updateMeeting(ctx: AppContext, actor: Actor, id: number, input: UpdateMeetingInput): Promise<MeetingDetail> {
  authorize(actor, 'meetings.write');
  await withMeeting(ctx, actor, id, 'details', async (trx, m, cid) => {
    const startsAt = input.startsAt ? new Date(input.startsAt) : m.starts_at;
    const endsAt = input.endsAt ? new Date(input.endsAt) : m.ends_at;
    checkTimes(startsAt, endsAt);
    await checkCompound(ctx, cid, input.compoundId);
    const set = {
      ...(input.kind !== undefined ? { kind: input.kind } : {}),
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.compoundId !== undefined ? { compound_id: input.compoundId } : {}),
      ...(input.place !== undefined ? { place: input.place } : {}),
      ...(input.venueId !== undefined ? { venue_id: input.venueId } : {}),
      ...(input.hostName !== undefined ? { host_name: input.hostName } : {}),
      ...(input.recorderName !== undefined ? { recorder_name: input.recorderName } : {}),
      ...(input.secretarySessionId !== undefined ? { secretary_session_id: input.secretarySessionId } : {}),
      starts_at: startsAt,
      ends_at: endsAt,
    };
    await repo.updateMeeting(trx, cid, id, set);
    await recordStep(trx, { communityId: cid, meetingId: id, action: 'updated', actor, changes: { ...input } });
  });
  return getMeeting(ctx, actor, id);
}

/** hold: the meeting took place (with the walk-in count); close: the minutes are final; cancel: with a reason. */
export async function actOnMeeting(
  ctx: AppContext,
  actor: Actor,
  id: number,
  action: MeetingAction,
  args: HoldMeetingInput & { reason?: string | null },
): Promise<MeetingDetail> {
  authorize(actor, 'meetings.write');
  await withMeeting(ctx, actor, id, null, async (trx, m, cid) => {
    const r = nextStatus(m.status as MeetingStatus, action, { reason: args.reason, minutes: m.minutes });
    if (!r.ok) {
      if (r.failure.kind === 'missing') throw invalidField(r.failure.field, 'required');
      throw new AppError('MEETING_NOT_OPEN', `cannot ${action} a ${m.status} meeting`, { status: m.status });
    }
    const now = new Date();
    await repo.updateMeeting(trx, cid, id, {
      status: r.status,
      ...(action === 'hold' ? { held_at: now, ...(args.walkInCount !== undefined ? { walk_in_count: args.walkInCount } : {}) } : {}),
      ...(action === 'close' ? { minuted_at: now } : {}),
      ...(action === 'cancel' ? { cancel_reason: args.reason ?? null } : {}),
    });
    await recordStep(trx, {
      communityId: cid,
      meetingId: id,
      action,
      fromStatus: m.status,
      toStatus: r.status,
      actor,
      note: args.reason ?? null,
      reason: args.reason ?? null,
    });
  });
  return getMeeting(ctx, actor, id);
}

/** Saves the minutes (会议记录), the recorder and the walk-in count of a held meeting. */
export async function saveMinutes(ctx: AppContext, actor: Actor, id: number, input: SaveMinutesInput): Promise<MeetingDetail> {
  authorize(actor, 'meetings.write');
  await withMeeting(ctx, actor, id, 'minutes', async (trx, _m, cid) => {
    await repo.updateMeeting(trx, cid, id, {
      minutes: input.minutes || null,
      ...(input.recorderName !== undefined ? { recorder_name: input.recorderName } : {}),
      ...(input.walkInCount !== undefined ? { walk_in_count: input.walkInCount } : {}),
    });
    await recordStep(trx, {
      communityId: cid,
      meetingId: id,
      action: 'minutes_saved',
      actor,
      changes: { length: input.minutes.length, recorderName: input.recorderName ?? null, walkInCount: input.walkInCount ?? null },
    });
  });
  return getMeeting(ctx, actor, id);
}
