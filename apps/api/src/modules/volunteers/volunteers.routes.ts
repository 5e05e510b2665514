import { z } from 'zod';
import {
  certificateQuerySchema,
  correctHoursSchema,
  createVolunteerSchema,
  idParamsSchema,
  idSchema,
  joinVolunteerSchema,
  myVolunteerSchema,
  openedSessionSchema,
  openSessionSchema,
  recordHoursSchema,
  reviewVolunteerSchema,
  serviceHoursEntrySchema,
  serviceHoursListSchema,
  serviceHoursQuerySchema,
  serviceSessionListSchema,
  serviceSessionSchema,
  signResultSchema,
  signSchema,
  updateVolunteerSettingsSchema,
  volunteerDetailSchema,
  volunteerListQuerySchema,
  volunteerPageSchema,
  volunteerPiiSchema,
  volunteerSettingsSchema,
} from '@linli/contracts';
import type { AppContext } from '../../platform/context.js';
import { actorOf, type App } from '../../platform/http/types.js';
import * as service from './volunteers.service.js';
import * as hours from './hours.service.js';
import { certificatePdf, myCertificatePdf } from './certificate.service.js';

const joinedSchema = z.object({ volunteerNo: z.number(), number: z.string(), status: z.string() });
const communityQuery = z.object({ communityId: idSchema.optional() });

/** `/api/volunteers` (the register, review, settings, certificate) and `/api/service-hours` (hours, sessions, sign). */
export function volunteersRoutes(app: App, ctx: AppContext): void {
  const tags = ['volunteers'];
  app.get(
    '/api/volunteers',
    { config: { permission: 'volunteers.read' }, schema: { tags, querystring: volunteerListQuerySchema, response: { 200: volunteerPageSchema } } },
    async (r) => service.listVolunteers(ctx, actorOf(r), r.query),
  );
  app.get('/api/volunteers/me', { config: { permission: 'volunteers.self' }, schema: { tags, response: { 200: myVolunteerSchema } } }, async (r) =>
    hours.myVolunteer(ctx, actorOf(r)),
  );
  app.get(
    '/api/volunteers/me/certificate',
    {
      config: { permission: 'volunteers.self', rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: { tags, querystring: certificateQuerySchema },
    },
    async (r, reply) => {
      const pdf = await myCertificatePdf(ctx, actorOf(r), r.query);
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="certificate-${pdf.number}.pdf"`)
        .header('cache-control', 'no-store')
        .send(pdf.data);
    },
  );
  app.get(
    '/api/volunteers/settings',
    { config: { permission: 'volunteers.read' }, schema: { tags, querystring: communityQuery, response: { 200: volunteerSettingsSchema } } },
    async (r) => service.getSettings(ctx, actorOf(r), r.query.communityId),
  );
  app.put(
    '/api/volunteers/settings',
    { config: { permission: 'volunteers.configure' }, schema: { tags, body: updateVolunteerSettingsSchema, response: { 200: volunteerSettingsSchema } } },
    async (r) => service.updateSettings(ctx, actorOf(r), r.body),
  );
  app.post(
    '/api/volunteers/join',
    {
      config: { permission: 'volunteers.self', rateLimit: { max: 5, timeWindow: '1 minute' } },
      schema: { tags, body: joinVolunteerSchema, response: { 201: joinedSchema } },
    },
    async (r, reply) => reply.status(201).send(await service.joinVolunteer(ctx, actorOf(r), r.body)),
  );
  app.post(
    '/api/public/volunteers',
    {
      config: { public: true, rateLimit: { max: 5, timeWindow: '1 minute' } },
      schema: { tags: ['public'], body: joinVolunteerSchema, response: { 201: joinedSchema } },
    },
    async (r, reply) => reply.status(201).send(await service.joinVolunteer(ctx, null, r.body)),
  );
  app.get(
    '/api/volunteers/:id',
    { config: { permission: 'volunteers.read' }, schema: { tags, params: idParamsSchema, response: { 200: volunteerDetailSchema } } },
    async (r) => service.getVolunteer(ctx, actorOf(r), r.params.id),
  );
  app.post(
    '/api/volunteers',
    { config: { permission: 'volunteers.write' }, schema: { tags, body: createVolunteerSchema, response: { 201: volunteerDetailSchema } } },
    async (r, reply) => reply.status(201).send(await service.createVolunteer(ctx, actorOf(r), r.body)),
  );
  app.post(
    '/api/volunteers/:id/review',
    {
      config: { permission: 'volunteers.write' },
      schema: { tags, params: idParamsSchema, body: reviewVolunteerSchema, response: { 200: volunteerDetailSchema } },
    },
    async (r) => service.reviewVolunteer(ctx, actorOf(r), r.params.id, r.body),
  );
  app.get(
    '/api/volunteers/:id/pii',
    { config: { permission: 'volunteers.viewPii' }, schema: { tags, params: idParamsSchema, response: { 200: volunteerPiiSchema } } },
    async (r) => service.volunteerPii(ctx, actorOf(r), r.params.id),
  );
  app.get(
    '/api/volunteers/:id/certificate',
    { config: { permission: 'volunteers.certify' }, schema: { tags, params: idParamsSchema, querystring: certificateQuerySchema } },
    async (r, reply) => {
      const pdf = await certificatePdf(ctx, actorOf(r), r.params.id, r.query);
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="certificate-${pdf.number}.pdf"`)
        .header('cache-control', 'no-store')
        .send(pdf.data);
    },
  );

  const hourTags = ['service-hours'];
  app.get(
    '/api/service-hours',
    { config: { permission: 'volunteers.read' }, schema: { tags: hourTags, querystring: serviceHoursQuerySchema, response: { 200: serviceHoursListSchema } } },
    async (r) => hours.listHours(ctx, actorOf(r), r.query),
  );
  app.post(
    '/api/service-hours',
    { config: { permission: 'volunteers.record' }, schema: { tags: hourTags, body: recordHoursSchema, response: { 201: serviceHoursEntrySchema } } },
    async (r, reply) => reply.status(201).send(await hours.recordHours(ctx, actorOf(r), r.body)),
  );
  app.post(
    '/api/service-hours/:id/correct',
    {
      config: { permission: 'volunteers.record' },
      schema: { tags: hourTags, params: idParamsSchema, body: correctHoursSchema, response: { 201: serviceHoursEntrySchema } },
    },
    async (r, reply) => reply.status(201).send(await hours.correctHours(ctx, actorOf(r), r.params.id, r.body)),
  );
  app.get(
    '/api/service-hours/sessions',
    { config: { permission: 'volunteers.record' }, schema: { tags: hourTags, querystring: communityQuery, response: { 200: serviceSessionListSchema } } },
    async (r) => hours.listSessions(ctx, actorOf(r), r.query.communityId),
  );
  app.post(
    '/api/service-hours/sessions',
    { config: { permission: 'volunteers.record' }, schema: { tags: hourTags, body: openSessionSchema, response: { 201: openedSessionSchema } } },
    async (r, reply) => reply.status(201).send(await hours.openSession(ctx, actorOf(r), r.body)),
  );
  app.post(
    '/api/service-hours/sessions/:id/close',
    { config: { permission: 'volunteers.record' }, schema: { tags: hourTags, params: idParamsSchema, response: { 200: serviceSessionSchema } } },
    async (r) => hours.closeSession(ctx, actorOf(r), r.params.id),
  );
  app.post(
    '/api/service-hours/sign',
    {
      config: { permission: 'volunteers.self', rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: { tags: hourTags, body: signSchema, response: { 200: signResultSchema } },
    },
    async (r) => hours.sign(ctx, actorOf(r), r.body),
  );
}
