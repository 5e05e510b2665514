import type { CommunityId } from '../../../platform/db/scope.js';
import type { Db } from '../common.repository.js';

/** SQL of a shift's history (its timeline steps). */

export interface ShiftEventValues {
  shift_id: number;
  action: string;
  actor_account_id: number | null;
  actor_label: string | null;
  note: string | null;
  changes: string | null;
}
export async function insertEvents(db: Db, cid: CommunityId, rows: ShiftEventValues[]) {
  if (rows.length === 0) return;
  await db
    .insertInto('shift_events')
    .values(rows.map((r) => ({ community_id: cid, ...r })))
    .execute();
}
export function eventsOf(db: Db, cid: CommunityId, shiftId: number) {
  return db
    .selectFrom('shift_events')
    .select(['id', 'action', 'actor_account_id', 'actor_label', 'note', 'created_at'])
    .where('community_id', '=', cid)
    .where('shift_id', '=', shiftId)
    .orderBy('id')
    .execute();
}
