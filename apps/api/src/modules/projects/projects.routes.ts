import { z } from 'zod';
import {
  addMilestoneSchema,
  claimProjectSchema,
  createProjectSchema,
  idParamsSchema,
  idSchema,
  milestoneParamsSchema,
  projectListQuerySchema,
  projectListSchema,
  projectProgressSchema,
  projectSchema,
  projectStepSchema,
  publicProjectListSchema,
  rateProjectSchema,
} from '@linli/contracts';
import type { AppContext } from '../../platform/context.js';
import { actorOf, type App } from '../../platform/http/types.js';
import * as service from './projects.service.js';

const communityQuery = z.object({ communityId: idSchema.optional() });
const codeParams = z.object({ code: z.string().trim().min(1).max(40) });

/** 为民办实事 projects (/api/projects) and the residents' public list and rating (ADR 0047). */
export function projectsRoutes(app: App, ctx: AppContext): void {
  const tags = ['projects'];
  const one = { 200: projectSchema };
  app.get(
    '/api/projects',
    { config: { permission: 'projects.read' }, schema: { tags, querystring: projectListQuerySchema, response: { 200: projectListSchema } } },
    async (r) => service.listProjects(ctx, actorOf(r), r.query),
  );
  app.get(
    '/api/projects/:id',
    { config: { permission: 'projects.read' }, schema: { tags, params: idParamsSchema, querystring: communityQuery, response: one } },
    async (r) => service.getProject(ctx, actorOf(r), r.params.id, r.query.communityId),
  );
  app.post(
    '/api/projects',
    { config: { permission: 'projects.write' }, schema: { tags, body: createProjectSchema, response: { 201: projectSchema } } },
    async (r, reply) => reply.status(201).send(await service.createProject(ctx, actorOf(r), r.body)),
  );
  for (const move of ['approve', 'reject', 'start', 'complete'] as const) {
    app.post(
      `/api/projects/:id/${move}`,
      {
        config: { permission: 'projects.write' },
        schema: { tags, params: idParamsSchema, querystring: communityQuery, body: projectStepSchema, response: one },
      },
      async (r) => service.moveProject(ctx, actorOf(r), r.params.id, move, r.body.note, r.query.communityId),
    );
  }
  app.post(
    '/api/projects/:id/claims',
    {
      config: { permission: 'projects.claim' },
      schema: { tags, params: idParamsSchema, querystring: communityQuery, body: claimProjectSchema, response: one },
    },
    async (r) => service.claimProject(ctx, actorOf(r), r.params.id, r.body, r.query.communityId),
  );
  app.post(
    '/api/projects/:id/progress',
    {
      config: { permission: 'projects.write' },
      schema: { tags, params: idParamsSchema, querystring: communityQuery, body: projectProgressSchema, response: one },
    },
    async (r) => service.setProgress(ctx, actorOf(r), r.params.id, r.body.percent, r.body.note, r.query.communityId),
  );
  app.post(
    '/api/projects/:id/milestones',
    {
      config: { permission: 'projects.write' },
      schema: { tags, params: idParamsSchema, querystring: communityQuery, body: addMilestoneSchema, response: one },
    },
    async (r) => service.addMilestone(ctx, actorOf(r), r.params.id, r.body, r.query.communityId),
  );
  app.post(
    '/api/projects/:id/milestones/:milestoneId/done',
    { config: { permission: 'projects.write' }, schema: { tags, params: milestoneParamsSchema, querystring: communityQuery, response: one } },
    async (r) => service.completeMilestone(ctx, actorOf(r), r.params.id, r.params.milestoneId, r.query.communityId),
  );
  app.get(
    '/api/public/communities/:code/projects',
    { config: { public: true }, schema: { tags: ['public'], params: codeParams, response: { 200: publicProjectListSchema } } },
    async (r) => service.publicProjects(ctx, r.params.code),
  );
  app.post(
    '/api/public/projects/:id/ratings',
    {
      config: { public: true, rateLimit: { max: 5, timeWindow: '1 minute' } },
      schema: { tags: ['public'], params: idParamsSchema, body: rateProjectSchema, response: { 201: publicProjectListSchema.shape.items.element } },
    },
    async (r, reply) => reply.status(201).send(await service.rateProject(ctx, r.params.id, r.body)),
  );
}
