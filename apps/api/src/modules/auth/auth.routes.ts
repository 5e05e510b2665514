import { changePasswordSchema, healthSchema, loginSchema, meSchema, okSchema } from '@linli/contracts';
import type { AppContext } from '../../platform/context.js';
import { actorOf, type App } from '../../platform/http/types.js';
import * as service from './auth.service.js';

export function authRoutes(app: App, ctx: AppContext): void {
  app.get('/api/health', { config: { public: true }, schema: { tags: ['system'], response: { 200: healthSchema } } }, async () => {
    await service.checkDatabase(ctx);
    return { status: 'ok' as const, database: ctx.engine, version: ctx.version };
  });

  app.post(
    '/api/auth/login',
    {
      // Limited in the service, per address and per account, with counters in the database (ADR 0011).
      config: { public: true, checkOrigin: true },
      schema: { tags: ['auth'], body: loginSchema, response: { 200: meSchema } },
    },
    async (request, reply) => {
      const { token, expiresAt } = await service.login(ctx, request.body, {
        ip: request.ip,
        userAgent: request.headers['user-agent'],
        requestId: request.id,
      });
      reply.setCookie(service.SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'lax',
        secure: ctx.config.http.cookieSecure || request.protocol === 'https',
        path: '/',
        expires: expiresAt,
      });
      const actor = await service.authenticate(ctx, token, request.id, 'zh-CN');
      return service.getMe(ctx, actorOf({ actor }));
    },
  );

  app.post('/api/auth/logout', { config: { public: true }, schema: { tags: ['auth'], response: { 200: okSchema } } }, async (request, reply) => {
    await service.logout(ctx, request.cookies[service.SESSION_COOKIE]);
    reply.clearCookie(service.SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  });

  app.get('/api/auth/me', { config: { permission: 'authenticated' }, schema: { tags: ['auth'], response: { 200: meSchema } } }, async (request) =>
    service.getMe(ctx, actorOf(request)),
  );

  app.post(
    '/api/auth/password',
    { config: { permission: 'authenticated' }, schema: { tags: ['auth'], body: changePasswordSchema, response: { 200: okSchema } } },
    async (request) => {
      await service.changePassword(ctx, actorOf(request), request.body, request.cookies[service.SESSION_COOKIE]);
      return { ok: true as const };
    },
  );
}
