import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import type { DomainEvents, EventName } from '../events.js';
import { insertOutbox } from './outbox.repository.js';

/**
 * Writes a domain event into the outbox in the caller's transaction: it commits with the change or not at all, and
 * the dispatcher delivers it afterwards from whichever process claims it (ADR 0020). Takes a transaction, not the
 * database, so an event cannot be written apart from its change. Answers the outbox id.
 */
export async function publish<K extends EventName>(trx: Transaction<DB>, name: K, payload: DomainEvents[K]): Promise<number> {
  return (await insertOutbox(trx, name, payload)).id;
}
