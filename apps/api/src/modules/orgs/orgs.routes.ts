import {
  archiveSchema,
  createOrganisationSchema,
  idParamsSchema,
  organisationListQuerySchema,
  organisationPageSchema,
  organisationSchema,
  updateOrganisationSchema,
} from '@linli/contracts';
import type { AppContext } from '../../platform/context.js';
import { actorOf, type App } from '../../platform/http/types.js';
import * as service from './orgs.service.js';

export function orgsRoutes(app: App, ctx: AppContext): void {
  const tags = ['orgs'];
  app.get(
    '/api/organisations',
    { config: { permission: 'orgs.read' }, schema: { tags, querystring: organisationListQuerySchema, response: { 200: organisationPageSchema } } },
    async (req) => service.listOrganisations(ctx, actorOf(req), req.query),
  );
  app.get(
    '/api/organisations/:id',
    { config: { permission: 'orgs.read' }, schema: { tags, params: idParamsSchema, response: { 200: organisationSchema } } },
    async (req) => service.getOrganisation(ctx, actorOf(req), req.params.id),
  );
  app.post(
    '/api/organisations',
    { config: { permission: 'orgs.write' }, schema: { tags, body: createOrganisationSchema, response: { 201: organisationSchema } } },
    async (req, reply) => reply.status(201).send(await service.createOrganisation(ctx, actorOf(req), req.body)),
  );
  app.patch(
    '/api/organisations/:id',
    { config: { permission: 'orgs.write' }, schema: { tags, params: idParamsSchema, body: updateOrganisationSchema, response: { 200: organisationSchema } } },
    async (req) => service.updateOrganisation(ctx, actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/organisations/:id/archive',
    { config: { permission: 'orgs.write' }, schema: { tags, params: idParamsSchema, body: archiveSchema, response: { 200: organisationSchema } } },
    async (req) => service.archiveOrganisation(ctx, actorOf(req), req.params.id, req.body.reason),
  );
}
