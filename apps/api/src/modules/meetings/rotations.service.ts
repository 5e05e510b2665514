import type { CreateRotationInput, MeetingRotation } from '@linli/contracts';
import type { AppContext } from '../../platform/context.js';
import { authorize, resolveCommunityId, type Actor } from '../../platform/access/actor.js';
import { invalidField, notFound } from '../../platform/errors.js';
import { placeRefs } from '../places/index.js';
import { writeAudit } from '../../platform/audit/audit.js';
import * as repo from './meetings.repository.js';
import { presentRotation } from './meetings.presenter.js';
import { planRotation } from './rotation-plan.js';
import { recordStep } from './record-step.js';

export async function listRotations(ctx: AppContext, actor: Actor, communityId?: number): Promise<{ items: MeetingRotation[] }> {
  authorize(actor, 'meetings.read');
  const cid = resolveCommunityId(actor, communityId);
  return { items: (await repo.listRotations(ctx.db, cid)).map(presentRotation) };
}

/**
 * Plans a season's rotation (喝茶议事 in turn over the compounds): one planned meeting per compound, every interval
 * days from the start date at the same time. Idempotent: the same plan asked again answers the rotation already made,
 * and its meetings are inserted once each (unique on rotation and seq), even when two requests arrive at once.
 */
export async function createRotation(ctx: AppContext, actor: Actor, input: CreateRotationInput): Promise<MeetingRotation> {
  authorize(actor, 'meetings.write');
  const cid = resolveCommunityId(actor, input.communityId);
  const compounds = new Map((await placeRefs.compoundsOf(ctx.db, cid)).map((c) => [Number(c.id), c.name]));
  const unknown = input.compoundIds.find((id) => !compounds.has(id));
  if (unknown !== undefined) throw invalidField('compoundIds', 'not_found');
  const slots = planRotation(input);
  const compoundIds = JSON.stringify(slots.map((s) => s.compoundId));
  const id = await ctx.db.transaction().execute(async (trx) => {
    await repo.lockRotationPlanning(trx, cid);
    const same = await repo.findSameRotation(trx, cid, { ...input, compoundIds });
    if (same) return same.id;
    const { id } = await repo.insertRotation(trx, {
      community_id: cid,
      kind: input.kind,
      title: input.title,
      compound_ids: compoundIds,
      starts_on: input.startsOn,
      interval_days: input.intervalDays,
      start_time: input.startTime,
      duration_minutes: input.durationMinutes,
      place: input.place ?? null,
      host_name: input.hostName ?? null,
      created_by: actor.accountId,
    });
    const made = await repo.insertRotationMeetings(
      trx,
      slots.map((s) => ({
        community_id: cid,
        kind: input.kind,
        title: `${input.title}·${compounds.get(s.compoundId) ?? ''}`.slice(0, 80),
        compound_id: s.compoundId,
        starts_at: s.startsAt,
        ends_at: s.endsAt,
        place: input.place ?? compounds.get(s.compoundId) ?? null,
        host_name: input.hostName ?? null,
        rotation_id: id,
        rotation_seq: s.seq,
        created_by: actor.accountId,
      })),
    );
    for (const m of made)
      await recordStep(trx, { communityId: cid, meetingId: m.id, action: 'planned', toStatus: 'planned', actor, changes: { rotationId: id } });
    await writeAudit(trx, actor, {
      communityId: cid,
      action: 'meeting_rotation.created',
      entityType: 'meeting_rotation',
      entityId: id,
      changes: { ...input, meetings: made.length },
      reason: null,
    });
    return id;
  });
  const row = await repo.findRotation(ctx.db, cid, id);
  if (!row) throw notFound('rotation');
  return presentRotation(row);
}
