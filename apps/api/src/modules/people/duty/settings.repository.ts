import type { CommunityId } from '../../../platform/db/scope.js';
import type { Db } from '../common.repository.js';

/** SQL of the duty roster's community settings (check-in window, swap approval). */
export function findSettings(db: Db, cid: CommunityId) {
  return db.selectFrom('shift_settings').selectAll().where('community_id', '=', cid).executeTakeFirst();
}
export async function saveSettings(db: Db, cid: CommunityId, v: { before: number; after: number; autoApprove: boolean; by: number }) {
  await db
    .insertInto('shift_settings')
    .values({ community_id: cid, checkin_before_minutes: v.before, checkin_after_minutes: v.after, auto_approve_swaps: v.autoApprove, updated_by: v.by })
    .onConflict((oc) =>
      oc.column('community_id').doUpdateSet({
        checkin_before_minutes: v.before,
        checkin_after_minutes: v.after,
        auto_approve_swaps: v.autoApprove,
        updated_by: v.by,
        updated_at: new Date(),
      }),
    )
    .execute();
}
