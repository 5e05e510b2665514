import { z } from 'zod';
import { createWebhookSchema, idParamsSchema, scopeQuerySchema, updateWebhookSchema, webhookDeliverySchema, webhookSchema } from '@linli/contracts';
import type { AppContext } from '../../platform/context.js';
import { actorOf, type App } from '../../platform/http/types.js';
import * as s from './webhooks.service.js';

export function webhooksRoutes(app: App, ctx: AppContext): void {
  const tags = ['webhooks'];
  app.get(
    '/api/webhooks',
    {
      config: { permission: 'webhooks.manage' },
      schema: { tags, querystring: scopeQuerySchema, response: { 200: z.object({ items: z.array(webhookSchema) }) } },
    },
    async (r) => s.listWebhooks(ctx, actorOf(r), r.query.communityId),
  );
  app.post(
    '/api/webhooks',
    { config: { permission: 'webhooks.manage' }, schema: { tags, body: createWebhookSchema, response: { 201: webhookSchema } } },
    async (r, reply) => reply.status(201).send(await s.createWebhook(ctx, actorOf(r), r.body)),
  );
  app.patch(
    '/api/webhooks/:id',
    { config: { permission: 'webhooks.manage' }, schema: { tags, params: idParamsSchema, body: updateWebhookSchema, response: { 200: webhookSchema } } },
    async (r) => s.updateWebhook(ctx, actorOf(r), r.params.id, r.body),
  );
  app.post(
    '/api/webhooks/:id/resume',
    { config: { permission: 'webhooks.manage' }, schema: { tags, params: idParamsSchema, response: { 200: webhookSchema } } },
    async (r) => s.resumeWebhook(ctx, actorOf(r), r.params.id),
  );
  app.get(
    '/api/webhooks/:id/deliveries',
    {
      config: { permission: 'webhooks.manage' },
      schema: { tags, params: idParamsSchema, response: { 200: z.object({ items: z.array(webhookDeliverySchema) }) } },
    },
    async (r) => s.listDeliveries(ctx, actorOf(r), r.params.id),
  );
}
