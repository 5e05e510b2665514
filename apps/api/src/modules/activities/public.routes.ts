import {
  activityPhotoParamsSchema,
  activitySignedUpSchema,
  idParamsSchema,
  idSchema,
  mySignupSchema,
  okSchema,
  publicActivityListQuerySchema,
  publicActivityListSchema,
  publicActivitySchema,
  publicSignupInputSchema,
  signupCheckinSchema,
  signupKeySchema,
} from '@linli/contracts';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import type { App } from '../../platform/http/types.js';
import * as pub from './public.service.js';
import { activitiesFeed } from './ical.js';

const limited = (max: number) => ({ public: true as const, rateLimit: { max, timeWindow: '1 minute' } });
const codeQuery = z.object({ c: z.string().trim().min(1).max(40) });

/** The phone's pages without login and the calendar feeds (ADR 0048); the sign-up key travels in bodies only. */
export function publicActivitiesRoutes(app: App, ctx: AppContext): void {
  const tags = ['activities'];
  app.get(
    '/api/public/activities',
    { config: limited(60), schema: { tags, querystring: publicActivityListQuerySchema, response: { 200: publicActivityListSchema } } },
    async (req) => pub.publicCalendar(ctx, req.query),
  );
  app.get(
    '/api/public/activities/:id',
    { config: limited(60), schema: { tags, params: idParamsSchema, querystring: codeQuery, response: { 200: publicActivitySchema } } },
    async (req) => pub.getPublicActivity(ctx, req.query.c, req.params.id),
  );
  app.get(
    '/api/public/activities/:id/photos/:name',
    { config: limited(120), schema: { tags, params: activityPhotoParamsSchema, querystring: codeQuery } },
    async (req, reply) => {
      const p = await pub.publicActivityPhoto(ctx, req.query.c, req.params.id, req.params.name);
      return reply.type(p.mime).header('cache-control', 'public, max-age=86400').send(p.data);
    },
  );
  app.post(
    '/api/public/activities/:id/signups',
    { config: limited(10), schema: { tags, params: idParamsSchema, body: publicSignupInputSchema, response: { 201: activitySignedUpSchema } } },
    async (req, reply) => reply.status(201).send(await pub.publicSignUp(ctx, req.params.id, req.body)),
  );
  app.post(
    '/api/public/activity-signups/mine',
    { config: limited(30), schema: { tags, body: signupKeySchema, response: { 200: mySignupSchema } } },
    async (req) => pub.mySignup(ctx, req.body.key),
  );
  app.post('/api/public/activity-signups/cancel', { config: limited(10), schema: { tags, body: signupKeySchema, response: { 200: okSchema } } }, async (req) =>
    pub.cancelMySignup(ctx, req.body.key),
  );
  app.post(
    '/api/public/activity-signups/check-in',
    { config: limited(10), schema: { tags, body: signupCheckinSchema, response: { 200: mySignupSchema } } },
    async (req) => pub.checkInWithCode(ctx, req.body.key, req.body.code),
  );
  app.get('/api/activities/calendar.ics', { config: limited(30), schema: { tags, querystring: codeQuery } }, async (req, reply) => {
    const feed = await activitiesFeed(ctx, { communityCode: req.query.c });
    return reply.type('text/calendar; charset=utf-8').header('content-disposition', `inline; filename="${feed.filename}"`).send(feed.body);
  });
  app.get(
    '/api/activities/teams/:teamId/calendar.ics',
    { config: limited(30), schema: { tags, params: z.object({ teamId: idSchema }), querystring: codeQuery } },
    async (req, reply) => {
      const feed = await activitiesFeed(ctx, { communityCode: req.query.c, teamId: req.params.teamId });
      return reply.type('text/calendar; charset=utf-8').header('content-disposition', `inline; filename="${feed.filename}"`).send(feed.body);
    },
  );
}
