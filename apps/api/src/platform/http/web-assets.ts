import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import fastifyStatic from '@fastify/static';
import type { FastifyRequest } from 'fastify';
import type { App } from './types.js';

/** Hashed build output (Vite writes `assets/<name>-<hash>.<ext>`): its name changes whenever its content does. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

type Encoding = 'br' | 'gzip';
const preferredEncoding = (request: FastifyRequest): Encoding | undefined => {
  const accepted = String(request.headers['accept-encoding'] ?? '')
    .split(',')
    .map((part) => part.trim().split(';'))
    .filter(([, q]) => !q || !/^q=0(\.0*)?$/.test(q.trim()))
    .map(([name]) => name!.trim().toLowerCase());
  if (accepted.includes('br')) return 'br';
  if (accepted.includes('gzip')) return 'gzip';
  return undefined;
};

/** One page shell, kept in memory with its compressed forms (a few hundred bytes each, made once at start). */
function shell(file: string) {
  const html = fs.readFileSync(file);
  return {
    identity: html,
    br: zlib.brotliCompressSync(html, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }),
    gzip: zlib.gzipSync(html, { level: 9 }),
  };
}

/**
 * Serves the built web app (ADR 0026): files precompressed at build (`.br`, `.gz` beside each), hashed assets cached
 * for a year, the page shells revalidated on every load; any other GET outside the API answers with its shell.
 */
export async function registerWebAssets(app: App, webDist: string): Promise<void> {
  const assetsDir = path.join(webDist, 'assets') + path.sep;
  await app.register(fastifyStatic, {
    root: webDist,
    wildcard: false,
    index: false,
    preCompressed: true,
    cacheControl: false,
    // The build's freshness stamps sit beside its output; they are not part of the app.
    allowedPath: (pathName) => !pathName.endsWith('.stamp'),
    setHeaders(res, filePath) {
      res.setHeader('vary', 'accept-encoding');
      res.setHeader('cache-control', filePath.startsWith(assetsDir) ? IMMUTABLE : 'no-cache');
    },
  });
  const consoleShell = shell(path.join(webDist, 'index.html'));
  const h5Path = path.join(webDist, 'h5.html');
  const h5Shell = fs.existsSync(h5Path) ? shell(h5Path) : consoleShell;
  // Client-side routes: any other GET outside the API answers with the page of its shell.
  app.get('/*', { config: { public: true }, schema: { hide: true } }, async (request, reply) => {
    if (request.url.startsWith('/api/') || request.url.startsWith('/open311/')) throw Object.assign(new Error('not found'), { statusCode: 404 });
    const pathname = request.url.split('?')[0]!;
    const page = pathname === '/h5' || pathname.startsWith('/h5/') ? h5Shell : consoleShell;
    const encoding = preferredEncoding(request);
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').header('vary', 'accept-encoding');
    if (!encoding) return reply.send(page.identity);
    return reply.header('content-encoding', encoding).send(page[encoding]);
  });
}
