import { pickLocale } from '@linli/contracts';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import type { App } from '../../platform/http/types.js';
import { authenticate, SESSION_COOKIE } from './auth.service.js';

/** Sets request.actor from the session cookie; refuses non-public /api and /open311 routes without one. */
export function registerAuthentication(app: App, ctx: AppContext): void {
  app.decorateRequest('actor', null);
  app.addHook('preHandler', async (request) => {
    if (!request.url.startsWith('/api/') || request.url.startsWith('/api/docs')) return;
    const locale = pickLocale(request.headers['accept-language']);
    request.actor = await authenticate(ctx, request.cookies[SESSION_COOKIE], request.id, locale);
    if (!request.actor && !request.routeOptions.config?.public && request.routeOptions.url) {
      throw new AppError('UNAUTHENTICATED', 'not logged in');
    }
  });
}
