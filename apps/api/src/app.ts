import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Fastify from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from './platform/context.js';
import { registerErrorHandler } from './platform/http/error-handler.js';
import { redactingLogger } from './platform/http/log-redaction.js';
import type { App } from './platform/http/types.js';
import { moduleRoutes } from './modules/index.js';
import { registerAuthentication } from './modules/auth/index.js';

/** Builds the HTTP app: plugins, authentication, every module's routes, and the built web app. */
export async function buildApp(ctx: AppContext, opts: { serveWeb?: boolean } = {}): Promise<App> {
  const app = Fastify({
    loggerInstance: redactingLogger(ctx.log),
    genReqId: () => crypto.randomUUID(),
    trustProxy: true,
    bodyLimit: 2 * 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: 20 * 1024 * 1024, files: 5 } });
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: { info: { title: 'Linli API', version: ctx.version }, components: {} },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  registerErrorHandler(app);
  registerAuthentication(app, ctx);
  for (const mount of moduleRoutes) mount(app, ctx);

  const webDist = opts.serveWeb === false ? undefined : (ctx.config.http.webDist ?? findWebDist());
  if (webDist) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false, index: false });
    const consoleHtml = fs.readFileSync(path.join(webDist, 'index.html'), 'utf8');
    const h5Path = path.join(webDist, 'h5.html');
    const h5Html = fs.existsSync(h5Path) ? fs.readFileSync(h5Path, 'utf8') : consoleHtml;
    // Client-side routes: any other GET outside the API answers with the page of its shell.
    app.get('/*', { config: { public: true }, schema: { hide: true } }, async (request, reply) => {
      if (request.url.startsWith('/api/') || request.url.startsWith('/open311/')) throw Object.assign(new Error('not found'), { statusCode: 404 });
      const pathname = request.url.split('?')[0]!;
      const html = pathname === '/h5' || pathname.startsWith('/h5/') ? h5Html : consoleHtml;
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(html);
    });
  }
  return app;
}

function findWebDist(): string | undefined {
  const candidates = [path.resolve('apps/web/dist'), path.resolve(import.meta.dirname ?? '.', '../../web/dist')];
  return candidates.find((dir) => fs.existsSync(path.join(dir, 'index.html')));
}
