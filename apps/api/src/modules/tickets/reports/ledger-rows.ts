import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import { actorNames, withNames } from '../ticket-names.js';
import * as repo from './ledger-rows.repository.js';
import type { CommunityId } from '../../../platform/db/scope.js';

/** The ledger's rows as the reports module reads them (through tickets/index.ts), with the names other modules own. */
export type { LedgerWhere } from './ledger-rows.repository.js';
export { countLedger, ledgerIds } from './ledger-rows.repository.js';

async function named(db: Kysely<DB>, rows: repo.LedgerDbRow[]) {
  return (await withNames(db, rows)).map((r) => ({ ...r, assignee: r.assignee_name, escalated_to: r.escalated_to_name }));
}
export type LedgerDbRow = Awaited<ReturnType<typeof named>>[number];

/** One page of ledger rows by id, for the screen. */
export async function ledgerRows(db: Kysely<DB>, w: repo.LedgerWhere, page: { offset: number; limit: number }) {
  return named(db, await repo.ledgerRows(db, w, page));
}

/** The ledger rows of these ids, in id order (a batch of the export). */
export async function ledgerRowsOf(db: Kysely<DB>, ids: number[]) {
  return named(db, await repo.ledgerRowsOf(db, ids));
}

/** The timeline of these tickets, with the actors' names. */
export async function eventsOf(db: Kysely<DB>, communityId: CommunityId, ticketIds: number[]) {
  const events = await repo.eventsOf(db, communityId, ticketIds);
  const names = await actorNames(
    db,
    events.map((e) => e.actor_id),
  );
  return events.map((e) => ({ ...e, actor: e.actor_id != null ? (names.get(e.actor_id) ?? null) : null }));
}
