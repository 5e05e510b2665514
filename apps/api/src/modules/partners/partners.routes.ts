import {
  archiveSchema,
  createPartnerSchema,
  idParamsSchema,
  partnerListQuerySchema,
  partnerPageSchema,
  partnerSchema,
  updatePartnerSchema,
} from '@linli/contracts';
import type { AppContext } from '../../platform/context.js';
import { actorOf, type App } from '../../platform/http/types.js';
import * as service from './partners.service.js';

export function partnersRoutes(app: App, ctx: AppContext): void {
  const tags = ['partners'];
  app.get(
    '/api/partners',
    { config: { permission: 'partners.read' }, schema: { tags, querystring: partnerListQuerySchema, response: { 200: partnerPageSchema } } },
    async (req) => service.listPartners(ctx, actorOf(req), req.query),
  );
  app.get(
    '/api/partners/:id',
    { config: { permission: 'partners.read' }, schema: { tags, params: idParamsSchema, response: { 200: partnerSchema } } },
    async (req) => service.getPartner(ctx, actorOf(req), req.params.id),
  );
  app.post(
    '/api/partners',
    { config: { permission: 'partners.write' }, schema: { tags, body: createPartnerSchema, response: { 201: partnerSchema } } },
    async (req, reply) => reply.status(201).send(await service.createPartner(ctx, actorOf(req), req.body)),
  );
  app.patch(
    '/api/partners/:id',
    { config: { permission: 'partners.write' }, schema: { tags, params: idParamsSchema, body: updatePartnerSchema, response: { 200: partnerSchema } } },
    async (req) => service.updatePartner(ctx, actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/partners/:id/archive',
    { config: { permission: 'partners.write' }, schema: { tags, params: idParamsSchema, body: archiveSchema, response: { 200: partnerSchema } } },
    async (req) => service.archivePartner(ctx, actorOf(req), req.params.id, req.body.reason),
  );
}
