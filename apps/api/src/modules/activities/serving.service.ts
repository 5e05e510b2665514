import { AppError } from '../../platform/errors.js';
import type { Transaction } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import type { DB } from '../../platform/db/schema.js';
import type { CommunityId } from '../../platform/db/scope.js';
import { authorize, type Actor } from '../../platform/access/actor.js';
import { invalidField } from '../../platform/errors.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { iso } from '../../platform/time.js';
import { recordServiceHours, volunteerRefs } from '../volunteers/index.js';
import * as repo from './activities.repository.js';
import { activityOf } from './activities.service.js';

// Volunteers serving at an activity (not its participants): their hours are credited through the volunteers module when
// the activity is closed (or at once, when added to an activity already held), with the organiser as recorder (谁记录谁证明).

export async function listServing(ctx: AppContext, actor: Actor, activityId: number) {
  authorize(actor, 'activities.read');
  const { cid } = await activityOf(ctx, actor, activityId);
  const rows = await repo.listVolunteers(ctx.db, cid, activityId);
  const names = await volunteerRefs.names(
    ctx.db,
    cid,
    rows.map((r) => r.volunteer_id),
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      volunteerId: r.volunteer_id,
      name: names.get(r.volunteer_id) ?? null,
      startedAt: iso(r.started_at),
      endedAt: iso(r.ended_at),
      hoursEntryId: r.hours_entry_id,
    })),
  };
}

type ActivityTimes = { id: number; title: string; starts_at: Date; ends_at: Date };

/** Credits the hours of every serving volunteer not yet credited, in the caller's transaction. */
export async function creditServingHours(trx: Transaction<DB>, cid: CommunityId, a: ActivityTimes, actor: Actor) {
  const credited: number[] = [];
  for (const v of await repo.listVolunteers(trx, cid, a.id)) {
    if (v.hours_entry_id !== null) continue;
    const entryId = await recordServiceHours(trx, cid, {
      volunteerId: v.volunteer_id,
      source: { kind: 'activity', id: a.id, title: a.title },
      startedAt: v.started_at ?? a.starts_at,
      endedAt: v.ended_at ?? a.ends_at,
      recordedBy: actor.accountId,
      requestId: actor.requestId ?? null,
    });
    await repo.setHoursEntry(trx, cid, v.id, entryId);
    credited.push(entryId);
  }
  return credited;
}

/** Adds a volunteer serving at the activity, with their own times or the activity's. */
export async function addServing(
  ctx: AppContext,
  actor: Actor,
  activityId: number,
  input: { volunteerId: number; startedAt?: string | null; endedAt?: string | null },
) {
  authorize(actor, 'activities.attendance');
  const { row, cid } = await activityOf(ctx, actor, activityId);
  if (row.status === 'cancelled') throw new AppError('INVALID_STATE', 'activity is cancelled');
  const v = (await volunteerRefs.get(ctx.db, cid, [input.volunteerId])).get(input.volunteerId);
  if (!v) throw invalidField('volunteerId', 'not_found');
  if (v.status !== 'approved')
    throw new AppError('VOLUNTEER_NOT_APPROVED', `volunteer is ${v.status}`, { fields: [{ field: 'volunteerId', rule: 'invalid' }] });
  const startedAt = input.startedAt ? new Date(input.startedAt) : null;
  const endedAt = input.endedAt ? new Date(input.endedAt) : null;
  if ((startedAt ?? row.starts_at).getTime() >= (endedAt ?? row.ends_at).getTime())
    throw new AppError('ACTIVITY_ENDS_BEFORE_START', 'endedAt before startedAt', { fields: [{ field: 'endedAt', rule: 'invalid' }] });
  await ctx.db
    .transaction()
    .execute(async (trx) => {
      await repo.insertVolunteer(trx, cid, {
        activity_id: activityId,
        volunteer_id: v.id,
        started_at: startedAt,
        ended_at: endedAt,
        created_by: actor.accountId,
      });
      await writeAudit(trx, actor, {
        communityId: cid,
        action: 'activity.volunteer_added',
        entityType: 'activity',
        entityId: activityId,
        changes: { volunteerId: v.id },
      });
      if (row.status !== 'published') await creditServingHours(trx, cid, row, actor);
    })
    .catch((err: unknown) => {
      if ((err as { code?: string }).code === '23505') throw invalidField('volunteerId', 'repeated');
      throw err;
    });
  return listServing(ctx, actor, activityId);
}
