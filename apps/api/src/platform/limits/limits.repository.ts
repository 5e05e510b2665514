import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

/** Counter state after a hit: how many in the current window, and when the window (or the lock) ends. */
export interface CounterRow {
  count: number;
  expires_at: Date;
  locked_until: Date | null;
}

/**
 * Counts one hit on `key` in a fixed window, atomically (one upsert, so concurrent processes each get their own number).
 * A row past its `expires_at` starts again at 1 with a new window ending at `windowEnd`.
 */
export async function hitCounter(db: Kysely<DB>, key: string, now: Date, windowEnd: Date): Promise<CounterRow> {
  return db
    .insertInto('rate_limits')
    .values({ key, count: 1, expires_at: windowEnd, locked_until: null })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        count: sql<number>`case when rate_limits.expires_at <= ${now} then 1 else rate_limits.count + 1 end`,
        locked_until: sql<Date | null>`case when rate_limits.expires_at <= ${now} then null else rate_limits.locked_until end`,
        expires_at: sql<Date>`case when rate_limits.expires_at <= ${now} then excluded.expires_at else rate_limits.expires_at end`,
      }),
    )
    .returning(['count', 'expires_at', 'locked_until'])
    .executeTakeFirstOrThrow();
}

/** Sets a lock on a counter; a later lock never shortens an earlier one. The row lives until `expiresAt`. */
export async function lockCounter(db: Kysely<DB>, key: string, lockedUntil: Date, expiresAt: Date): Promise<void> {
  await db
    .updateTable('rate_limits')
    .set({
      locked_until: sql<Date>`greatest(coalesce(locked_until, ${lockedUntil}), ${lockedUntil})`,
      expires_at: sql<Date>`greatest(expires_at, ${expiresAt})`,
    })
    .where('key', '=', key)
    .execute();
}

/** Live counters among `keys` (expired rows count as absent). */
export async function findCounters(db: Kysely<DB>, keys: string[], now: Date): Promise<Array<CounterRow & { key: string }>> {
  if (keys.length === 0) return [];
  return db.selectFrom('rate_limits').select(['key', 'count', 'expires_at', 'locked_until']).where('key', 'in', keys).where('expires_at', '>', now).execute();
}

export async function deleteCounters(db: Kysely<DB>, keys: string[]): Promise<number> {
  if (keys.length === 0) return 0;
  const res = await db.deleteFrom('rate_limits').where('key', 'in', keys).executeTakeFirst();
  return Number(res.numDeletedRows);
}

/** Removes counters that have expired and hold no lock any more. */
export async function deleteExpiredCounters(db: Kysely<DB>, now: Date): Promise<number> {
  const res = await db
    .deleteFrom('rate_limits')
    .where('expires_at', '<=', now)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
    .executeTakeFirst();
  return Number(res.numDeletedRows);
}
