import { z } from 'zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/context.js';
import type { App } from '../../platform/http/types.js';
import { contentType, Open311Error, render, renderObject, splitFile, type Format } from './format.js';
import * as s from './open311.service.js';
import {
  createOpen311ClientSchema,
  idParamsSchema,
  issuedOpen311ClientSchema,
  okSchema,
  open311ClientSchema,
  open311QuerySchema,
  open311RequestFieldsSchema,
  scopeQuerySchema,
  toFieldIssue,
} from '@linli/contracts';
import { actorOf } from '../../platform/http/types.js';
import { AppError, invalidField } from '../../platform/errors.js';
import { toOpen311Error } from './format.js';

const query = open311QuerySchema;
const fileParams = z.object({ file: z.string().max(100) });

/** Console side: a secretary issues and revokes the API keys of Open311 clients. */
function clientRoutes(app: App, ctx: AppContext): void {
  const tags = ['open311'];
  app.get(
    '/api/open311-clients',
    {
      config: { permission: 'open311.manage' },
      schema: { tags, querystring: scopeQuerySchema, response: { 200: z.object({ items: z.array(open311ClientSchema) }) } },
    },
    async (r) => s.listClients(ctx, actorOf(r), r.query.communityId),
  );
  app.post(
    '/api/open311-clients',
    { config: { permission: 'open311.manage' }, schema: { tags, body: createOpen311ClientSchema, response: { 201: issuedOpen311ClientSchema } } },
    async (r, reply) => reply.status(201).send(await s.createClient(ctx, actorOf(r), r.body)),
  );
  app.post(
    '/api/open311-clients/:id/revoke',
    { config: { permission: 'open311.manage' }, schema: { tags, params: idParamsSchema, response: { 200: okSchema } } },
    async (r) => s.revokeClient(ctx, actorOf(r), r.params.id),
  );
}

/** Open311 GeoReport v2 at /open311/v2: public, keyed by api_key for writes, errors in Open311's own shape. */
export function open311Routes(app: App, ctx: AppContext): void {
  clientRoutes(app, ctx);
  app.register(async (scope) => {
    // Open311 clients post forms; CRLF in text is kept and normalised by the service.
    // The app's body limit applies to this parser too (Fastify's default); a field given twice is refused, not overwritten.
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
      const fields = new Map<string, string>();
      for (const [key, value] of new URLSearchParams(body as string)) {
        if (fields.has(key)) return done(invalidField(key, 'repeated'), undefined);
        fields.set(key, value);
      }
      done(null, Object.fromEntries(fields));
    });
    scope.setErrorHandler((err, request, reply) => {
      const format: Format = request.url.split('?')[0]!.endsWith('.xml') ? 'xml' : 'json';
      const e = toOpen311Error(err) ?? new Open311Error(500, 500, 'internal error');
      if (e.status >= 500) request.log.error({ err }, 'open311 failed');
      return reply
        .status(e.status)
        .header('content-type', contentType[format])
        .send(Buffer.from(render(format, 'errors', 'error', [{ code: e.code, description: e.description }])));
    });

    // Set as a header, not reply.type(), which would append a charset: Open311 clients compare the type exactly.
    const send = (reply: FastifyReply, format: Format, body: string) => reply.header('content-type', contentType[format]).send(Buffer.from(body));
    const fileOf = (req: FastifyRequest<{ Params: { file: string } }>) => {
      const f = splitFile(req.params.file);
      if (!f) throw new Open311Error(404, 404, 'use .json or .xml');
      return f;
    };
    const base = (req: FastifyRequest) => `${req.protocol}://${req.headers.host ?? 'localhost'}`;
    const opts = { config: { public: true }, schema: { tags: ['open311'], params: fileParams, querystring: query } };

    scope.get('/open311/v2/:file', opts, async (req, reply) => {
      const { name, format } = fileOf(req as FastifyRequest<{ Params: { file: string } }>);
      const q = req.query as Record<string, string>;
      if (name === 'discovery') return send(reply, format, renderObject(format, 'discovery', await s.discovery(ctx, base(req))));
      if (name === 'services') return send(reply, format, render(format, 'services', 'service', await s.services(ctx, q.jurisdiction_id)));
      if (name === 'requests') return send(reply, format, render(format, 'service_requests', 'request', await s.listRequests(ctx, q)));
      throw new Open311Error(404, 404, `${name} not found`);
    });
    scope.post('/open311/v2/:file', { ...opts, schema: { ...opts.schema, body: z.record(z.string(), z.string()).optional() } }, async (req, reply) => {
      const { name, format } = fileOf(req as FastifyRequest<{ Params: { file: string } }>);
      if (name !== 'requests') throw new Open311Error(404, 404, `${name} not found`);
      const parsed = open311RequestFieldsSchema.safeParse({
        ...(req.query as Record<string, string>),
        ...((req.body as Record<string, string> | undefined) ?? {}),
      });
      if (!parsed.success) throw new AppError('VALIDATION_FAILED', 'open311 request refused', { fields: parsed.error.issues.map(toFieldIssue) });
      const fields = parsed.data as Record<string, string | undefined>;
      return send(reply.status(201), format, render(format, 'service_requests', 'request', await s.createRequest(ctx, fields)));
    });
    scope.get('/open311/v2/services/:file', opts, async (req, reply) => {
      const { name, format } = fileOf(req as FastifyRequest<{ Params: { file: string } }>);
      return send(
        reply,
        format,
        renderObject(format, 'service_definition', await s.serviceDefinition(ctx, (req.query as Record<string, string>).jurisdiction_id, name)),
      );
    });
    scope.get('/open311/v2/requests/:file', opts, async (req, reply) => {
      const { name, format } = fileOf(req as FastifyRequest<{ Params: { file: string } }>);
      return send(reply, format, render(format, 'service_requests', 'request', await s.getRequest(ctx, req.query as Record<string, string>, name)));
    });
    scope.get('/open311/v2/tokens/:file', opts, async (req, reply) => {
      const { name, format } = fileOf(req as FastifyRequest<{ Params: { file: string } }>);
      return send(
        reply,
        format,
        render(format, 'service_requests', 'request', await s.getToken(ctx, (req.query as Record<string, string>).jurisdiction_id, name)),
      );
    });
  });
}
