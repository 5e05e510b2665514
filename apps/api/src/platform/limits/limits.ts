import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { AppError } from '../errors.js';
import type { PeriodicJob } from '../jobs/scheduler.js';
import * as repo from './limits.repository.js';

/**
 * Rate limits whose counters live in the database, so they hold across every API process on one PostgreSQL server
 * (ADR 0011). Each check is one statement; keys are namespaced strings such as `login:account:42`.
 */

export type LimitCode = 'RATE_LIMITED' | 'TOO_MANY_REPORTS';

/** The 429 answer: `details.retryAfterSeconds` becomes the Retry-After header and the "try again in N minutes" text. */
export function rateLimited(until: Date, now: Date, code: LimitCode = 'RATE_LIMITED'): AppError {
  const retryAfterSeconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  return new AppError(code, 'rate limited', { retryAfterSeconds, retryAt: until.toISOString() });
}

/** Counts one hit on `key`; throws a 429 once more than `max` hits fall into the current window of `windowMs`. */
export async function consumeLimit(db: Kysely<DB>, limit: { key: string; max: number; windowMs: number; code?: LimitCode }, now = new Date()): Promise<void> {
  const row = await repo.hitCounter(db, limit.key, now, new Date(now.getTime() + limit.windowMs));
  if (row.count > limit.max) throw rateLimited(row.expires_at, now, limit.code);
}

/** A lock that grows: after `lockAfter` failures the key is locked for `lockMs`, doubling with each further failure up to `maxLockMs`. */
export interface LockPolicy {
  lockAfter: number;
  lockMs: number;
  maxLockMs: number;
  /** How long failures are remembered after the first one (or after the last lock ends). */
  forgetMs: number;
}

/** The lock duration after `failures` failures, or 0 while under the threshold. Pure, unit-tested. */
export function lockDurationMs(failures: number, policy: Pick<LockPolicy, 'lockAfter' | 'lockMs' | 'maxLockMs'>): number {
  if (failures < policy.lockAfter) return 0;
  const exponent = Math.min(failures - policy.lockAfter, 30);
  return Math.min(policy.lockMs * 2 ** exponent, policy.maxLockMs);
}

/** Throws a 429 if any of `keys` is locked now; the retry time is the latest lock among them. */
export async function assertNotLocked(db: Kysely<DB>, keys: string[], now = new Date()): Promise<void> {
  const rows = await repo.findCounters(db, keys, now);
  const until = rows
    .map((r) => r.locked_until)
    .filter((d): d is Date => d !== null && d > now)
    .sort((a, b) => b.getTime() - a.getTime())[0];
  if (until) throw rateLimited(until, now);
}

/** Records one failure on `key` and locks it when the policy says so. Returns the lock's end, if any. */
export async function recordFailure(db: Kysely<DB>, key: string, policy: LockPolicy, now = new Date()): Promise<Date | null> {
  const row = await repo.hitCounter(db, key, now, new Date(now.getTime() + policy.forgetMs));
  const ms = lockDurationMs(row.count, policy);
  if (ms === 0) return null;
  const until = new Date(now.getTime() + ms);
  await repo.lockCounter(db, key, until, new Date(until.getTime() + policy.forgetMs));
  return until;
}

/** Forgets the counters of `keys` (a successful login, or an administrator's unlock). Returns how many were live. */
export function clearLimits(db: Kysely<DB>, keys: string[]): Promise<number> {
  return repo.deleteCounters(db, keys);
}

/** The current lock of each locked key among `keys`. */
export async function findLocks(db: Kysely<DB>, keys: string[], now = new Date()): Promise<Map<string, Date>> {
  const rows = await repo.findCounters(db, keys, now);
  return new Map(rows.filter((r) => r.locked_until && r.locked_until > now).map((r) => [r.key, r.locked_until!]));
}

/** Removes expired counters so the table stays as small as the live limits. */
export const rateLimitCleanupJob: PeriodicJob = {
  name: 'rate-limits.cleanup',
  everyMs: 10 * 60_000,
  async run(ctx, now) {
    const removed = await repo.deleteExpiredCounters(ctx.db, now);
    if (removed > 0) ctx.log.debug({ removed }, 'expired rate-limit counters removed');
  },
};
