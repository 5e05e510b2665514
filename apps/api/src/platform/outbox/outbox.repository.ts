import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { dueBefore } from '../time.js';

type Db = Kysely<DB>;

export function insertOutbox(db: Db, name: string, payload: unknown) {
  return db
    .insertInto('outbox')
    .values({ name, payload: JSON.stringify(payload) })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export interface ClaimedEvent {
  id: number;
  name: string;
  payload: unknown;
  created_at: Date;
  attempts: number;
  done_subscribers: string[];
}

/**
 * Leases up to `limit` due events to `owner` until `until`. SKIP LOCKED lets several processes claim side by side on
 * PostgreSQL without waiting on each other; the lease makes an event whose process died claimable again once it passes.
 */
export async function claimDueEvents(db: Db, owner: string, now: Date, until: Date, limit: number): Promise<ClaimedEvent[]> {
  const { rows } = await sql<ClaimedEvent>`
    update outbox set locked_by = ${owner}, locked_until = ${until}
    where id in (
      select id from outbox
      where dispatched_at is null and dead_at is null and next_attempt_at < ${dueBefore(now)} and (locked_until is null or locked_until <= ${now})
      order by id limit ${limit}
      for update skip locked
    )
    returning id, name, payload, created_at, attempts, done_subscribers`.execute(db);
  return rows.sort((a, b) => a.id - b.id);
}

export function markDispatched(db: Db, id: number, owner: string, done: string[], now: Date) {
  return db
    .updateTable('outbox')
    .set({ dispatched_at: now, done_subscribers: done, locked_by: null, locked_until: null, last_error: null })
    .where('id', '=', id)
    .where('locked_by', '=', owner)
    .execute();
}

/** A failed attempt: what did succeed is kept, the rest is retried at `retryAt`, or never again when `retryAt` is null. */
export function markAttemptFailed(db: Db, id: number, owner: string, v: { done: string[]; attempts: number; error: string; retryAt: Date | null; now: Date }) {
  return db
    .updateTable('outbox')
    .set({
      done_subscribers: v.done,
      attempts: v.attempts,
      last_error: v.error,
      locked_by: null,
      locked_until: null,
      next_attempt_at: v.retryAt ?? v.now,
      dead_at: v.retryAt ? null : v.now,
    })
    .where('id', '=', id)
    .where('locked_by', '=', owner)
    .execute();
}

/** Dispatched events older than `before` are history no one reads; the dead ones stay for an operator. */
export function purgeDispatched(db: Db, before: Date) {
  return db.deleteFrom('outbox').where('dispatched_at', '<', before).executeTakeFirst();
}

export function countUndispatched(db: Db) {
  return db
    .selectFrom('outbox')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('dispatched_at', 'is', null)
    .where('dead_at', 'is', null)
    .executeTakeFirstOrThrow();
}
