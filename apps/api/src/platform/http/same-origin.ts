import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** `scheme://host[:port]` of a URL, default ports dropped; undefined for anything unparsable. */
function originOf(url: string): string | undefined {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : undefined;
  } catch {
    return undefined;
  }
}

/** The origin the request was sent to; behind a trusted proxy Fastify takes protocol and host from X-Forwarded-*. */
function ownOrigin(request: FastifyRequest): string | undefined {
  return originOf(`${request.protocol}://${request.host}`);
}

/**
 * Refuses cross-site writes (ADR 0014): a POST/PUT/PATCH/DELETE that carries the session cookie, or goes to a route marked
 * `checkOrigin`, must come with an Origin (or, failing that, a Referer) equal to this server's own origin or one of
 * `allowedOrigins`. A request with neither header is not from a browser page (browsers always send Origin on a
 * cross-origin POST), so API clients and scripts pass. Runs before the body is read.
 */
export function registerSameOriginCheck(app: FastifyInstance, opts: { sessionCookie: string; allowedOrigins: readonly string[] }): void {
  const allowed = new Set(opts.allowedOrigins);
  app.addHook('onRequest', async (request) => {
    // Only /api uses the session; Open311 authenticates each write by its api_key, whatever cookie comes along.
    if (SAFE_METHODS.has(request.method) || !request.url.startsWith('/api/')) return;
    if (!request.cookies?.[opts.sessionCookie] && !request.routeOptions.config?.checkOrigin) return;
    const origin = request.headers.origin;
    const referer = request.headers.referer;
    if (origin === undefined && referer === undefined) return;
    // "null" (a sandboxed frame, a privacy redirect) and anything unparsable count as foreign.
    const source = origin !== undefined ? originOf(origin) : originOf(referer!);
    if (source && (source === ownOrigin(request) || allowed.has(source))) return;
    request.log.warn({ origin, referer, method: request.method, url: request.url }, 'cross-site request refused');
    throw new AppError('CSRF_REJECTED', 'cross-site request refused');
  });
}
