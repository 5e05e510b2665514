import { z } from 'zod';
import {
  agreementListQuerySchema,
  agreementPageSchema,
  agreementSchema,
  archiveSchema,
  contributionListQuerySchema,
  contributionPageSchema,
  contributionSchema,
  contributionTotalsQuerySchema,
  contributionTotalsSchema,
  createAgreementSchema,
  createContributionSchema,
  createResourceSchema,
  idParamsSchema,
  partnerPortalSchema,
  publicResourceListSchema,
  publicResourceQuerySchema,
  resourceListQuerySchema,
  resourcePageSchema,
  resourceSchema,
  terminateAgreementSchema,
  updateAgreementSchema,
  updateResourceSchema,
} from '@linli/contracts';
import type { AppContext } from '../../platform/context.js';
import { actorOf, type App } from '../../platform/http/types.js';
import * as resources from './resources.service.js';
import * as agreements from './agreements.service.js';
import * as contributions from './contributions.service.js';
import { partnerPortal } from './portal.service.js';

/** Resources (资源清单), agreements (共建协议), contributions and the partner contact's portal (issue 9, ADR 0037). */
export function offersRoutes(app: App, ctx: AppContext): void {
  const tags = ['partners'];
  app.get(
    '/api/resources',
    { config: { permission: 'resources.read' }, schema: { tags, querystring: resourceListQuerySchema, response: { 200: resourcePageSchema } } },
    async (req) => resources.listResources(ctx, actorOf(req), req.query),
  );
  app.get(
    '/api/resources/:id',
    { config: { permission: 'resources.read' }, schema: { tags, params: idParamsSchema, response: { 200: resourceSchema } } },
    async (req) => resources.getResource(ctx, actorOf(req), req.params.id),
  );
  app.post(
    '/api/resources',
    { config: { permission: 'resources.write' }, schema: { tags, body: createResourceSchema, response: { 201: resourceSchema } } },
    async (req, reply) => reply.status(201).send(await resources.createResource(ctx, actorOf(req), req.body)),
  );
  app.patch(
    '/api/resources/:id',
    { config: { permission: 'resources.write' }, schema: { tags, params: idParamsSchema, body: updateResourceSchema, response: { 200: resourceSchema } } },
    async (req) => resources.updateResource(ctx, actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/resources/:id/archive',
    { config: { permission: 'resources.write' }, schema: { tags, params: idParamsSchema, body: archiveSchema, response: { 200: resourceSchema } } },
    async (req) => resources.archiveResource(ctx, actorOf(req), req.params.id, req.body.reason),
  );
  app.get(
    '/api/public/communities/:code/resources',
    {
      config: { public: true },
      schema: {
        tags: ['public'],
        params: z.object({ code: z.string().trim().min(1).max(40) }),
        querystring: publicResourceQuerySchema,
        response: { 200: publicResourceListSchema },
      },
    },
    async (req) => resources.publicResources(ctx, req.params.code, req.query),
  );

  app.get(
    '/api/agreements',
    { config: { permission: 'agreements.read' }, schema: { tags, querystring: agreementListQuerySchema, response: { 200: agreementPageSchema } } },
    async (req) => agreements.listAgreements(ctx, actorOf(req), req.query),
  );
  app.get(
    '/api/agreements/:id',
    { config: { permission: 'agreements.read' }, schema: { tags, params: idParamsSchema, response: { 200: agreementSchema } } },
    async (req) => agreements.getAgreement(ctx, actorOf(req), req.params.id),
  );
  app.post(
    '/api/agreements',
    { config: { permission: 'agreements.write' }, schema: { tags, body: createAgreementSchema, response: { 201: agreementSchema } } },
    async (req, reply) => reply.status(201).send(await agreements.createAgreement(ctx, actorOf(req), req.body)),
  );
  app.patch(
    '/api/agreements/:id',
    { config: { permission: 'agreements.write' }, schema: { tags, params: idParamsSchema, body: updateAgreementSchema, response: { 200: agreementSchema } } },
    async (req) => agreements.updateAgreement(ctx, actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/agreements/:id/terminate',
    {
      config: { permission: 'agreements.write' },
      schema: { tags, params: idParamsSchema, body: terminateAgreementSchema, response: { 200: agreementSchema } },
    },
    async (req) => agreements.terminateAgreement(ctx, actorOf(req), req.params.id, req.body.reason),
  );

  app.get(
    '/api/contributions',
    { config: { permission: 'contributions.read' }, schema: { tags, querystring: contributionListQuerySchema, response: { 200: contributionPageSchema } } },
    async (req) => contributions.listContributions(ctx, actorOf(req), req.query),
  );
  app.get(
    '/api/contributions/totals',
    { config: { permission: 'contributions.read' }, schema: { tags, querystring: contributionTotalsQuerySchema, response: { 200: contributionTotalsSchema } } },
    async (req) => contributions.contributionTotals(ctx, actorOf(req), req.query),
  );
  app.get(
    '/api/contributions/:id',
    { config: { permission: 'contributions.read' }, schema: { tags, params: idParamsSchema, response: { 200: contributionSchema } } },
    async (req) => contributions.getContribution(ctx, actorOf(req), req.params.id),
  );
  app.post(
    '/api/contributions',
    { config: { permission: 'contributions.write' }, schema: { tags, body: createContributionSchema, response: { 201: contributionSchema } } },
    async (req, reply) => reply.status(201).send(await contributions.createContribution(ctx, actorOf(req), req.body)),
  );

  app.get('/api/partner-portal', { config: { permission: 'partners.portal' }, schema: { tags, response: { 200: partnerPortalSchema } } }, async (req) =>
    partnerPortal(ctx, actorOf(req)),
  );
}
