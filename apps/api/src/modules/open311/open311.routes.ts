import { z } from 'zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/context.js';
import type { App } from '../../platform/http/types.js';
import { contentType, Open311Error, render, renderObject, splitFile, type Format } from './format.js';
import * as s from './open311.service.js';
import { open311Paths } from './open311.service.js';
import { getRequest, getToken, listRequests } from './requests.js';
import { listUpdates, postUpdate } from './updates.js';
import { mediaFile } from './media.js';
import { readOpen311Body } from './body.js';
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
    const fileOf = (req: FastifyRequest) => {
      const f = splitFile((req.params as { file: string }).file);
      if (!f) throw new Open311Error(404, 404, 'use .json or .xml');
      return f;
    };
    const base = (req: FastifyRequest) => `${req.protocol}://${req.headers.host ?? 'localhost'}`;
    const queryOf = (req: FastifyRequest) => req.query as Record<string, string>;
    const opts = { config: { public: true }, schema: { tags: ['open311'], params: fileParams, querystring: query } };

    scope.get('/open311/v2/media/:file', opts, async (req, reply) => {
      const photo = await mediaFile(ctx, (req.params as { file: string }).file);
      return reply.header('content-type', photo.mime).header('cache-control', 'private, max-age=86400').send(photo.data);
    });

    // The production endpoint and the test one (same reads; a POST there is checked and not written).
    for (const [path, dryRun] of [
      [open311Paths.production, false],
      [open311Paths.test, true],
    ] as const) {
      scope.get(`${path}/:file`, opts, async (req, reply) => {
        const { name, format } = fileOf(req);
        const q = queryOf(req);
        if (name === 'discovery') return send(reply, format, renderObject(format, 'discovery', await s.discovery(ctx, base(req))));
        if (name === 'services') return send(reply, format, render(format, 'services', 'service', await s.services(ctx, q.jurisdiction_id)));
        if (name === 'requests') return send(reply, format, render(format, 'service_requests', 'request', await listRequests(ctx, base(req), q)));
        if (name === 'servicerequestupdates')
          return send(reply, format, render(format, 'service_request_updates', 'request_update', await listUpdates(ctx, q)));
        throw new Open311Error(404, 404, `${name} not found`);
      });
      // The body is read by readOpen311Body (form, multipart or JSON), not by a schema: multipart has no body to validate.
      scope.post(`${path}/:file`, opts, async (req, reply) => {
        const { name, format } = fileOf(req);
        if (name !== 'requests' && name !== 'servicerequestupdates') throw new Open311Error(404, 404, `${name} not found`);
        const { fields: raw, media } = await readOpen311Body(req);
        const parsed = open311RequestFieldsSchema.safeParse(raw);
        if (!parsed.success) throw new AppError('VALIDATION_FAILED', 'open311 request refused', { fields: parsed.error.issues.map(toFieldIssue) });
        const fields = parsed.data as Record<string, string | undefined>;
        if (name === 'servicerequestupdates')
          return send(reply, format, render(format, 'service_request_updates', 'request_update', await postUpdate(ctx, fields, media, dryRun)));
        return send(reply.status(201), format, render(format, 'service_requests', 'request', await s.createRequest(ctx, fields, media, dryRun)));
      });
      scope.get(`${path}/services/:file`, opts, async (req, reply) => {
        const { name, format } = fileOf(req);
        return send(reply, format, renderObject(format, 'service_definition', await s.serviceDefinition(ctx, queryOf(req).jurisdiction_id, name)));
      });
      scope.get(`${path}/requests/:file`, opts, async (req, reply) => {
        const { name, format } = fileOf(req);
        return send(reply, format, render(format, 'service_requests', 'request', await getRequest(ctx, base(req), queryOf(req), name)));
      });
      scope.get(`${path}/tokens/:file`, opts, async (req, reply) => {
        const { name, format } = fileOf(req);
        return send(reply, format, render(format, 'service_requests', 'request', await getToken(ctx, queryOf(req).jurisdiction_id, name)));
      });
    }
  });
}
