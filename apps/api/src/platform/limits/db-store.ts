import type { FastifyRateLimitStore } from '@fastify/rate-limit';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { hitCounter } from './limits.repository.js';

type IncrCallback = (error: Error | null, result?: { current: number; ttl: number }) => void;

/**
 * A store for @fastify/rate-limit that keeps its counters in the database, so a route's `config.rateLimit`
 * holds across API processes. Each route gets its own key space (method and path).
 */
export function databaseRateLimitStore(db: Kysely<DB>) {
  return class DatabaseRateLimitStore implements FastifyRateLimitStore {
    constructor(
      _options: unknown,
      private readonly prefix = 'route:*:',
    ) {}

    incr(key: string, callback: IncrCallback, timeWindow: number): void {
      const now = new Date();
      hitCounter(db, `${this.prefix}${key}`, now, new Date(now.getTime() + timeWindow)).then(
        (row) => callback(null, { current: row.count, ttl: Math.max(0, row.expires_at.getTime() - now.getTime()) }),
        (err: Error) => callback(err),
      );
    }

    child(routeOptions: Parameters<FastifyRateLimitStore['child']>[0]): DatabaseRateLimitStore {
      // At run time the plugin passes the route's merged limit options, with the route itself under `routeInfo`.
      const info = (routeOptions as unknown as { routeInfo?: { method?: string | string[]; url?: string } }).routeInfo ?? {};
      const method = Array.isArray(info.method) ? info.method.join(',') : (info.method ?? '*');
      return new DatabaseRateLimitStore(undefined, `route:${method} ${info.url ?? '*'}:`);
    }
  };
}
