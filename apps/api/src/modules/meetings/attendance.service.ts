import type { AddAttendeeInput, AddDecisionInput, AddFollowUpInput, MeetingDetail } from '@linli/contracts';
import type { AppContext } from '../../platform/context.js';
import { authorize, type Actor } from '../../platform/access/actor.js';
import { AppError, invalidField, notFound, uniqueAs } from '../../platform/errors.js';
import type { CommunityId } from '../../platform/db/scope.js';
import { placeRefs } from '../places/index.js';
import { peopleRefs } from '../people/index.js';
import { partnerRefs } from '../partners/index.js';
import { organisationsByIds, servesCommunity } from '../orgs/index.js';
import * as repo from './meetings.repository.js';
import { recordStep } from './record-step.js';
import { communityOfMeeting, withMeeting } from './steps.js';
import { getMeeting } from './meetings.service.js';

const onceOnly = uniqueAs('attendee', 'repeated');

/** Who the attendee is, read from their record (a resident, an account, a department, a partner) or the guest's name. */
async function attendeeName(ctx: AppContext, cid: CommunityId, input: AddAttendeeInput): Promise<{ name: string; ids: Record<string, number | null> }> {
  const none = { resident_id: null, account_id: null, organisation_id: null, partner_id: null };
  switch (input.kind) {
    case 'resident': {
      const r = input.residentId ? await placeRefs.findResidentRef(ctx.db, cid, input.residentId) : undefined;
      if (!r || r.archived_at) throw invalidField('residentId', input.residentId ? 'not_found' : 'required');
      return { name: r.name, ids: { ...none, resident_id: r.id } };
    }
    case 'account': {
      const a = input.accountId ? await peopleRefs.activeAccountRef(ctx.db, cid, input.accountId) : undefined;
      if (!a) throw invalidField('accountId', input.accountId ? 'not_found' : 'required');
      return { name: a.name, ids: { ...none, account_id: a.id } };
    }
    case 'organisation': {
      if (!input.organisationId) throw invalidField('organisationId', 'required');
      const o = (await organisationsByIds(ctx.db, [input.organisationId])).get(input.organisationId);
      if (!o || !(await servesCommunity(ctx.db, o.id, cid))) throw invalidField('organisationId', 'not_found');
      return { name: o.name, ids: { ...none, organisation_id: o.id } };
    }
    case 'partner': {
      const p = input.partnerId ? await partnerRefs.findPartnerRef(ctx.db, cid, input.partnerId) : undefined;
      if (!p) throw invalidField('partnerId', input.partnerId ? 'not_found' : 'required');
      return { name: p.name, ids: { ...none, partner_id: p.id } };
    }
    case 'guest': {
      if (!input.name?.trim()) throw invalidField('name', 'required');
      return { name: input.name.trim(), ids: none };
    }
  }
}

/** Adds someone to the attendance list (registered people, departments, partners or a named guest), signed in or not. */
export async function addAttendee(ctx: AppContext, actor: Actor, meetingId: number, input: AddAttendeeInput): Promise<MeetingDetail> {
  authorize(actor, 'meetings.write');
  const cid = await communityOfMeeting(ctx, actor, meetingId);
  const who = await attendeeName(ctx, cid, input);
  await withMeeting(ctx, actor, meetingId, 'attendance', async (trx) => {
    const { id } = await repo
      .insertAttendee(trx, {
        community_id: cid,
        meeting_id: meetingId,
        kind: input.kind,
        ...who.ids,
        name: who.name,
        role_note: input.roleNote ?? null,
        signed_in_at: input.signedIn ? new Date() : null,
        created_by: actor.accountId,
      })
      .catch(onceOnly);
    await recordStep(trx, {
      communityId: cid,
      meetingId,
      action: input.signedIn ? 'signed_in' : 'attendee_added',
      actor,
      note: who.name,
      changes: { attendeeId: id, kind: input.kind },
    });
  });
  return getMeeting(ctx, actor, meetingId);
}

/** Signs an attendee in on the sign-in list (签到), once. */
export async function signInAttendee(ctx: AppContext, actor: Actor, meetingId: number, attendeeId: number): Promise<MeetingDetail> {
  authorize(actor, 'meetings.write');
  await withMeeting(ctx, actor, meetingId, 'attendance', async (trx, _m, cid) => {
    const r = await repo.signIn(trx, cid, meetingId, attendeeId);
    if (!r) {
      const known = (await repo.listAttendees(trx, cid, meetingId)).some((a) => a.id === attendeeId);
      if (!known) throw notFound('attendee');
      throw new AppError('INVALID_STATE', 'signed in already', { fields: [{ field: 'attendee', rule: 'repeated' }] });
    }
    await recordStep(trx, { communityId: cid, meetingId, action: 'signed_in', actor, note: r.name, changes: { attendeeId } });
  });
  return getMeeting(ctx, actor, meetingId);
}

async function checkTopic(trx: Parameters<Parameters<typeof withMeeting>[4]>[0], cid: CommunityId, meetingId: number, topicId: number | null | undefined) {
  if (topicId && !(await repo.findTopic(trx, cid, meetingId, topicId))) throw invalidField('topicId', 'not_found');
}

/** Records a decision (决定事项) of a held meeting, optionally on one of its topics. */
export async function addDecision(ctx: AppContext, actor: Actor, meetingId: number, input: AddDecisionInput): Promise<MeetingDetail> {
  authorize(actor, 'meetings.write');
  await withMeeting(ctx, actor, meetingId, 'minutes', async (trx, _m, cid) => {
    await checkTopic(trx, cid, meetingId, input.topicId);
    const { id } = await repo.insertDecision(trx, {
      community_id: cid,
      meeting_id: meetingId,
      topic_id: input.topicId ?? null,
      text: input.text,
      created_by: actor.accountId,
    });
    await recordStep(trx, { communityId: cid, meetingId, action: 'decision_added', actor, note: input.text, changes: { decisionId: id } });
  });
  return getMeeting(ctx, actor, meetingId);
}

/** Adds a follow-up (跟进事项) with its owner and due date to a held meeting. */
export async function addFollowUp(ctx: AppContext, actor: Actor, meetingId: number, input: AddFollowUpInput): Promise<MeetingDetail> {
  authorize(actor, 'meetings.write');
  await withMeeting(ctx, actor, meetingId, 'minutes', async (trx, _m, cid) => {
    await checkTopic(trx, cid, meetingId, input.topicId);
    if (input.ownerAccountId && !(await peopleRefs.activeAccountRef(trx, cid, input.ownerAccountId))) throw invalidField('ownerAccountId', 'not_found');
    const { id } = await repo.insertFollowUp(trx, {
      community_id: cid,
      meeting_id: meetingId,
      topic_id: input.topicId ?? null,
      text: input.text,
      owner_name: input.ownerName,
      owner_account_id: input.ownerAccountId ?? null,
      due_on: input.dueOn ?? null,
      created_by: actor.accountId,
    });
    await recordStep(trx, {
      communityId: cid,
      meetingId,
      action: 'follow_up_added',
      actor,
      note: input.text,
      changes: { followUpId: id, ownerName: input.ownerName, dueOn: input.dueOn ?? null },
    });
  });
  return getMeeting(ctx, actor, meetingId);
}

/** Marks a follow-up done, also after the minutes are closed; once. */
export async function completeFollowUp(ctx: AppContext, actor: Actor, meetingId: number, followUpId: number, note: string | null): Promise<MeetingDetail> {
  authorize(actor, 'meetings.write');
  await withMeeting(ctx, actor, meetingId, 'followUpDone', async (trx, _m, cid) => {
    const r = await repo.markFollowUpDone(trx, cid, meetingId, followUpId, note);
    if (!r) {
      const known = (await repo.listFollowUps(trx, cid, meetingId)).some((f) => f.id === followUpId);
      if (!known) throw notFound('follow-up');
      throw new AppError('INVALID_STATE', 'follow-up done already', { fields: [{ field: 'followUp', rule: 'repeated' }] });
    }
    await recordStep(trx, { communityId: cid, meetingId, action: 'follow_up_done', actor, note: note ?? r.text, changes: { followUpId } });
  });
  return getMeeting(ctx, actor, meetingId);
}
