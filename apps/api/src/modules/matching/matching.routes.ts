import { z } from 'zod';
import {
  createMatchOrderSchema,
  idParamsSchema,
  idSchema,
  matchOrderListQuerySchema,
  matchOrderPageSchema,
  matchOrderSchema,
  matchOrderStepSchema,
  matchQuerySchema,
  matchSuggestionListSchema,
} from '@linli/contracts';
import type { AppContext } from '../../platform/context.js';
import { actorOf, type App } from '../../platform/http/types.js';
import * as service from './matching.service.js';

export function matchingRoutes(app: App, ctx: AppContext): void {
  const tags = ['matching'];
  app.get(
    '/api/matches',
    { config: { permission: 'matching.read' }, schema: { tags, querystring: matchQuerySchema, response: { 200: matchSuggestionListSchema } } },
    async (req) => service.suggest(ctx, actorOf(req), req.query),
  );
  app.post(
    '/api/matches/refresh',
    {
      config: { permission: 'matching.dispatch' },
      schema: { tags, body: z.object({ communityId: idSchema.optional() }), response: { 200: z.object({ count: z.number() }) } },
    },
    async (req) => service.refreshIndex(ctx, actorOf(req), req.body.communityId),
  );
  // Claimants (matching.claim) and staff (matching.read) both list: the service narrows a claimant to their own.
  app.get(
    '/api/match-orders',
    { config: { permission: 'policy' }, schema: { tags, querystring: matchOrderListQuerySchema, response: { 200: matchOrderPageSchema } } },
    async (req) => service.listOrders(ctx, actorOf(req), req.query),
  );
  app.get(
    '/api/match-orders/:id',
    { config: { permission: 'policy' }, schema: { tags, params: idParamsSchema, response: { 200: matchOrderSchema } } },
    async (req) => service.getOrder(ctx, actorOf(req), req.params.id),
  );
  app.post(
    '/api/match-orders',
    { config: { permission: 'matching.dispatch' }, schema: { tags, body: createMatchOrderSchema, response: { 201: matchOrderSchema } } },
    async (req, reply) => reply.status(201).send(await service.createOrder(ctx, actorOf(req), req.body)),
  );
  app.post(
    '/api/match-orders/:id/steps',
    { config: { permission: 'policy' }, schema: { tags, params: idParamsSchema, body: matchOrderStepSchema, response: { 200: matchOrderSchema } } },
    async (req) => service.stepOrder(ctx, actorOf(req), req.params.id, req.body),
  );
}
