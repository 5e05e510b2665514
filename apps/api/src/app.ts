import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Fastify from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from './platform/context.js';
import { registerErrorHandler } from './platform/http/error-handler.js';
import { helmetOptions, registerHsts } from './platform/http/security-headers.js';
import { registerSameOriginCheck } from './platform/http/same-origin.js';
import { registerInputHygiene } from './platform/http/input-hygiene.js';
import { uploadLimits } from './platform/http/uploads.js';
import { redactingLogger } from './platform/http/log-redaction.js';
import { registerWebAssets } from './platform/http/web-assets.js';
import type { App } from './platform/http/types.js';
import { moduleRoutes } from './modules/index.js';
import { registerAuthentication, SESSION_COOKIE } from './modules/auth/index.js';
import { databaseRateLimitStore } from './platform/limits/db-store.js';

/** Builds the HTTP app: plugins, authentication, every module's routes, and the built web app. */
export async function buildApp(ctx: AppContext, opts: { serveWeb?: boolean } = {}): Promise<App> {
  const app = Fastify({
    loggerInstance: redactingLogger(ctx.log),
    genReqId: () => crypto.randomUUID(),
    // Only listed proxies may name the client (TRUST_PROXY); with none, request.ip is the socket's address.
    trustProxy: ctx.config.http.trustProxy.length > 0 ? ctx.config.http.trustProxy : false,
    bodyLimit: 2 * 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerInputHygiene(app);
  registerErrorHandler(app);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(cookie);
  await app.register(helmet, helmetOptions);
  registerHsts(app);
  registerSameOriginCheck(app, { sessionCookie: SESSION_COOKIE, allowedOrigins: ctx.config.publicOrigins });
  await app.register(multipart, { limits: { fileSize: uploadLimits.fileSize, files: uploadLimits.files } });
  await app.register(rateLimit, { global: false, store: databaseRateLimitStore(ctx.db) });
  await app.register(swagger, {
    openapi: { info: { title: 'Linli API', version: ctx.version }, components: {} },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  registerAuthentication(app, ctx);
  for (const mount of moduleRoutes) mount(app, ctx);

  const webDist = opts.serveWeb === false ? undefined : (ctx.config.http.webDist ?? findWebDist());
  if (webDist) await registerWebAssets(app, webDist);
  return app;
}

function findWebDist(): string | undefined {
  const candidates = [path.resolve('apps/web/dist'), path.resolve(import.meta.dirname ?? '.', '../../web/dist')];
  return candidates.find((dir) => fs.existsSync(path.join(dir, 'index.html')));
}
