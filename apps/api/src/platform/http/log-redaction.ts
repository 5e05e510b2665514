import type { FastifyBaseLogger } from 'fastify';
import type { pino } from 'pino';

/**
 * Secrets that travel in URLs never reach the log (ADR 0010): a resident's tracking code in the public tracking paths
 * (`/api/public/tickets/<code>…`, `/h5/track/<code>`), anything shaped like a tracking code elsewhere (a staff search),
 * and an Open311 `api_key` in a query string.
 */
const secretPaths = /(\/api\/public\/tickets\/|\/h5\/track\/)[^/?#]+/gi;
const codeShaped = /\bLL[A-Z0-9]{10}\b/gi;
const secretParams = /([?&]api_key=)[^&#]*/gi;

export function redactUrl(url: string): string {
  return url.replace(secretPaths, '$1[redacted]').replace(codeShaped, '[redacted]').replace(secretParams, '$1[redacted]');
}

interface LoggedRequest {
  method?: string;
  url?: string;
  host?: string;
  ip?: string;
  socket?: { remotePort?: number };
}

/** Fastify's request serializer, with the URL redacted. */
export const logSerializers = {
  req(req: LoggedRequest) {
    return {
      method: req.method,
      url: req.url === undefined ? undefined : redactUrl(req.url),
      host: req.host,
      remoteAddress: req.ip,
      remotePort: req.socket?.remotePort,
    };
  },
};

/** The app's logger: whatever logger the context has, with the redacting serializers (they win over Fastify's own). */
export function redactingLogger(log: pino.Logger): FastifyBaseLogger {
  return log.child({}, { serializers: logSerializers }) as unknown as FastifyBaseLogger;
}
