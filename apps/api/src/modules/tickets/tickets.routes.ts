import { z } from 'zod';
import {
  communityDashboardSchema, createCategorySchema, updateCategorySchema, duplicateListSchema, duplicateQuerySchema, ledgerExportSchema, ledgerFilterSchema, ledgerPageSchema, ledgerQuerySchema, createTicketSchema, dashboardQuerySchema, idSchema, pageOf, subdistrictDashboardSchema, publicRateSchema, publicTicketReceiptSchema, publicTicketSchema, publicTicketViewSchema, scopeQuerySchema, ticketCategorySchema,
  ticketDetailSchema, ticketListQuerySchema, ticketSchema, transitionParamsSchema, transitionSchema, idParamsSchema, ticketSettingsSchema, updateTicketSettingsSchema,
  publicInfoSchema, workCalendarDaySchema, workCalendarParamsSchema, workCalendarQuerySchema, setWorkCalendarDaySchema,
} from '@linli/contracts';
import type { AppContext } from '../../platform/context.js';
import { actorOf, type App } from '../../platform/http/types.js';
import { readUploadedFiles } from '../../platform/http/uploads.js';
import * as s from './tickets.service.js';
import * as categories from './categories.service.js';
import * as intake from './intake.js';
import * as transitions from './transitions.js';
import * as photos from './photos.js';
import { findDuplicates } from './duplicates.js';
import * as pub from './public-tickets.js';
import * as dashboard from './dashboard.service.js';
import * as ledger from './ledger.service.js';
import * as settings from './ticket-settings.js';
import * as calendar from './work-calendar.js';
import { checkPublicReportLimits } from './public-report-limits.js';
import fs from 'node:fs';
import type { FastifyRequest } from 'fastify';

const codeParams = z.object({ code: z.string().trim().min(4).max(40) });
/** The reporter's proof travels in headers (the key comes from the page's fragment, which is never sent by itself). */
const proofOf = (r: FastifyRequest) => {
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim().slice(0, 200) || undefined;
  return { key: one(r.headers['x-tracking-key']), lastFour: one(r.headers['x-phone-last-four']) };
};

export function ticketsRoutes(app: App, ctx: AppContext): void {
  const tags = ['tickets'];
  app.get('/api/ticket-categories', { config: { permission: 'tickets.read' }, schema: { tags, querystring: scopeQuerySchema, response: { 200: z.object({ items: z.array(ticketCategorySchema) }) } } }, async (r) => ({
    items: await categories.listCategories(ctx, actorOf(r), r.query.communityId),
  }));
  app.post('/api/ticket-categories', { config: { permission: 'tickets.configure' }, schema: { tags, body: createCategorySchema, response: { 201: ticketCategorySchema } } }, async (r, reply) =>
    reply.status(201).send(await categories.createCategory(ctx, actorOf(r), r.body)));
  app.patch('/api/ticket-categories/:id', { config: { permission: 'tickets.configure' }, schema: { tags, params: idParamsSchema, body: updateCategorySchema, response: { 200: ticketCategorySchema } } }, async (r) =>
    categories.updateCategory(ctx, actorOf(r), r.params.id, r.body));
  app.get('/api/ticket-settings', { config: { permission: 'tickets.read' }, schema: { tags, querystring: scopeQuerySchema, response: { 200: ticketSettingsSchema } } }, async (r) =>
    settings.readTicketSettings(ctx, actorOf(r), r.query.communityId));
  app.put('/api/ticket-settings', { config: { permission: 'tickets.configure' }, schema: { tags, body: updateTicketSettingsSchema, response: { 200: ticketSettingsSchema } } }, async (r) =>
    settings.updateTicketSettings(ctx, actorOf(r), r.body));
  app.get('/api/work-calendar', { config: { permission: 'tickets.read' }, schema: { tags, querystring: workCalendarQuerySchema, response: { 200: z.object({ items: z.array(workCalendarDaySchema) }) } } }, async (r) =>
    calendar.listCalendar(ctx, actorOf(r), r.query.year));
  app.put('/api/work-calendar/:day', { config: { permission: 'calendar.manage' }, schema: { tags, params: workCalendarParamsSchema, body: setWorkCalendarDaySchema, response: { 200: workCalendarDaySchema } } }, async (r) =>
    calendar.setCalendarDay(ctx, actorOf(r), r.params.day, r.body));
  app.delete('/api/work-calendar/:day', { config: { permission: 'calendar.manage' }, schema: { tags, params: workCalendarParamsSchema } }, async (r, reply) => {
    await calendar.deleteCalendarDay(ctx, actorOf(r), r.params.day);
    return reply.status(204).send();
  });
  app.get('/api/tickets', { config: { permission: 'tickets.read' }, schema: { tags, querystring: ticketListQuerySchema, response: { 200: pageOf(ticketSchema) } } }, async (r) => s.listTickets(ctx, actorOf(r), r.query));
  app.get('/api/tickets/tasks', { config: { permission: 'tickets.read' }, schema: { tags, response: { 200: z.object({ items: z.array(ticketSchema), badge: z.number(), overdue: z.number() }) } } }, async (r) =>
    s.listTasks(ctx, actorOf(r)));
  app.get('/api/tickets/duplicates', { config: { permission: 'tickets.intake' }, schema: { tags, querystring: duplicateQuerySchema, response: { 200: duplicateListSchema } } }, async (r) =>
    findDuplicates(ctx, actorOf(r), r.query));
  app.get('/api/tickets/assignees', { config: { permission: 'tickets.dispatch' }, schema: { tags, querystring: scopeQuerySchema, response: { 200: z.object({ items: z.array(z.object({ id: z.number(), displayName: z.string(), role: z.string() })) }) } } }, async (r) =>
    s.listAssignees(ctx, actorOf(r), r.query.communityId));
  app.get('/api/tickets/:id', { config: { permission: 'tickets.read' }, schema: { tags, params: idParamsSchema, response: { 200: ticketDetailSchema } } }, async (r) => s.getTicket(ctx, actorOf(r), r.params.id));
  app.post('/api/tickets', { config: { permission: 'tickets.intake' }, schema: { tags, body: createTicketSchema, response: { 201: ticketDetailSchema } } }, async (r, reply) =>
    reply.status(201).send(await intake.createTicket(ctx, actorOf(r), r.body)));
  app.post('/api/tickets/:id/:action', { config: { permission: 'policy' }, schema: { tags, params: transitionParamsSchema, body: transitionSchema, response: { 200: ticketDetailSchema } } }, async (r) =>
    transitions.actOnTicket(ctx, actorOf(r), r.params.id, r.params.action, r.body));

  app.get('/api/dashboard/community', { config: { permission: 'dashboard.read' }, schema: { tags: ['dashboard'], querystring: dashboardQuerySchema, response: { 200: communityDashboardSchema } } }, async (r) =>
    dashboard.communityDashboard(ctx, actorOf(r), r.query));
  app.get(
    '/api/dashboard/subdistrict',
    { config: { permission: 'dashboard.subdistrict' }, schema: { tags: ['dashboard'], querystring: dashboardQuerySchema.omit({ communityId: true }).extend({ subdistrictId: idSchema.optional() }), response: { 200: subdistrictDashboardSchema } } },
    async (r) => dashboard.subdistrictDashboard(ctx, actorOf(r), r.query),
  );

  const ltags = ['ledger'];
  app.get('/api/ledger', { config: { permission: 'tickets.readAll' }, schema: { tags: ltags, querystring: ledgerQuerySchema, response: { 200: ledgerPageSchema } } }, async (r) => ledger.listLedger(ctx, actorOf(r), r.query));
  app.post('/api/ledger/exports', { config: { permission: 'tickets.readAll' }, schema: { tags: ltags, body: ledgerFilterSchema, response: { 202: ledgerExportSchema } } }, async (r, reply) =>
    reply.status(202).send(await ledger.startLedgerExport(ctx, actorOf(r), r.body)));
  app.get('/api/ledger/exports/:id', { config: { permission: 'tickets.readAll' }, schema: { tags: ltags, params: idParamsSchema, response: { 200: ledgerExportSchema } } }, async (r) =>
    ledger.getLedgerExport(ctx, actorOf(r), r.params.id));
  app.get('/api/ledger/exports/:id/file', { config: { permission: 'tickets.readAll' }, schema: { tags: ltags, params: idParamsSchema } }, async (r, reply) => {
    const file = await ledger.ledgerExportFile(ctx, actorOf(r), r.params.id);
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="ledger.xlsx"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
      .send(fs.createReadStream(file.path));
  });

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
    { config: { permission: 'tickets.work' }, schema: { tags, params: idParamsSchema, consumes: ['multipart/form-data'], response: { 200: ticketDetailSchema } } },
    async (r) => photos.addStaffPhotos(ctx, actorOf(r), r.params.id, (await readUploadedFiles(r, 'photos')).map((f) => f.data)),
  );
  app.get('/api/tickets/:id/photos/:photoId', { config: { permission: 'tickets.read' }, schema: { tags, params: z.object({ id: idSchema, photoId: idSchema }) } }, async (r, reply) => {
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
