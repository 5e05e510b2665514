import type { CommunityId } from '../../../platform/db/scope.js';
import type { Db } from '../common.repository.js';

/** SQL of the shifts (班次); every function takes the community first. */

export interface ShiftValues {
  station_id: number;
  template_id: number | null;
  day: string;
  starts_at: Date;
  ends_at: Date;
  headcount: number;
  team_id: number | null;
  note: string | null;
  created_by: number | null;
}
/** Inserts the shifts not there yet (one per template and date); answers the new ones only. */
export function insertShifts(db: Db, cid: CommunityId, rows: ShiftValues[]) {
  if (rows.length === 0) return Promise.resolve([] as Array<{ id: number; template_id: number | null; day: string }>);
  return db
    .insertInto('shifts')
    .values(rows.map((r) => ({ community_id: cid, ...r })))
    .onConflict((oc) => oc.columns(['template_id', 'day']).where('template_id', 'is not', null).doNothing())
    .returning(['id', 'template_id', 'day'])
    .execute();
}
export function insertShift(db: Db, cid: CommunityId, v: ShiftValues) {
  return db
    .insertInto('shifts')
    .values({ community_id: cid, ...v })
    .returning('id')
    .executeTakeFirstOrThrow();
}
const shiftColumns = [
  'id',
  'community_id',
  'station_id',
  'template_id',
  'day',
  'starts_at',
  'ends_at',
  'headcount',
  'team_id',
  'note',
  'status',
  'uncovered_at',
] as const;
export function listShifts(db: Db, cid: CommunityId, f: { from: string; to: string; stationId?: number }) {
  let q = db
    .selectFrom('shifts')
    .select([...shiftColumns])
    .where('community_id', '=', cid)
    .where('status', '=', 'open')
    .where('day', '>=', f.from)
    .where('day', '<=', f.to);
  if (f.stationId) q = q.where('station_id', '=', f.stationId);
  return q.orderBy('day').orderBy('starts_at').orderBy('station_id').orderBy('id').limit(2000).execute();
}
export function findShift(db: Db, cid: CommunityId, id: number) {
  return db
    .selectFrom('shifts')
    .select([...shiftColumns])
    .where('community_id', '=', cid)
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
}
/** The shift, locked for the change (two staff assigning at once queue here). */
export function lockShift(db: Db, cid: CommunityId, id: number) {
  return db
    .selectFrom('shifts')
    .select([...shiftColumns])
    .where('community_id', '=', cid)
    .where('id', '=', id)
    .where('status', '=', 'open')
    .forUpdate()
    .executeTakeFirst();
}
export type ShiftRow = NonNullable<Awaited<ReturnType<typeof findShift>>>;
