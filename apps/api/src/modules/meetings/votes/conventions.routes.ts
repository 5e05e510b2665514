import { z } from 'zod';
import {
  conventionListSchema,
  conventionSchema,
  conventionVoteSchema,
  createConventionSchema,
  createConventionVersionSchema,
  idParamsSchema,
  idSchema,
  publicConventionSchema,
} from '@linli/contracts';
import type { AppContext } from '../../../platform/context.js';
import { actorOf, type App } from '../../../platform/http/types.js';
import * as service from './conventions.service.js';

/** 小区公约 (ADR 0046): versioned texts adopted by vote; residents read the current one on the phone. */
export function conventionsRoutes(app: App, ctx: AppContext): void {
  const tags = ['conventions'];
  app.get(
    '/api/conventions',
    {
      config: { permission: 'conventions.read' },
      schema: { tags, querystring: z.object({ communityId: idSchema.optional() }), response: { 200: conventionListSchema } },
    },
    async (req) => service.listConventions(ctx, actorOf(req), req.query.communityId),
  );
  app.post(
    '/api/conventions',
    { config: { permission: 'conventions.write' }, schema: { tags, body: createConventionSchema, response: { 201: conventionSchema } } },
    async (req, reply) => reply.status(201).send(await service.createConvention(ctx, actorOf(req), req.body)),
  );
  app.get(
    '/api/conventions/:id',
    { config: { permission: 'conventions.read' }, schema: { tags, params: idParamsSchema, response: { 200: conventionSchema } } },
    async (req) => service.getConvention(ctx, actorOf(req), req.params.id),
  );
  app.post(
    '/api/conventions/:id/versions',
    {
      config: { permission: 'conventions.write' },
      schema: { tags, params: idParamsSchema, body: createConventionVersionSchema, response: { 201: conventionSchema } },
    },
    async (req, reply) => reply.status(201).send(await service.proposeVersion(ctx, actorOf(req), req.params.id, req.body.body)),
  );
  app.post(
    '/api/conventions/:id/versions/:versionId/vote',
    {
      config: { permission: 'conventions.write' },
      schema: { tags, params: idParamsSchema.extend({ versionId: idSchema }), body: conventionVoteSchema, response: { 201: z.object({ voteId: z.number() }) } },
    },
    async (req, reply) => reply.status(201).send(await service.putVersionToVote(ctx, actorOf(req), req.params.id, req.params.versionId, req.body)),
  );
  app.get(
    '/api/conventions/:id/public',
    { config: { public: true }, schema: { tags, params: idParamsSchema, response: { 200: publicConventionSchema } } },
    async (req) => service.publicConvention(ctx, req.params.id),
  );
}
