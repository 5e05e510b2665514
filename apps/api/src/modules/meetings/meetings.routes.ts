import { z } from 'zod';
import {
  addAttendeeSchema,
  addDecisionSchema,
  addFollowUpSchema,
  addTopicSchema,
  cancelMeetingSchema,
  createMeetingSchema,
  createRotationSchema,
  doneFollowUpSchema,
  holdMeetingSchema,
  idParamsSchema,
  idSchema,
  itemParamsSchema,
  meetingDetailSchema,
  meetingListQuerySchema,
  meetingPageSchema,
  meetingRotationListSchema,
  meetingRotationSchema,
  meetingTicketInputSchema,
  publicMeetingListSchema,
  saveMinutesSchema,
  topicOutcomeSchema,
  topicParamsSchema,
  updateMeetingSchema,
} from '@linli/contracts';
import type { AppContext } from '../../platform/context.js';
import { actorOf, type App } from '../../platform/http/types.js';
import * as meetings from './meetings.service.js';
import * as agenda from './agenda.service.js';
import * as attendance from './attendance.service.js';
import * as rotations from './rotations.service.js';
import { upcomingMeetings } from './public-meetings.js';

const emptyBody = z.object({}).optional();

export function meetingsRoutes(app: App, ctx: AppContext): void {
  const tags = ['meetings'];
  const read = { permission: 'meetings.read' } as const;
  const write = { permission: 'meetings.write' } as const;
  const detail = { 200: meetingDetailSchema };
  app.get('/api/meetings', { config: read, schema: { tags, querystring: meetingListQuerySchema, response: { 200: meetingPageSchema } } }, async (r) =>
    meetings.listMeetings(ctx, actorOf(r), r.query),
  );
  app.get('/api/meetings/:id', { config: read, schema: { tags, params: idParamsSchema, response: detail } }, async (r) =>
    meetings.getMeeting(ctx, actorOf(r), r.params.id),
  );
  app.post('/api/meetings', { config: write, schema: { tags, body: createMeetingSchema, response: { 201: meetingDetailSchema } } }, async (r, reply) =>
    reply.status(201).send(await meetings.createMeeting(ctx, actorOf(r), r.body)),
  );
  app.patch('/api/meetings/:id', { config: write, schema: { tags, params: idParamsSchema, body: updateMeetingSchema, response: detail } }, async (r) =>
    meetings.updateMeeting(ctx, actorOf(r), r.params.id, r.body),
  );
  app.post('/api/meetings/:id/hold', { config: write, schema: { tags, params: idParamsSchema, body: holdMeetingSchema, response: detail } }, async (r) =>
    meetings.actOnMeeting(ctx, actorOf(r), r.params.id, 'hold', r.body),
  );
  app.post('/api/meetings/:id/close', { config: write, schema: { tags, params: idParamsSchema, body: emptyBody, response: detail } }, async (r) =>
    meetings.actOnMeeting(ctx, actorOf(r), r.params.id, 'close', {}),
  );
  app.post('/api/meetings/:id/cancel', { config: write, schema: { tags, params: idParamsSchema, body: cancelMeetingSchema, response: detail } }, async (r) =>
    meetings.actOnMeeting(ctx, actorOf(r), r.params.id, 'cancel', { reason: r.body.reason }),
  );
  app.put('/api/meetings/:id/minutes', { config: write, schema: { tags, params: idParamsSchema, body: saveMinutesSchema, response: detail } }, async (r) =>
    meetings.saveMinutes(ctx, actorOf(r), r.params.id, r.body),
  );
  app.post('/api/meetings/:id/topics', { config: write, schema: { tags, params: idParamsSchema, body: addTopicSchema, response: detail } }, async (r) =>
    agenda.addTopic(ctx, actorOf(r), r.params.id, r.body),
  );
  app.post(
    '/api/meetings/:id/topics/:topicId/outcome',
    { config: write, schema: { tags, params: topicParamsSchema, body: topicOutcomeSchema, response: detail } },
    async (r) => agenda.decideTopic(ctx, actorOf(r), r.params.id, r.params.topicId, r.body),
  );
  app.post(
    '/api/meetings/:id/topics/:topicId/ticket',
    { config: write, schema: { tags, params: topicParamsSchema, body: meetingTicketInputSchema, response: detail } },
    async (r) => agenda.raiseTicket(ctx, actorOf(r), r.params.id, r.params.topicId, r.body),
  );
  app.post(
    '/api/meetings/:id/tickets',
    { config: write, schema: { tags, params: idParamsSchema, body: meetingTicketInputSchema, response: detail } },
    async (r) => agenda.raiseTicket(ctx, actorOf(r), r.params.id, null, r.body),
  );
  app.post('/api/meetings/:id/attendees', { config: write, schema: { tags, params: idParamsSchema, body: addAttendeeSchema, response: detail } }, async (r) =>
    attendance.addAttendee(ctx, actorOf(r), r.params.id, r.body),
  );
  app.post(
    '/api/meetings/:id/attendees/:itemId/sign-in',
    { config: write, schema: { tags, params: itemParamsSchema, body: emptyBody, response: detail } },
    async (r) => attendance.signInAttendee(ctx, actorOf(r), r.params.id, r.params.itemId),
  );
  app.post('/api/meetings/:id/decisions', { config: write, schema: { tags, params: idParamsSchema, body: addDecisionSchema, response: detail } }, async (r) =>
    attendance.addDecision(ctx, actorOf(r), r.params.id, r.body),
  );
  app.post('/api/meetings/:id/follow-ups', { config: write, schema: { tags, params: idParamsSchema, body: addFollowUpSchema, response: detail } }, async (r) =>
    attendance.addFollowUp(ctx, actorOf(r), r.params.id, r.body),
  );
  app.post(
    '/api/meetings/:id/follow-ups/:itemId/done',
    { config: write, schema: { tags, params: itemParamsSchema, body: doneFollowUpSchema, response: detail } },
    async (r) => attendance.completeFollowUp(ctx, actorOf(r), r.params.id, r.params.itemId, r.body.note ?? null),
  );
  app.get(
    '/api/meeting-rotations',
    { config: read, schema: { tags, querystring: z.object({ communityId: idSchema.optional() }), response: { 200: meetingRotationListSchema } } },
    async (r) => rotations.listRotations(ctx, actorOf(r), r.query.communityId),
  );
  app.post(
    '/api/meeting-rotations',
    { config: write, schema: { tags, body: createRotationSchema, response: { 201: meetingRotationSchema } } },
    async (r, reply) => reply.status(201).send(await rotations.createRotation(ctx, actorOf(r), r.body)),
  );
  app.get(
    '/api/public/communities/:code/meetings',
    {
      config: { public: true },
      schema: {
        tags: ['public'],
        params: z.object({ code: z.string().trim().min(1).max(40) }),
        querystring: z.object({ compoundId: idSchema.optional() }),
        response: { 200: publicMeetingListSchema },
      },
    },
    async (r) => upcomingMeetings(ctx, r.params.code, r.query.compoundId),
  );
}
