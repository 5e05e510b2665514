import type { FastifyHelmetOptions } from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * Security headers on every answer (ADR 0014). The built pages load scripts only from their own files, so script-src is
 * 'self' alone. Styles need 'unsafe-inline': antd writes its CSS-in-JS into <style> elements at run time, and React and
 * Swagger UI set style attributes. Images may be data: and blob: URLs (photo previews before upload, antd's icons).
 */
export const helmetOptions: FastifyHelmetOptions = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      scriptSrcAttr: ["'none'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  },
  // Sent by registerHsts, and only over HTTPS: an installation on plain http inside an office network must keep working.
  strictTransportSecurity: false,
  // The tracking page's address holds the reporter's code: it must never reach another site in a Referer. Not
  // "no-referrer": with it, browsers send "Origin: null" on same-origin POSTs and the same-origin check would refuse them.
  referrerPolicy: { policy: 'same-origin' },
  // The resident pages open in WeChat's browser and may be shared; nothing here needs cross-origin isolation.
  crossOriginEmbedderPolicy: false,
  frameguard: { action: 'deny' },
};

const HSTS = 'max-age=31536000';

/** Strict-Transport-Security on answers to HTTPS requests (directly or, behind a trusted proxy, per X-Forwarded-Proto). */
export function registerHsts(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply) => {
    if (request.protocol === 'https') reply.header('strict-transport-security', HSTS);
  });
}
