import { firstAdminSchema, setupStatusSchema } from '@linli/contracts';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import type { App } from '../../platform/http/types.js';
import { createFirstAdmin, isSetupNeeded } from './first-admin.service.js';

/** The console's /setup page: answers only while the installation has no account (ADR 0014). */
export function firstAdminRoutes(app: App, ctx: AppContext): void {
  const tags = ['auth'];
  app.get('/api/setup', { config: { public: true }, schema: { tags, response: { 200: setupStatusSchema } } }, async () => {
    if (!(await isSetupNeeded(ctx))) throw new AppError('NOT_FOUND', 'setup is done');
    return { needed: true as const };
  });
  app.post(
    '/api/setup',
    {
      config: { public: true, checkOrigin: true, rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: { tags, body: firstAdminSchema, response: { 201: z.object({ id: z.number(), username: z.string() }) } },
    },
    async (request, reply) => reply.status(201).send(await createFirstAdmin(ctx, request.body, { requestId: request.id })),
  );
}
