import {
  createHelpNeedSchema,
  helpActionInputSchema,
  helpHelperSchema,
  helpNeedDetailSchema,
  helpNeedFullSchema,
  helpNeedListQuerySchema,
  helpNeedPageSchema,
  helpStepSchema,
  idParamsSchema,
  updateHelpNeedSchema,
} from '@linli/contracts';
import type { AppContext } from '../../platform/context.js';
import { actorOf, type App } from '../../platform/http/types.js';
import * as service from './help.service.js';

export function helpRoutes(app: App, ctx: AppContext): void {
  const tags = ['help'];
  app.get(
    '/api/help-needs',
    { config: { permission: 'help.read' }, schema: { tags, querystring: helpNeedListQuerySchema, response: { 200: helpNeedPageSchema } } },
    async (req) => service.listHelpNeeds(ctx, actorOf(req), req.query),
  );
  app.get(
    '/api/help-needs/:id',
    { config: { permission: 'help.read' }, schema: { tags, params: idParamsSchema, response: { 200: helpNeedDetailSchema } } },
    async (req) => service.getHelpNeed(ctx, actorOf(req), req.params.id),
  );
  app.get(
    '/api/help-needs/:id/full',
    { config: { permission: 'help.sensitive' }, schema: { tags, params: idParamsSchema, response: { 200: helpNeedFullSchema } } },
    async (req) => service.viewHelpNeedFull(ctx, actorOf(req), req.params.id),
  );
  app.post(
    '/api/help-needs',
    { config: { permission: 'help.write' }, schema: { tags, body: createHelpNeedSchema, response: { 201: helpNeedDetailSchema } } },
    async (req, reply) => reply.status(201).send(await service.createHelpNeed(ctx, actorOf(req), req.body)),
  );
  app.patch(
    '/api/help-needs/:id',
    { config: { permission: 'help.write' }, schema: { tags, params: idParamsSchema, body: updateHelpNeedSchema, response: { 200: helpNeedDetailSchema } } },
    async (req) => service.updateHelpNeed(ctx, actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/help-needs/:id/helper',
    { config: { permission: 'help.write' }, schema: { tags, params: idParamsSchema, body: helpHelperSchema, response: { 200: helpNeedDetailSchema } } },
    async (req) => service.setHelper(ctx, actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/help-needs/:id/actions',
    { config: { permission: 'help.write' }, schema: { tags, params: idParamsSchema, body: helpActionInputSchema, response: { 200: helpNeedDetailSchema } } },
    async (req) => service.addHelpAction(ctx, actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/help-needs/:id/steps',
    { config: { permission: 'help.write' }, schema: { tags, params: idParamsSchema, body: helpStepSchema, response: { 200: helpNeedDetailSchema } } },
    async (req) => service.stepHelpNeed(ctx, actorOf(req), req.params.id, req.body),
  );
}
