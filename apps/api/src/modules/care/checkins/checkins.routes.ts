import { z } from 'zod';
import {
  awayListSchema,
  awaySchema,
  checkinLadderSchema,
  checkinLinkListSchema,
  checkinPlanInputSchema,
  checkinPlanSchema,
  createAwaySchema,
  createCheckinSchema,
  idSchema,
  issueCheckinLinkSchema,
  issuedCheckinLinkSchema,
  recipientIdParamsSchema,
  tapCheckinResultSchema,
  tapCheckinSchema,
  todayCheckinsQuerySchema,
  todayCheckinsSchema,
  updateCheckinLadderSchema,
} from '@linli/contracts';
import type { AppContext } from '../../../platform/context.js';
import { actorOf, type App } from '../../../platform/http/types.js';
import * as service from './checkins.service.js';
import { checkinsToday } from './today.js';

const communityQuery = z.object({ communityId: idSchema.optional() });
const checkedIn = z.object({ ok: z.literal(true), checkedInAt: z.string().nullable(), isNew: z.boolean() });

export function checkinsRoutes(app: App, ctx: AppContext): void {
  const tags = ['check-ins'];
  app.get(
    '/api/check-ins/today',
    { config: { permission: 'checkins.read' }, schema: { tags, querystring: todayCheckinsQuerySchema, response: { 200: todayCheckinsSchema } } },
    async (req) => checkinsToday(ctx, actorOf(req), req.query),
  );
  app.post(
    '/api/check-ins',
    {
      config: { permission: 'checkins.write' },
      schema: { tags, body: createCheckinSchema.extend({ communityId: idSchema.optional() }), response: { 201: checkedIn } },
    },
    async (req, reply) => reply.status(201).send(await service.checkInFor(ctx, actorOf(req), req.body)),
  );
  // The one-tap link: no login; the token comes in the body (from the page's URL fragment), never in a URL.
  app.post(
    '/api/check-ins/tap',
    {
      config: { public: true, rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: { tags, body: tapCheckinSchema, response: { 200: tapCheckinResultSchema } },
    },
    async (req) => service.tapCheckin(ctx, req.body.token),
  );
  app.get(
    '/api/check-ins/ladder',
    { config: { permission: 'checkins.read' }, schema: { tags, querystring: communityQuery, response: { 200: checkinLadderSchema } } },
    async (req) => service.getCheckinLadder(ctx, actorOf(req), req.query.communityId),
  );
  app.put(
    '/api/check-ins/ladder',
    { config: { permission: 'checkins.manage' }, schema: { tags, body: updateCheckinLadderSchema, response: { 200: checkinLadderSchema } } },
    async (req) => service.saveCheckinLadder(ctx, actorOf(req), req.body),
  );
  app.get(
    '/api/check-ins/plans/:recipientId',
    { config: { permission: 'checkins.read' }, schema: { tags, params: recipientIdParamsSchema, response: { 200: checkinPlanSchema } } },
    async (req) => service.getCheckinPlan(ctx, actorOf(req), req.params.recipientId),
  );
  app.put(
    '/api/check-ins/plans/:recipientId',
    {
      config: { permission: 'checkins.manage' },
      schema: { tags, params: recipientIdParamsSchema, body: checkinPlanInputSchema, response: { 200: checkinPlanSchema } },
    },
    async (req) => service.saveCheckinPlan(ctx, actorOf(req), req.params.recipientId, req.body),
  );
  app.get(
    '/api/check-ins/links/:recipientId',
    { config: { permission: 'checkins.manage' }, schema: { tags, params: recipientIdParamsSchema, response: { 200: checkinLinkListSchema } } },
    async (req) => service.listCheckinLinks(ctx, actorOf(req), req.params.recipientId),
  );
  app.post(
    '/api/check-ins/links/:recipientId',
    {
      config: { permission: 'checkins.manage' },
      schema: { tags, params: recipientIdParamsSchema, body: issueCheckinLinkSchema, response: { 201: issuedCheckinLinkSchema } },
    },
    async (req, reply) => reply.status(201).send(await service.issueCheckinLink(ctx, actorOf(req), req.params.recipientId, req.body)),
  );
  app.post(
    '/api/check-ins/links/:recipientId/:linkId/revoke',
    {
      config: { permission: 'checkins.manage' },
      schema: { tags, params: recipientIdParamsSchema.extend({ linkId: idSchema }), response: { 200: checkinLinkListSchema } },
    },
    async (req) => service.revokeCheckinLink(ctx, actorOf(req), req.params.recipientId, req.params.linkId),
  );
  app.get(
    '/api/check-ins/aways/:recipientId',
    { config: { permission: 'checkins.read' }, schema: { tags, params: recipientIdParamsSchema, response: { 200: awayListSchema } } },
    async (req) => service.listAways(ctx, actorOf(req), req.params.recipientId),
  );
  app.post(
    '/api/check-ins/aways',
    {
      config: { permission: 'checkins.write' },
      schema: { tags, body: createAwaySchema.extend({ communityId: idSchema.optional() }), response: { 201: awaySchema } },
    },
    async (req, reply) => reply.status(201).send(await service.createAway(ctx, actorOf(req), req.body)),
  );
}
