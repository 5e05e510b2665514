import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Permission } from '@linli/contracts';
import type { Actor } from '../access/actor.js';
import { AppError } from '../errors.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Every /api route as registered, with what it declares (route-table.ts). */
    routeTable: RouteInfo[];
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    /** The route answers without a session (h5 resident pages, Open311, login, first-admin setup, health). */
    public?: boolean;
    /**
     * What a logged-in caller needs (ADR 0018): a permission of the table in contracts, 'authenticated' (any role), or
     * 'policy' (a per-record rule in `<module>.policy.ts` picks the permission, e.g. the ticket action). Every /api
     * route declares this or `public`; the permission walk is generated from it.
     */
    permission?: Permission | 'authenticated' | 'policy';
    /** Check the Origin even without a session cookie (login, first-administrator setup): see same-origin.ts. */
    checkOrigin?: boolean;
  }
}

export interface RouteInfo {
  method: string;
  url: string;
  public: boolean;
  permission: Permission | 'authenticated' | 'policy' | null;
  /** The request schemas, for tests that call every route. */
  schema: { params?: unknown; querystring?: unknown; body?: unknown };
}

export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

/** The authenticated actor of a request; routes not marked public never see null. */
export function actorOf(request: { actor: Actor | null }): Actor {
  if (!request.actor) throw new AppError('UNAUTHENTICATED', 'not logged in');
  return request.actor;
}
