import {
  addSessionItemSchema,
  answerSessionItemSchema,
  createSecretarySessionSchema,
  escalateSessionItemSchema,
  followUpSessionItemSchema,
  idParamsSchema,
  secretarySessionListQuerySchema,
  secretarySessionPageSchema,
  secretarySessionSchema,
  sessionCommitmentPageSchema,
  sessionCommitmentQuerySchema,
  sessionItemSchema,
  updateSecretarySessionSchema,
} from '@linli/contracts';
import type { AppContext } from '../../../platform/context.js';
import { actorOf, type App } from '../../../platform/http/types.js';
import * as service from './sessions.service.js';
import { escalateItem } from './escalate-item.js';

/** 书记面对面 (ADR 0029). The service narrows a department contact to its own organisation's sessions and items. */
export function sessionsRoutes(app: App, ctx: AppContext): void {
  const tags = ['secretary-sessions'];
  app.get(
    '/api/secretary-sessions',
    { config: { permission: 'sessions.read' }, schema: { tags, querystring: secretarySessionListQuerySchema, response: { 200: secretarySessionPageSchema } } },
    async (req) => service.listSessions(ctx, actorOf(req), req.query),
  );
  app.get(
    '/api/secretary-sessions/commitments',
    { config: { permission: 'sessions.read' }, schema: { tags, querystring: sessionCommitmentQuerySchema, response: { 200: sessionCommitmentPageSchema } } },
    async (req) => service.listCommitments(ctx, actorOf(req), req.query),
  );
  app.get(
    '/api/secretary-sessions/:id',
    { config: { permission: 'sessions.read' }, schema: { tags, params: idParamsSchema, response: { 200: secretarySessionSchema } } },
    async (req) => service.getSession(ctx, actorOf(req), req.params.id),
  );
  app.post(
    '/api/secretary-sessions',
    { config: { permission: 'sessions.write' }, schema: { tags, body: createSecretarySessionSchema, response: { 201: secretarySessionSchema } } },
    async (req, reply) => reply.status(201).send(await service.createSession(ctx, actorOf(req), req.body)),
  );
  app.patch(
    '/api/secretary-sessions/:id',
    {
      config: { permission: 'sessions.write' },
      schema: { tags, params: idParamsSchema, body: updateSecretarySessionSchema, response: { 200: secretarySessionSchema } },
    },
    async (req) => service.updateSession(ctx, actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/secretary-sessions/:id/items',
    { config: { permission: 'sessions.write' }, schema: { tags, params: idParamsSchema, body: addSessionItemSchema, response: { 201: sessionItemSchema } } },
    async (req, reply) => reply.status(201).send(await service.addItem(ctx, actorOf(req), req.params.id, req.body)),
  );
  app.post(
    '/api/secretary-session-items/:id/answer',
    {
      config: { permission: 'sessions.answer' },
      schema: { tags, params: idParamsSchema, body: answerSessionItemSchema, response: { 200: sessionItemSchema } },
    },
    async (req) => service.answerItem(ctx, actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/secretary-session-items/:id/follow-ups',
    {
      config: { permission: 'sessions.write' },
      schema: { tags, params: idParamsSchema, body: followUpSessionItemSchema, response: { 200: sessionItemSchema } },
    },
    async (req) => service.followUpItem(ctx, actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/secretary-session-items/:id/escalate',
    {
      config: { permission: 'sessions.write' },
      schema: { tags, params: idParamsSchema, body: escalateSessionItemSchema, response: { 200: sessionItemSchema } },
    },
    async (req) => escalateItem(ctx, actorOf(req), req.params.id, req.body),
  );
}
