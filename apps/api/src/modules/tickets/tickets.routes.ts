import { z } from 'zod';
import {
  createCategorySchema,
  updateCategorySchema,
  duplicateListSchema,
  duplicateQuerySchema,
  createTicketSchema,
  idSchema,
  pageOf,
  scopeQuerySchema,
  ticketCategorySchema,
  ticketDetailSchema,
  ticketListQuerySchema,
  ticketSchema,
  transitionParamsSchema,
  transitionSchema,
  idParamsSchema,
  ticketSettingsSchema,
  updateTicketSettingsSchema,
  ticketInboxSchema,
  reporterPhoneSchema,
  photoUploadQuerySchema,
} from '@linli/contracts';
import type { AppContext } from '../../platform/context.js';
import { actorOf, type App } from '../../platform/http/types.js';
import { readUploadedFiles } from '../../platform/http/uploads.js';
import * as s from './reading/tickets.service.js';
import * as categories from './categories/categories.service.js';
import * as intake from './intake/intake.js';
import * as transitions from './acting/transitions.js';
import * as photos from './photos/photos.js';
import { findDuplicates } from './intake/duplicates.js';
import { publicTicketRoutes } from './public/public.routes.js';
import * as settings from './categories/ticket-settings.js';
import * as inbox from './reading/inbox.js';

export function ticketsRoutes(app: App, ctx: AppContext): void {
  const tags = ['tickets'];
  app.get(
    '/api/ticket-categories',
    {
      config: { permission: 'tickets.read' },
      schema: { tags, querystring: scopeQuerySchema, response: { 200: z.object({ items: z.array(ticketCategorySchema) }) } },
    },
    async (r) => ({
      items: await categories.listCategories(ctx, actorOf(r), r.query.communityId),
    }),
  );
  app.post(
    '/api/ticket-categories',
    { config: { permission: 'tickets.configure' }, schema: { tags, body: createCategorySchema, response: { 201: ticketCategorySchema } } },
    async (r, reply) => reply.status(201).send(await categories.createCategory(ctx, actorOf(r), r.body)),
  );
  app.patch(
    '/api/ticket-categories/:id',
    {
      config: { permission: 'tickets.configure' },
      schema: { tags, params: idParamsSchema, body: updateCategorySchema, response: { 200: ticketCategorySchema } },
    },
    async (r) => categories.updateCategory(ctx, actorOf(r), r.params.id, r.body),
  );
  app.get(
    '/api/ticket-settings',
    { config: { permission: 'tickets.read' }, schema: { tags, querystring: scopeQuerySchema, response: { 200: ticketSettingsSchema } } },
    async (r) => settings.readTicketSettings(ctx, actorOf(r), r.query.communityId),
  );
  app.put(
    '/api/ticket-settings',
    { config: { permission: 'tickets.configure' }, schema: { tags, body: updateTicketSettingsSchema, response: { 200: ticketSettingsSchema } } },
    async (r) => settings.updateTicketSettings(ctx, actorOf(r), r.body),
  );
  app.get(
    '/api/tickets',
    { config: { permission: 'tickets.read' }, schema: { tags, querystring: ticketListQuerySchema, response: { 200: pageOf(ticketSchema) } } },
    async (r) => s.listTickets(ctx, actorOf(r), r.query),
  );
  app.get(
    '/api/tickets/tasks',
    {
      config: { permission: 'tickets.read' },
      schema: { tags, response: { 200: z.object({ items: z.array(ticketSchema), badge: z.number(), overdue: z.number() }) } },
    },
    async (r) => s.listTasks(ctx, actorOf(r)),
  );
  app.get(
    '/api/tickets/inbox',
    { config: { permission: 'tickets.readAll' }, schema: { tags, querystring: scopeQuerySchema, response: { 200: ticketInboxSchema } } },
    async (r) => inbox.ticketInbox(ctx, actorOf(r), r.query.communityId),
  );
  app.get(
    '/api/tickets/:id/reporter-phone',
    { config: { permission: 'tickets.work' }, schema: { tags, params: idParamsSchema, response: { 200: reporterPhoneSchema } } },
    async (r, reply) => reply.header('cache-control', 'no-store').send(await inbox.reporterPhone(ctx, actorOf(r), r.params.id)),
  );
  app.get(
    '/api/tickets/duplicates',
    { config: { permission: 'tickets.intake' }, schema: { tags, querystring: duplicateQuerySchema, response: { 200: duplicateListSchema } } },
    async (r) => findDuplicates(ctx, actorOf(r), r.query),
  );
  app.get(
    '/api/tickets/assignees',
    {
      config: { permission: 'tickets.dispatch' },
      schema: {
        tags,
        querystring: scopeQuerySchema,
        response: { 200: z.object({ items: z.array(z.object({ id: z.number(), displayName: z.string(), role: z.string() })) }) },
      },
    },
    async (r) => s.listAssignees(ctx, actorOf(r), r.query.communityId),
  );
  app.get(
    '/api/tickets/:id',
    { config: { permission: 'tickets.read' }, schema: { tags, params: idParamsSchema, response: { 200: ticketDetailSchema } } },
    async (r) => s.getTicket(ctx, actorOf(r), r.params.id),
  );
  app.post(
    '/api/tickets',
    { config: { permission: 'tickets.intake' }, schema: { tags, body: createTicketSchema, response: { 201: ticketDetailSchema } } },
    async (r, reply) => reply.status(201).send(await intake.createTicket(ctx, actorOf(r), r.body)),
  );
  app.post(
    '/api/tickets/:id/:action',
    { config: { permission: 'policy' }, schema: { tags, params: transitionParamsSchema, body: transitionSchema, response: { 200: ticketDetailSchema } } },
    async (r) => transitions.actOnTicket(ctx, actorOf(r), r.params.id, r.params.action, r.body),
  );

  // The static "photos" segment wins over :action in the router, so it is never read as an action.
  app.post(
    '/api/tickets/:id/photos',
    {
      config: { permission: 'tickets.work' },
      schema: { tags, params: idParamsSchema, querystring: photoUploadQuerySchema, consumes: ['multipart/form-data'], response: { 200: ticketDetailSchema } },
    },
    async (r) =>
      photos.addStaffPhotos(
        ctx,
        actorOf(r),
        r.params.id,
        (await readUploadedFiles(r, 'photos')).map((f) => f.data),
        r.query.stage ?? null,
      ),
  );
  app.get(
    '/api/tickets/:id/photos/:photoId',
    { config: { permission: 'tickets.read' }, schema: { tags, params: z.object({ id: idSchema, photoId: idSchema }) } },
    async (r, reply) => {
      const p = await photos.staffPhoto(ctx, actorOf(r), r.params.id, r.params.photoId);
      return reply.type(p.mime).header('cache-control', 'private, max-age=86400').send(p.data);
    },
  );
  publicTicketRoutes(app, ctx);
}
