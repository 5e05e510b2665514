import type { LogPartyServiceInput } from '@linli/contracts';
import type { AppContext } from '../../../platform/context.js';
import { authorize, type Actor } from '../../../platform/access/actor.js';
import { writeAudit } from '../../../platform/audit/audit.js';
import { invalidField } from '../../../platform/errors.js';
import { ensureVolunteer, recordServiceHours, volunteerHoursRefs } from '../../volunteers/index.js';
import * as repo from './party.repository.js';
import { memberFor, todayBeijing } from './party.access.js';

/** Service of a day is recorded from 09:00 Beijing time (01:00 UTC) for its hours. */
export function serviceWindow(servedOn: string, hours: number) {
  const startedAt = new Date(`${servedOn}T01:00:00Z`);
  return { startedAt, endedAt: new Date(startedAt.getTime() + Math.round(hours * 60) * 60_000) };
}

/**
 * Logs a party member's service (staff for any member, a party member on the phone for themself) as volunteer
 * service hours with source 'party_service' on the member's volunteer record, registered on the way if needed. The
 * recorder confirms the hours (谁记录谁证明); the community's rounding rule counts them. One record of service.
 */
export async function logPartyService(ctx: AppContext, actor: Actor, partyMemberId: number, input: LogPartyServiceInput) {
  authorize(actor, 'party.serve');
  const { cid, member } = await memberFor(ctx, actor, partyMemberId, { forWrite: true });
  if (input.servedOn > todayBeijing()) throw invalidField('servedOn', 'date_in_future');
  let postName: string | null = null;
  if (input.postId != null) {
    const post = await repo.findPost(ctx.db, cid, input.postId);
    if (!post) throw invalidField('postId', 'not_found');
    postName = post.name;
  }
  const { startedAt, endedAt } = serviceWindow(input.servedOn, input.hours);
  return ctx.db.transaction().execute(async (trx) => {
    const ownAccount = (await repo.memberOfAccount(trx, cid, actor.accountId))?.id === member.id ? actor.accountId : null;
    const volunteerId = await ensureVolunteer(trx, cid, {
      partyMemberId: member.id,
      residentId: member.resident_id,
      accountId: ownAccount,
      name: member.name,
      by: actor.accountId,
      origin: 'party_member',
    });
    const entryId = await recordServiceHours(trx, cid, {
      volunteerId,
      source: { kind: 'party_service', id: input.postId ?? null, title: postName ? `${postName}：${input.content}` : input.content },
      startedAt,
      endedAt,
      recordedBy: actor.accountId,
      requestId: actor.requestId,
    });
    const [entry] = (await volunteerHoursRefs.entries(trx, cid, volunteerId, startedAt, new Date(startedAt.getTime() + 1))).filter((e) => e.id === entryId);
    const countedHours = (entry?.counted_minutes ?? 0) / 60;
    await writeAudit(trx, actor, {
      communityId: cid,
      action: 'party_service.logged',
      entityType: 'party_member',
      entityId: member.id,
      changes: { volunteerId, entryId, servedOn: input.servedOn, hours: input.hours, postId: input.postId ?? null, content: input.content },
    });
    return { entryId, volunteerId, hours: countedHours };
  });
}
