import type { Activity, ActivityListQuery, CreateActivityInput, Page } from '@linli/contracts';
import type { AppContext } from '../../platform/context.js';
import { authorize, resolveCommunityId, scopeOf, type Actor } from '../../platform/access/actor.js';
import { AppError, invalidField, notFound } from '../../platform/errors.js';
import { writeAudit } from '../../platform/audit/audit.js';
import type { CommunityId } from '../../platform/db/scope.js';
import { peopleRefs } from '../people/index.js';
import { partnerRefs } from '../partners/index.js';
import { placeRefs } from '../places/index.js';
import * as repo from './activities.repository.js';
import { presentActivity } from './activities.presenter.js';
import { bookSlot, releaseSlot, venueRefs } from './venues/index.js';
import { timesIssue, weeklyOccurrences, weeklyRrule, type Occurrence } from './occurrences.js';

/** The times' rule broken, as the error that names the field. */
export function assertTimes(t: Parameters<typeof timesIssue>[0]): void {
  const issue = timesIssue(t);
  if (!issue) return;
  if (issue.code === 'ACTIVITY_ENDS_BEFORE_START')
    throw new AppError('ACTIVITY_ENDS_BEFORE_START', `${issue.field} before start`, { fields: [{ field: issue.field, rule: 'invalid' }] });
  throw invalidField(issue.field, issue.rule, issue.params);
}

export async function listActivities(ctx: AppContext, actor: Actor, query: ActivityListQuery): Promise<Page<Activity>> {
  authorize(actor, 'activities.read');
  const cid = resolveCommunityId(actor, query.communityId);
  const { total, rows } = await repo.listActivities(
    ctx.db,
    cid,
    {
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
      stationId: query.stationId,
      status: query.status,
      kind: query.kind,
    },
    { offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
  );
  return { items: rows.map(presentActivity), total, page: query.page, pageSize: query.pageSize };
}

/** The activity row of the actor's communities, or 404 (another community's id too). */
export async function activityOf(ctx: AppContext, actor: Actor, id: number) {
  const row = await repo.findActivity(ctx.db, scopeOf(actor), id);
  if (!row) throw notFound('activity');
  return { row, cid: resolveCommunityId(actor, row.community_id) };
}

export async function getActivity(ctx: AppContext, actor: Actor, id: number): Promise<Activity> {
  authorize(actor, 'activities.read');
  return presentActivity((await activityOf(ctx, actor, id)).row);
}

/** The organiser, station and compound must be the community's own; answers the organiser's name. */
async function checkReferences(ctx: AppContext, cid: CommunityId, input: CreateActivityInput): Promise<string | null> {
  let organiserName = input.organiserName ?? null;
  if (input.organiserKind !== 'staff') {
    if (!input.organiserId) throw invalidField('organiserId', 'required');
    const ref =
      input.organiserKind === 'team'
        ? await peopleRefs.teamRef(ctx.db, cid, input.organiserId)
        : await partnerRefs.findPartnerRef(ctx.db, cid, input.organiserId);
    if (!ref) throw invalidField('organiserId', 'not_found');
    organiserName ??= ref.name;
  } else if (input.organiserId) throw invalidField('organiserId', 'invalid');
  if (input.stationId && !(await peopleRefs.stationRef(ctx.db, cid, input.stationId))) throw invalidField('stationId', 'not_found');
  if (input.audience === 'compound') {
    if (!input.compoundId) throw invalidField('compoundId', 'required');
    if (!(await placeRefs.findCompoundRef(ctx.db, cid, input.compoundId))) throw invalidField('compoundId', 'not_found');
  } else if (input.compoundId) throw invalidField('compoundId', 'invalid');
  return organiserName;
}

/**
 * Publishes an activity on the calendar; with a recurrence, every weekly occurrence up to its date (one row each, the
 * first keeping the RRULE). Times are checked first (ACTIVITY_ENDS_BEFORE_START), and nothing is written on any error.
 */
export async function createActivity(ctx: AppContext, actor: Actor, input: CreateActivityInput): Promise<Activity> {
  authorize(actor, 'activities.write');
  const cid = resolveCommunityId(actor, input.communityId);
  const startsAt = new Date(input.startsAt);
  const endsAt = new Date(input.endsAt);
  const signupOpensAt = input.signupOpensAt ? new Date(input.signupOpensAt) : null;
  const signupClosesAt = input.signupClosesAt ? new Date(input.signupClosesAt) : null;
  assertTimes({ startsAt, endsAt, signupOpensAt, signupClosesAt });
  let occurrences: Occurrence[] = [{ startsAt, endsAt, shiftMs: 0 }];
  if (input.recurrence) {
    const occ = weeklyOccurrences(startsAt, endsAt, input.recurrence);
    if (!Array.isArray(occ)) throw invalidField(occ.field, occ.rule, occ.params);
    occurrences = occ;
  }
  const organiserName = await checkReferences(ctx, cid, input);
  let place = input.place ?? null;
  if (input.venueId) {
    const venue = await venueRefs.get(ctx.db, cid, input.venueId);
    if (!venue) throw invalidField('venueId', 'not_found');
    place ??= venue.name;
  }
  const shifted = (d: Date | null, ms: number) => (d ? new Date(d.getTime() + ms) : null);
  const ids = await ctx.db.transaction().execute(async (trx) => {
    const ids = await repo.insertActivities(
      trx,
      cid,
      occurrences.map((o) => ({
        title: input.title,
        kind: input.kind,
        description: input.description ?? null,
        organiser_kind: input.organiserKind,
        organiser_id: input.organiserId ?? null,
        organiser_name: organiserName,
        station_id: input.stationId ?? null,
        venue_id: null,
        place,
        starts_at: o.startsAt,
        ends_at: o.endsAt,
        capacity: input.capacity ?? null,
        signup_opens_at: shifted(signupOpensAt, o.shiftMs),
        signup_closes_at: shifted(signupClosesAt, o.shiftMs),
        audience: input.audience,
        compound_id: input.compoundId ?? null,
        is_public: input.isPublic,
        created_by: actor.accountId,
      })),
      input.recurrence ? weeklyRrule(input.recurrence) : null,
    );
    for (const [i, id] of ids.entries()) {
      // The room is held for every occurrence in this transaction: a clash is the venue's own clear error, and nothing stays.
      if (input.venueId) {
        const o = occurrences[i]!;
        const bookingId = await bookSlot(trx, cid, {
          venueId: input.venueId,
          startsAt: o.startsAt,
          endsAt: o.endsAt,
          purpose: input.title,
          bookedBy: actor.accountId,
          forActivityId: id,
        });
        await repo.updateActivity(trx, cid, id, { venue_id: input.venueId, booking_id: bookingId });
      }
      await repo.addEvent(trx, cid, { activityId: id, kind: 'published', actorId: actor.accountId });
    }
    const { communityId: _c, ...rest } = input;
    await writeAudit(trx, actor, {
      communityId: cid,
      action: 'activity.published',
      entityType: 'activity',
      entityId: ids[0]!,
      changes: { ...rest, occurrenceIds: ids.length > 1 ? ids : undefined },
    });
    return ids;
  });
  return getActivity(ctx, actor, ids[0]!);
}

/** Cancels an activity (and, with wholeSeries, its later occurrences); sign-ups stay for the record. Audited. */
export async function cancelActivity(ctx: AppContext, actor: Actor, id: number, input: { reason: string; wholeSeries: boolean }): Promise<Activity> {
  authorize(actor, 'activities.write');
  const { row, cid } = await activityOf(ctx, actor, id);
  if (row.status !== 'published') throw new AppError('INVALID_STATE', `activity is ${row.status}`);
  const now = new Date();
  await ctx.db.transaction().execute(async (trx) => {
    const ids = row.series_id && input.wholeSeries ? (await repo.laterInSeries(trx, cid, row.series_id, row.starts_at)).map((r) => r.id) : [id];
    const bookings = new Map((await repo.bookingsOf(trx, cid, ids)).map((r) => [r.id, r.booking_id]));
    for (const aid of ids) {
      await repo.updateActivity(trx, cid, aid, { status: 'cancelled', cancelled_at: now, cancel_reason: input.reason });
      const bookingId = bookings.get(aid);
      if (bookingId) await releaseSlot(trx, cid, bookingId, actor.accountId, input.reason);
      await repo.addEvent(trx, cid, { activityId: aid, kind: 'cancelled', actorId: actor.accountId, note: input.reason });
    }
    await writeAudit(trx, actor, {
      communityId: cid,
      action: 'activity.cancelled',
      entityType: 'activity',
      entityId: id,
      reason: input.reason,
      changes: { ids },
    });
  });
  return getActivity(ctx, actor, id);
}
