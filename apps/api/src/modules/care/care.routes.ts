import {
  archiveSchema,
  careBoardQuerySchema,
  careBoardSchema,
  careRecipientListQuerySchema,
  careRecipientPageSchema,
  careRecipientPrivateSchema,
  careRecipientSchema,
  careSettingsSchema,
  communityQuerySchema,
  coverageQuerySchema,
  coverageReportSchema,
  createCareRecipientSchema,
  createPairingSchema,
  createVisitSchema,
  endCareSchema,
  idParamsSchema,
  majorChangeSchema,
  pairingListQuerySchema,
  pairingPageSchema,
  pairingSchema,
  updateCareRecipientSchema,
  updateCareSettingsSchema,
  visitListQuerySchema,
  visitPageSchema,
  visitSchema,
  visitTicketSchema,
} from '@linli/contracts';
import type { AppContext } from '../../platform/context.js';
import { actorOf, type App } from '../../platform/http/types.js';
import { readUploadedFiles } from '../../platform/http/uploads.js';
import * as recipients from './recipients.service.js';
import * as pairings from './pairings.service.js';
import * as visits from './visits.service.js';
import * as board from './board.service.js';

export function careRoutes(app: App, ctx: AppContext): void {
  const tags = ['care'];
  app.get(
    '/api/care-recipients',
    { config: { permission: 'care.visit' }, schema: { tags, querystring: careRecipientListQuerySchema, response: { 200: careRecipientPageSchema } } },
    async (req) => recipients.listRecipients(ctx, actorOf(req), req.query),
  );
  app.get(
    '/api/care-recipients/:id',
    { config: { permission: 'care.visit' }, schema: { tags, params: idParamsSchema, response: { 200: careRecipientSchema } } },
    async (req) => recipients.getRecipient(ctx, actorOf(req), req.params.id),
  );
  app.get(
    '/api/care-recipients/:id/private',
    { config: { permission: 'care.health' }, schema: { tags, params: idParamsSchema, response: { 200: careRecipientPrivateSchema } } },
    async (req) => recipients.getRecipientPrivate(ctx, actorOf(req), req.params.id),
  );
  app.post(
    '/api/care-recipients',
    { config: { permission: 'care.write' }, schema: { tags, body: createCareRecipientSchema, response: { 201: careRecipientSchema } } },
    async (req, reply) => reply.status(201).send(await recipients.createRecipient(ctx, actorOf(req), req.body)),
  );
  app.patch(
    '/api/care-recipients/:id',
    { config: { permission: 'care.write' }, schema: { tags, params: idParamsSchema, body: updateCareRecipientSchema, response: { 200: careRecipientSchema } } },
    async (req) => recipients.updateRecipient(ctx, actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/care-recipients/:id/major-change',
    { config: { permission: 'care.visit' }, schema: { tags, params: idParamsSchema, body: majorChangeSchema, response: { 200: careRecipientSchema } } },
    async (req) => recipients.recordMajorChange(ctx, actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/care-recipients/:id/end',
    { config: { permission: 'care.write' }, schema: { tags, params: idParamsSchema, body: endCareSchema, response: { 200: careRecipientSchema } } },
    async (req) => recipients.endRecipient(ctx, actorOf(req), req.params.id, req.body.reason),
  );
  app.get(
    '/api/care-settings',
    { config: { permission: 'care.read' }, schema: { tags, querystring: communityQuerySchema, response: { 200: careSettingsSchema } } },
    async (req) => recipients.getCareSettings(ctx, actorOf(req), req.query.communityId),
  );
  app.put(
    '/api/care-settings',
    { config: { permission: 'care.configure' }, schema: { tags, body: updateCareSettingsSchema, response: { 200: careSettingsSchema } } },
    async (req) => recipients.updateCareSettings(ctx, actorOf(req), req.body),
  );
  app.get(
    '/api/pairings',
    { config: { permission: 'care.visit' }, schema: { tags, querystring: pairingListQuerySchema, response: { 200: pairingPageSchema } } },
    async (req) => pairings.listPairings(ctx, actorOf(req), req.query),
  );
  app.get(
    '/api/pairings/:id',
    { config: { permission: 'care.visit' }, schema: { tags, params: idParamsSchema, response: { 200: pairingSchema } } },
    async (req) => pairings.getPairing(ctx, actorOf(req), req.params.id),
  );
  app.post(
    '/api/pairings',
    { config: { permission: 'care.write' }, schema: { tags, body: createPairingSchema, response: { 201: pairingSchema } } },
    async (req, reply) => reply.status(201).send(await pairings.createPairing(ctx, actorOf(req), req.body)),
  );
  app.post(
    '/api/pairings/:id/end',
    { config: { permission: 'care.write' }, schema: { tags, params: idParamsSchema, body: archiveSchema, response: { 200: pairingSchema } } },
    async (req) => pairings.endPairing(ctx, actorOf(req), req.params.id, req.body.reason),
  );
  app.get(
    '/api/visits',
    { config: { permission: 'care.visit' }, schema: { tags, querystring: visitListQuerySchema, response: { 200: visitPageSchema } } },
    async (req) => visits.listVisits(ctx, actorOf(req), req.query),
  );
  app.get('/api/visits/:id', { config: { permission: 'care.visit' }, schema: { tags, params: idParamsSchema, response: { 200: visitSchema } } }, async (req) =>
    visits.getVisit(ctx, actorOf(req), req.params.id),
  );
  app.post(
    '/api/visits',
    { config: { permission: 'care.visit' }, schema: { tags, body: createVisitSchema, response: { 201: visitSchema } } },
    async (req, reply) => reply.status(201).send(await visits.recordVisit(ctx, actorOf(req), req.body)),
  );
  app.post(
    '/api/visits/:id/photos',
    { config: { permission: 'care.visit' }, schema: { tags, params: idParamsSchema, response: { 200: visitSchema } } },
    async (req) => {
      const files = await readUploadedFiles(req, 'photos');
      return visits.addVisitPhotos(
        ctx,
        actorOf(req),
        req.params.id,
        files.map((f) => f.data),
      );
    },
  );
  app.post(
    '/api/visits/:id/ticket',
    { config: { permission: 'care.visit' }, schema: { tags, params: idParamsSchema, body: visitTicketSchema, response: { 200: visitSchema } } },
    async (req) => visits.visitToTicket(ctx, actorOf(req), req.params.id, req.body),
  );
  app.get(
    '/api/care-board',
    { config: { permission: 'care.visit' }, schema: { tags, querystring: careBoardQuerySchema, response: { 200: careBoardSchema } } },
    async (req) => board.careBoard(ctx, actorOf(req), req.query),
  );
  app.get(
    '/api/care-coverage',
    { config: { permission: 'care.read' }, schema: { tags, querystring: coverageQuerySchema, response: { 200: coverageReportSchema } } },
    async (req) => board.coverageReport(ctx, actorOf(req), req.query),
  );
}
