import { z } from 'zod';
import {
  approveEscalationSchema,
  createEscalationSchema,
  dispatchEscalationSchema,
  escalationListQuerySchema,
  escalationPageSchema,
  escalationSchema,
  escalationSettingsSchema,
  escalationStatuses,
  idParamsSchema,
  idSchema,
  reasonSchema,
  replyEscalationSchema,
  updateEscalationSettingsSchema,
  whistleBoardSchema,
} from '@linli/contracts';
import type { AppContext } from '../../platform/context.js';
import { resolveCommunityId } from '../../platform/access/actor.js';
import { actorOf, type App } from '../../platform/http/types.js';
import { readUploadedFiles } from '../../platform/http/uploads.js';
import * as commands from './escalations.service.js';
import * as replies from './replies.service.js';
import * as reading from './reading.js';

export function escalationsRoutes(app: App, ctx: AppContext): void {
  const tags = ['escalations'];
  app.get(
    '/api/escalations',
    { config: { permission: 'escalations.read' }, schema: { tags, querystring: escalationListQuerySchema, response: { 200: escalationPageSchema } } },
    async (r) => reading.listEscalations(ctx, actorOf(r), r.query),
  );
  app.get(
    '/api/escalations/board',
    {
      config: { permission: 'escalations.board' },
      schema: {
        tags,
        querystring: z.object({
          status: z.enum(escalationStatuses).optional(),
          overdue: z.enum(['true', 'false']).optional(),
          organisationId: idSchema.optional(),
        }),
        response: { 200: whistleBoardSchema },
      },
    },
    async (r) => reading.whistleBoard(ctx, actorOf(r), r.query),
  );
  app.get(
    '/api/escalations/settings',
    {
      config: { permission: 'escalations.read' },
      schema: { tags, querystring: z.object({ communityId: idSchema.optional() }), response: { 200: escalationSettingsSchema } },
    },
    async (r) => replies.escalationSettings(ctx, actorOf(r), resolveCommunityId(actorOf(r), r.query.communityId)),
  );
  app.put(
    '/api/escalations/settings',
    { config: { permission: 'tickets.configure' }, schema: { tags, body: updateEscalationSettingsSchema, response: { 200: escalationSettingsSchema } } },
    async (r) => replies.saveEscalationSettings(ctx, actorOf(r), resolveCommunityId(actorOf(r), r.body.communityId), r.body.pauseClock),
  );
  app.get(
    '/api/escalations/:id',
    { config: { permission: 'escalations.read' }, schema: { tags, params: idParamsSchema, response: { 200: escalationSchema } } },
    async (r) => reading.getEscalation(ctx, actorOf(r), r.params.id),
  );
  app.post(
    '/api/escalations',
    { config: { permission: 'escalations.create' }, schema: { tags, body: createEscalationSchema, response: { 201: escalationSchema } } },
    async (r, reply) => reply.status(201).send(await commands.createEscalation(ctx, actorOf(r), r.body)),
  );
  app.post(
    '/api/escalations/requests',
    { config: { permission: 'escalations.request' }, schema: { tags, body: createEscalationSchema, response: { 201: escalationSchema } } },
    async (r, reply) => reply.status(201).send(await commands.requestEscalation(ctx, actorOf(r), r.body)),
  );
  app.post(
    '/api/escalations/:id/approve',
    {
      config: { permission: 'escalations.create' },
      schema: { tags, params: idParamsSchema, body: approveEscalationSchema, response: { 200: escalationSchema } },
    },
    async (r) => commands.approveEscalation(ctx, actorOf(r), r.params.id, r.body),
  );
  app.post(
    '/api/escalations/:id/withdraw',
    { config: { permission: 'escalations.create' }, schema: { tags, params: idParamsSchema, body: reasonSchema, response: { 200: escalationSchema } } },
    async (r) => commands.withdrawEscalation(ctx, actorOf(r), r.params.id, r.body.reason),
  );
  app.post(
    '/api/escalations/:id/dispatch',
    {
      config: { permission: 'escalations.dispatch' },
      schema: { tags, params: idParamsSchema, body: dispatchEscalationSchema, response: { 200: escalationSchema } },
    },
    async (r) => commands.dispatchEscalation(ctx, actorOf(r), r.params.id, r.body),
  );
  // Accept, ask, decline and answer are the organisation's (escalations.reply); supplying information is staff's.
  app.post(
    '/api/escalations/:id/reply',
    { config: { permission: 'policy' }, schema: { tags, params: idParamsSchema, body: replyEscalationSchema, response: { 200: escalationSchema } } },
    async (r) => replies.replyToEscalation(ctx, actorOf(r), r.params.id, r.body),
  );
  app.post(
    '/api/escalations/:id/photos',
    {
      config: { permission: 'escalations.reply' },
      schema: { tags, params: idParamsSchema, consumes: ['multipart/form-data'], response: { 200: escalationSchema } },
    },
    async (r) =>
      replies.addReplyPhotos(
        ctx,
        actorOf(r),
        r.params.id,
        (await readUploadedFiles(r, 'photos')).map((f) => f.data),
      ),
  );
  app.get(
    '/api/escalations/:id/photos/:photoId',
    { config: { permission: 'escalations.read' }, schema: { tags, params: z.object({ id: idSchema, photoId: idSchema }) } },
    async (r, reply) => {
      const p = await replies.escalationPhoto(ctx, actorOf(r), r.params.id, r.params.photoId);
      return reply.type(p.mime).header('cache-control', 'private, max-age=86400').send(p.data);
    },
  );
}
