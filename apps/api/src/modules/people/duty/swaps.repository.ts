import type { CommunityId } from '../../../platform/db/scope.js';
import type { Db } from '../common.repository.js';

/** SQL of the swaps (换班); every function takes the community first. */

const none = [-1];

const swapColumns = [
  'id',
  'community_id',
  'from_assignment_id',
  'requested_by',
  'to_account_id',
  'to_assignment_id',
  'reason',
  'status',
  'answered_at',
  'decided_by',
  'decided_at',
  'decision_note',
  'created_at',
] as const;
export function insertSwap(
  db: Db,
  cid: CommunityId,
  v: { from_assignment_id: number; requested_by: number; to_account_id: number; to_assignment_id: number | null; reason: string },
) {
  return db
    .insertInto('shift_swaps')
    .values({ community_id: cid, ...v })
    .returning('id')
    .executeTakeFirstOrThrow();
}
export function lockSwap(db: Db, cid: CommunityId, id: number) {
  return db
    .selectFrom('shift_swaps')
    .select([...swapColumns])
    .where('community_id', '=', cid)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}
export type SwapRow = NonNullable<Awaited<ReturnType<typeof lockSwap>>>;
export function updateSwap(
  db: Db,
  cid: CommunityId,
  id: number,
  v: { status: string; answered_at?: Date; decided_by?: number; decided_at?: Date; decision_note?: string | null },
) {
  return db.updateTable('shift_swaps').set(v).where('community_id', '=', cid).where('id', '=', id).execute();
}
/** Swaps, newest first; `involving` narrows to those a person asked or was asked. */
export function listSwaps(db: Db, cid: CommunityId, f: { status?: string; involving?: number }) {
  let q = db
    .selectFrom('shift_swaps')
    .select([...swapColumns])
    .where('community_id', '=', cid);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.involving) {
    const who = f.involving;
    q = q.where((eb) => eb.or([eb('requested_by', '=', who), eb('to_account_id', '=', who)]));
  }
  return q.orderBy('id', 'desc').limit(200).execute();
}
/** The shift (day, times, station) of each assignment, for naming a swap. */
export function shiftsOfAssignments(db: Db, cid: CommunityId, ids: number[]) {
  return db
    .selectFrom('shift_assignments as a')
    .innerJoin('shifts as s', 's.id', 'a.shift_id')
    .innerJoin('stations as st', 'st.id', 's.station_id')
    .select(['a.id as assignment_id', 's.id as shift_id', 's.starts_at', 's.ends_at', 'st.name as station_name'])
    .where('a.community_id', '=', cid)
    .where('a.id', 'in', ids.length ? ids : none)
    .execute();
}
