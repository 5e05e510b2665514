import { pickLocale } from '@linli/contracts';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { authorize } from '../../platform/access/actor.js';
import type { App } from '../../platform/http/types.js';
import { registerRouteTable } from '../../platform/http/route-table.js';
import { authenticate, SESSION_COOKIE } from './auth.service.js';

/** Sets request.actor from the session cookie; refuses non-public /api and /open311 routes without one, and callers without the route's permission. */
export function registerAuthentication(app: App, ctx: AppContext): void {
  registerRouteTable(app);
  app.decorateRequest('actor', null);
  app.addHook('preHandler', async (request) => {
    if (!request.url.startsWith('/api/') || request.url.startsWith('/api/docs')) return;
    const locale = pickLocale(request.headers['accept-language']);
    request.actor = await authenticate(ctx, request.cookies[SESSION_COOKIE], request.id, locale);
    const config = request.routeOptions.config;
    if (!request.actor && !config?.public && request.routeOptions.url) {
      throw new AppError('UNAUTHENTICATED', 'not logged in');
    }
    // The route's declared permission is the gate (ADR 0018); services still check it, and per-record rules after it.
    if (request.actor && config?.permission && config.permission !== 'authenticated' && config.permission !== 'policy') {
      authorize(request.actor, config.permission);
    }
  });
}
