import { z } from 'zod';
import {
  activityListQuerySchema,
  activityPageSchema,
  activityPhotoParamsSchema,
  activityReportInputSchema,
  activityVolunteerInputSchema,
  activityVolunteerListSchema,
  activitySchema,
  activitySignedUpSchema,
  activitySignupInputSchema,
  activitySignupListSchema,
  attendanceInputSchema,
  cancelActivitySchema,
  checkinCodeSchema,
  createActivitySchema,
  idParamsSchema,
  idSchema,
} from '@linli/contracts';
import type { AppContext } from '../../platform/context.js';
import { actorOf, type App } from '../../platform/http/types.js';
import * as activities from './activities.service.js';
import * as signups from './signups.service.js';
import * as attendance from './attendance.service.js';
import * as serving from './serving.service.js';
import * as photos from './photos.service.js';
import { readUploadedFiles } from '../../platform/http/uploads.js';

export function activitiesRoutes(app: App, ctx: AppContext): void {
  const tags = ['activities'];
  app.get(
    '/api/activities',
    { config: { permission: 'activities.read' }, schema: { tags, querystring: activityListQuerySchema, response: { 200: activityPageSchema } } },
    async (req) => activities.listActivities(ctx, actorOf(req), req.query),
  );
  app.get(
    '/api/activities/:id',
    { config: { permission: 'activities.read' }, schema: { tags, params: idParamsSchema, response: { 200: activitySchema } } },
    async (req) => activities.getActivity(ctx, actorOf(req), req.params.id),
  );
  app.post(
    '/api/activities',
    { config: { permission: 'activities.write' }, schema: { tags, body: createActivitySchema, response: { 201: activitySchema } } },
    async (req, reply) => reply.status(201).send(await activities.createActivity(ctx, actorOf(req), req.body)),
  );
  app.post(
    '/api/activities/:id/cancel',
    { config: { permission: 'activities.write' }, schema: { tags, params: idParamsSchema, body: cancelActivitySchema, response: { 200: activitySchema } } },
    async (req) => activities.cancelActivity(ctx, actorOf(req), req.params.id, req.body),
  );
  app.get(
    '/api/activities/:id/signups',
    { config: { permission: 'activities.read' }, schema: { tags, params: idParamsSchema, response: { 200: activitySignupListSchema } } },
    async (req) => signups.listSignups(ctx, actorOf(req), req.params.id),
  );
  app.post(
    '/api/activities/:id/signups',
    {
      config: { permission: 'activities.attendance' },
      schema: { tags, params: idParamsSchema, body: activitySignupInputSchema, response: { 201: activitySignedUpSchema } },
    },
    async (req, reply) => reply.status(201).send(await signups.addSignup(ctx, actorOf(req), req.params.id, req.body)),
  );
  app.post(
    '/api/activities/:id/signups/:signupId/cancel',
    {
      config: { permission: 'activities.attendance' },
      schema: { tags, params: idParamsSchema.extend({ signupId: idSchema }), body: z.object({}).optional(), response: { 200: activitySignupListSchema } },
    },
    async (req) => signups.cancelSignupByStaff(ctx, actorOf(req), req.params.id, req.params.signupId),
  );
  app.post(
    '/api/activities/:id/checkin-code',
    {
      config: { permission: 'activities.attendance' },
      schema: { tags, params: idParamsSchema, body: z.object({}).optional(), response: { 201: checkinCodeSchema } },
    },
    async (req, reply) => reply.status(201).send(await attendance.issueCheckinCode(ctx, actorOf(req), req.params.id)),
  );
  app.post(
    '/api/activities/:id/attendance',
    {
      config: { permission: 'activities.attendance' },
      schema: { tags, params: idParamsSchema, body: attendanceInputSchema, response: { 200: activitySchema } },
    },
    async (req) => attendance.markAttendance(ctx, actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/activities/:id/close',
    {
      config: { permission: 'activities.attendance' },
      schema: { tags, params: idParamsSchema, body: z.object({}).optional(), response: { 200: activitySchema } },
    },
    async (req) => attendance.closeActivity(ctx, actorOf(req), req.params.id),
  );
  app.post(
    '/api/activities/:id/report',
    {
      config: { permission: 'activities.attendance' },
      schema: { tags, params: idParamsSchema, body: activityReportInputSchema, response: { 200: activitySchema } },
    },
    async (req) => attendance.reportActivity(ctx, actorOf(req), req.params.id, req.body.report),
  );
  app.post(
    '/api/activities/:id/photos',
    {
      config: { permission: 'activities.attendance' },
      schema: { tags, params: idParamsSchema, consumes: ['multipart/form-data'], response: { 200: activitySchema } },
    },
    async (req) =>
      photos.addActivityPhotos(
        ctx,
        actorOf(req),
        req.params.id,
        (await readUploadedFiles(req, 'photos')).map((f) => f.data),
      ),
  );
  app.get(
    '/api/activities/:id/photos/:name',
    { config: { permission: 'activities.read' }, schema: { tags, params: activityPhotoParamsSchema } },
    async (req, reply) => {
      const p = await photos.activityPhoto(ctx, actorOf(req), req.params.id, req.params.name);
      return reply.type(p.mime).header('cache-control', 'private, max-age=86400').send(p.data);
    },
  );
  app.get(
    '/api/activities/:id/volunteers',
    { config: { permission: 'activities.read' }, schema: { tags, params: idParamsSchema, response: { 200: activityVolunteerListSchema } } },
    async (req) => serving.listServing(ctx, actorOf(req), req.params.id),
  );
  app.post(
    '/api/activities/:id/volunteers',
    {
      config: { permission: 'activities.attendance' },
      schema: { tags, params: idParamsSchema, body: activityVolunteerInputSchema, response: { 201: activityVolunteerListSchema } },
    },
    async (req, reply) => reply.status(201).send(await serving.addServing(ctx, actorOf(req), req.params.id, req.body)),
  );
}
