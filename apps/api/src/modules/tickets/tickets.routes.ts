import { z } from 'zod';
import {
  createCategorySchema, updateCategorySchema, duplicateListSchema, duplicateQuerySchema, createTicketSchema, idSchema, pageOf, publicRateSchema, publicTicketReceiptSchema, publicTicketSchema, publicTicketViewSchema, scopeQuerySchema, ticketCategorySchema,
  ticketDetailSchema, ticketListQuerySchema, ticketSchema, transitionParamsSchema, transitionSchema, idParamsSchema, ticketSettingsSchema, updateTicketSettingsSchema,
  publicInfoSchema,
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
import * as pub from './public/public-tickets.js';
import * as settings from './categories/ticket-settings.js';
import { checkPublicReportLimits } from './public/public-report-limits.js';
import type { FastifyRequest } from 'fastify';

const codeParams = z.object({ code: z.string().trim().min(4).max(40) });
/** The reporter's proof travels in headers (the key comes from the page's fragment, which is never sent by itself). */
const proofOf = (r: FastifyRequest) => {
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim().slice(0, 200) || undefined;
  return { key: one(r.headers['x-tracking-key']), lastFour: one(r.headers['x-phone-last-four']) };
};

export function ticketsRoutes(app: App, ctx: AppContext): void {
  const tags = ['tickets'];
  app.get('/api/ticket-categories', { schema: { tags, querystring: scopeQuerySchema, response: { 200: z.object({ items: z.array(ticketCategorySchema) }) } } }, async (r) => ({
    items: await categories.listCategories(ctx, actorOf(r), r.query.communityId),
  }));
  app.post('/api/ticket-categories', { schema: { tags, body: createCategorySchema, response: { 201: ticketCategorySchema } } }, async (r, reply) =>
    reply.status(201).send(await categories.createCategory(ctx, actorOf(r), r.body)));
  app.patch('/api/ticket-categories/:id', { schema: { tags, params: idParamsSchema, body: updateCategorySchema, response: { 200: ticketCategorySchema } } }, async (r) =>
    categories.updateCategory(ctx, actorOf(r), r.params.id, r.body));
  app.get('/api/ticket-settings', { schema: { tags, querystring: scopeQuerySchema, response: { 200: ticketSettingsSchema } } }, async (r) =>
    settings.readTicketSettings(ctx, actorOf(r), r.query.communityId));
  app.put('/api/ticket-settings', { schema: { tags, body: updateTicketSettingsSchema, response: { 200: ticketSettingsSchema } } }, async (r) =>
    settings.updateTicketSettings(ctx, actorOf(r), r.body));
  app.get('/api/tickets', { schema: { tags, querystring: ticketListQuerySchema, response: { 200: pageOf(ticketSchema) } } }, async (r) => s.listTickets(ctx, actorOf(r), r.query));
  app.get('/api/tickets/tasks', { schema: { tags, response: { 200: z.object({ items: z.array(ticketSchema), badge: z.number(), overdue: z.number() }) } } }, async (r) =>
    s.listTasks(ctx, actorOf(r)));
  app.get('/api/tickets/duplicates', { schema: { tags, querystring: duplicateQuerySchema, response: { 200: duplicateListSchema } } }, async (r) =>
    findDuplicates(ctx, actorOf(r), r.query));
  app.get('/api/tickets/assignees', { schema: { tags, querystring: scopeQuerySchema, response: { 200: z.object({ items: z.array(z.object({ id: z.number(), displayName: z.string(), role: z.string() })) }) } } }, async (r) =>
    s.listAssignees(ctx, actorOf(r), r.query.communityId));
  app.get('/api/tickets/:id', { schema: { tags, params: idParamsSchema, response: { 200: ticketDetailSchema } } }, async (r) => s.getTicket(ctx, actorOf(r), r.params.id));
  app.post('/api/tickets', { schema: { tags, body: createTicketSchema, response: { 201: ticketDetailSchema } } }, async (r, reply) =>
    reply.status(201).send(await intake.createTicket(ctx, actorOf(r), r.body)));
  app.post('/api/tickets/:id/:action', { schema: { tags, params: transitionParamsSchema, body: transitionSchema, response: { 200: ticketDetailSchema } } }, async (r) =>
    transitions.actOnTicket(ctx, actorOf(r), r.params.id, r.params.action, r.body));

  // Residents without an account: submit, follow by tracking code, rate.
  const ptags = ['public'];
  app.get(
    '/api/public/communities/:code',
    {
      config: { public: true },
      schema: {
        tags: ptags,
        params: codeParams,
        response: {
          200: z.object({
            name: z.string(),
            categories: z.array(z.object({ id: z.number(), nameZh: z.string(), nameEn: z.string() })),
            compounds: z.array(z.object({ id: z.number(), name: z.string() })),
          }),
        },
      },
    },
    async (r) => pub.publicCommunityForm(ctx, r.params.code),
  );
  app.post(
    '/api/public/tickets',
    { config: { public: true }, preHandler: async (r) => checkPublicReportLimits(ctx, r.ip, r.body), schema: { tags: ptags, body: publicTicketSchema, response: { 201: publicTicketReceiptSchema } } },
    async (r, reply) => reply.status(201).send(await pub.submitPublicTicket(ctx, r.body, r.id)),
  );
  app.post(
    '/api/public/tickets/:code/photos',
    { config: { public: true, rateLimit: { max: 10, timeWindow: '1 minute' } }, schema: { tags: ptags, params: codeParams, consumes: ['multipart/form-data'], response: { 200: publicTicketViewSchema } } },
    async (r) => pub.addPublicPhotos(ctx, r.params.code, proofOf(r), (await readUploadedFiles(r, 'photos')).map((f) => f.data)),
  );
  const photoParams = z.object({ code: z.string().trim().min(4).max(40), photoId: idSchema });
  app.get('/api/public/tickets/:code/photos/:photoId', { config: { public: true }, schema: { tags: ptags, params: photoParams } }, async (r, reply) => {
    const p = await pub.publicPhoto(ctx, r.params.code, r.params.photoId);
    return reply.type(p.mime).header('cache-control', 'private, max-age=86400').send(p.data);
  });
  // The static "photos" segment wins over :action in the router, so it is never read as an action.
  app.post(
    '/api/tickets/:id/photos',
    { schema: { tags, params: idParamsSchema, consumes: ['multipart/form-data'], response: { 200: ticketDetailSchema } } },
    async (r) => photos.addStaffPhotos(ctx, actorOf(r), r.params.id, (await readUploadedFiles(r, 'photos')).map((f) => f.data)),
  );
  app.get('/api/tickets/:id/photos/:photoId', { schema: { tags, params: z.object({ id: idSchema, photoId: idSchema }) } }, async (r, reply) => {
    const p = await photos.staffPhoto(ctx, actorOf(r), r.params.id, r.params.photoId);
    return reply.type(p.mime).header('cache-control', 'private, max-age=86400').send(p.data);
  });
  app.get('/api/public/tickets/:code', { config: { public: true }, schema: { tags: ptags, params: codeParams, response: { 200: publicTicketViewSchema } } }, async (r) =>
    pub.viewPublicTicket(ctx, r.params.code));
  app.post(
    '/api/public/tickets/:code/info',
    { config: { public: true, rateLimit: { max: 10, timeWindow: '1 minute' } }, schema: { tags: ptags, params: codeParams, body: publicInfoSchema, response: { 200: publicTicketViewSchema } } },
    async (r) => pub.addPublicInfo(ctx, r.params.code, proofOf(r), r.body.text),
  );
  app.post(
    '/api/public/tickets/:code/rate',
    { config: { public: true, rateLimit: { max: 10, timeWindow: '1 minute' } }, schema: { tags: ptags, params: codeParams, body: publicRateSchema, response: { 200: publicTicketViewSchema } } },
    async (r) => pub.ratePublicTicket(ctx, r.params.code, proofOf(r), r.body.rating, r.body.comment),
  );
}
