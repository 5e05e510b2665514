import type { AddTopicInput, MeetingDetail, MeetingStatus, MeetingTicketInput, TopicOutcomeInput } from '@linli/contracts';
import type { AppContext } from '../../platform/context.js';
import { authorize, scopeOf, type Actor } from '../../platform/access/actor.js';
import { AppError, invalidField, notFound } from '../../platform/errors.js';
import type { CommunityId } from '../../platform/db/scope.js';
import { createTicket, ticketTitle } from '../tickets/index.js';
import { wishNeed } from '../wishes/index.js';
import * as repo from './meetings.repository.js';
import { recordStep } from './record-step.js';
import { communityOfMeeting, withMeeting } from './steps.js';
import { canEdit } from './meeting-state.js';
import { getMeeting } from './meetings.service.js';

/** The title a topic takes from its source: a ticket's or wish's of this community (404-like field error otherwise). */
async function sourceTitle(ctx: AppContext, actor: Actor, cid: CommunityId, input: AddTopicInput): Promise<string> {
  const given = input.title?.trim();
  if (input.sourceKind === 'new' || input.sourceKind === 'proposal') {
    if (input.sourceKind === 'new' && input.sourceId) throw invalidField('sourceId', 'invalid');
    if (input.sourceKind === 'proposal' && !input.sourceId) throw invalidField('sourceId', 'required');
    if (!given) throw invalidField('title', 'required');
    return given;
  }
  if (!input.sourceId) throw invalidField('sourceId', 'required');
  if (input.sourceKind === 'ticket') {
    const t = await ticketTitle(ctx.db, cid, input.sourceId);
    if (!t) throw invalidField('sourceId', 'not_found');
    return given || t.title;
  }
  const w = await wishNeed(ctx.db, scopeOf(actor), input.sourceId);
  if (!w || w.communityId !== cid) throw invalidField('sourceId', 'not_found');
  return given || [...w.text].slice(0, 120).join('');
}

/** Puts a topic (议题) on a planned or held meeting's agenda: from an open ticket, a wish, a proposal, or new. */
export async function addTopic(ctx: AppContext, actor: Actor, meetingId: number, input: AddTopicInput): Promise<MeetingDetail> {
  authorize(actor, 'meetings.write');
  const cid = await communityOfMeeting(ctx, actor, meetingId);
  const title = await sourceTitle(ctx, actor, cid, input);
  await withMeeting(ctx, actor, meetingId, 'agenda', async (trx) => {
    const seq = await repo.nextTopicSeq(trx, meetingId);
    const { id } = await repo.insertTopic(trx, {
      community_id: cid,
      meeting_id: meetingId,
      seq,
      title,
      detail: input.detail ?? null,
      source_kind: input.sourceKind,
      source_id: input.sourceKind === 'new' ? null : (input.sourceId ?? null),
      created_by: actor.accountId,
    });
    await recordStep(trx, {
      communityId: cid,
      meetingId,
      action: 'topic_added',
      actor,
      note: title,
      changes: { topicId: id, sourceKind: input.sourceKind, sourceId: input.sourceId ?? null },
    });
  });
  return getMeeting(ctx, actor, meetingId);
}

/** Records what came of a topic at a held meeting: answered on the spot, goes to a vote, or deferred. Once. */
export async function decideTopic(ctx: AppContext, actor: Actor, meetingId: number, topicId: number, input: TopicOutcomeInput): Promise<MeetingDetail> {
  authorize(actor, 'meetings.write');
  await withMeeting(ctx, actor, meetingId, 'outcome', async (trx, _m, cid) => {
    if (input.outcome === 'answered' && !input.note?.trim()) throw invalidField('note', 'required');
    const topic = await repo.findTopic(trx, cid, meetingId, topicId);
    if (!topic) throw notFound('topic');
    const done = await repo.decideTopic(trx, cid, topicId, { outcome: input.outcome, outcome_note: input.note ?? null });
    if (!done) throw new AppError('INVALID_STATE', 'topic already decided', { fields: [{ field: 'outcome', rule: 'repeated' }] });
    await recordStep(trx, {
      communityId: cid,
      meetingId,
      action: 'topic_outcome',
      actor,
      note: `${topic.title}：${input.note ?? ''}`,
      changes: { topicId, outcome: input.outcome },
    });
  });
  return getMeeting(ctx, actor, meetingId);
}

/**
 * A problem raised at the meeting becomes a ticket linked to it (channel `meeting`, through the tickets module's own
 * intake). With a topic, the topic's outcome becomes "ticket", or "answered" when it was answered on the spot (the
 * ticket then goes straight to resolved, as the intake's meeting mode does). Checked before the ticket is written;
 * the topic is marked in a second transaction, the ticket's meeting link is in its own row either way.
 */
export async function raiseTicket(ctx: AppContext, actor: Actor, meetingId: number, topicId: number | null, input: MeetingTicketInput): Promise<MeetingDetail> {
  authorize(actor, 'meetings.write');
  authorize(actor, 'tickets.intake');
  const cid = await communityOfMeeting(ctx, actor, meetingId);
  const meeting = await repo.findMeeting(ctx.db, scopeOf(actor), meetingId);
  if (!meeting) throw notFound('meeting');
  if (!canEdit(meeting.status as MeetingStatus, 'outcome')) throw new AppError('MEETING_NOT_OPEN', `meeting is ${meeting.status}`, { status: meeting.status });
  const topic = topicId ? await repo.findTopic(ctx.db, cid, meetingId, topicId) : undefined;
  if (topicId && !topic) throw notFound('topic');
  if (topic?.outcome) throw new AppError('INVALID_STATE', 'topic already decided', { fields: [{ field: 'outcome', rule: 'repeated' }] });
  const title = input.title?.trim() || topic?.title;
  if (!title) throw invalidField('title', 'required');
  const ticket = await createTicket(
    ctx,
    actor,
    {
      communityId: cid,
      channel: 'meeting',
      categoryId: input.categoryId,
      title: [...title].slice(0, 80).join(''),
      description: input.description,
      compoundId: input.compoundId ?? meeting.compound_id,
      reporterResidentId: input.reporterResidentId ?? null,
      reporterName: input.reporterName ?? null,
      isAnonymous: false,
      meetingTitle: meeting.title.slice(0, 80),
      answerOnSpot: input.answerOnSpot ?? null,
      assigneeId: input.assigneeId ?? null,
    },
    { meetingId },
  );
  await withMeeting(ctx, actor, meetingId, null, async (trx) => {
    const answered = !!input.answerOnSpot?.trim();
    if (topic)
      await repo.decideTopic(trx, cid, topic.id, { outcome: answered ? 'answered' : 'ticket', outcome_note: input.answerOnSpot ?? null, ticket_id: ticket.id });
    await recordStep(trx, {
      communityId: cid,
      meetingId,
      action: 'ticket_raised',
      actor,
      note: `${ticket.code} ${ticket.title}`,
      changes: { ticketId: ticket.id, topicId: topic?.id ?? null, answeredOnSpot: answered },
    });
  });
  return getMeeting(ctx, actor, meetingId);
}
