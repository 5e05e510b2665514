import type { Kysely } from 'kysely';
import type { CommunityId } from '../../platform/db/scope.js';
import type { DB } from '../../platform/db/schema.js';

/** The ledger module's own table: ledger_exports. The ticket rows it prints are read through tickets/index.ts. */

export function insertExport(db: Kysely<DB>, v: { communityId: CommunityId; actorId: number; filters: string; total: number; fileName: string }) {
  return db
    .insertInto('ledger_exports')
    .values({ community_id: v.communityId, actor_id: v.actorId, filters: v.filters, status: 'running', total: v.total, file_name: v.fileName })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function updateExport(
  db: Kysely<DB>,
  id: number,
  v: { status?: 'done' | 'failed'; processed?: number; filePath?: string; error?: string; finishedAt?: Date },
) {
  return db
    .updateTable('ledger_exports')
    .set({ status: v.status, processed: v.processed, file_path: v.filePath, error: v.error, finished_at: v.finishedAt })
    .where('id', '=', id)
    .execute();
}

/** An export by id, for the background job that writes it (checked against the actor when it was queued). */
export function findExportById(db: Kysely<DB>, id: number) {
  return db.selectFrom('ledger_exports').selectAll().where('id', '=', id).executeTakeFirst();
}

/** An export by id, if this account made it. */
export function findExport(db: Kysely<DB>, actorId: number, id: number) {
  return db.selectFrom('ledger_exports').selectAll().where('id', '=', id).where('actor_id', '=', actorId).executeTakeFirst();
}
