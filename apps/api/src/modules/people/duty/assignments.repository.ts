import type { CommunityId } from '../../../platform/db/scope.js';
import type { Db } from '../common.repository.js';

/** SQL of who is on a shift (排班), their check-in and check-out; every function takes the community first. */

const none = [-1];

const assignmentColumns = [
  'id',
  'shift_id',
  'account_id',
  'resident_id',
  'name',
  'via',
  'team_id',
  'checked_in_at',
  'checked_out_at',
  'hours_entry_id',
] as const;
export function liveAssignments(db: Db, cid: CommunityId, shiftIds: number[]) {
  return db
    .selectFrom('shift_assignments')
    .select([...assignmentColumns])
    .where('community_id', '=', cid)
    .where('shift_id', 'in', shiftIds.length ? shiftIds : none)
    .where('removed_at', 'is', null)
    .orderBy('shift_id')
    .orderBy('id')
    .execute();
}
export type AssignmentRow = Awaited<ReturnType<typeof liveAssignments>>[number];
export function findAssignment(db: Db, cid: CommunityId, id: number) {
  return db
    .selectFrom('shift_assignments')
    .select([...assignmentColumns])
    .where('community_id', '=', cid)
    .where('id', '=', id)
    .where('removed_at', 'is', null)
    .executeTakeFirst();
}
/** The live assignment of a person on a shift: by their account, or by the resident they are (a squad member). */
export function assignmentOf(db: Db, cid: CommunityId, shiftId: number, who: { accountId: number; residentId: number | null }) {
  return db
    .selectFrom('shift_assignments')
    .select([...assignmentColumns])
    .where('community_id', '=', cid)
    .where('shift_id', '=', shiftId)
    .where('removed_at', 'is', null)
    .where((eb) =>
      who.residentId ? eb.or([eb('account_id', '=', who.accountId), eb('resident_id', '=', who.residentId)]) : eb('account_id', '=', who.accountId),
    )
    .forUpdate()
    .executeTakeFirst();
}
export interface AssignmentValues {
  shift_id: number;
  account_id: number | null;
  resident_id: number | null;
  name: string;
  via: string;
  team_id: number | null;
  assigned_by: number | null;
}
/** Inserts assignments, skipping people already on the shift; answers the new ones. */
export async function insertAssignments(db: Db, cid: CommunityId, rows: AssignmentValues[]) {
  const out: Array<{ id: number; shift_id: number; name: string }> = [];
  for (const r of rows) {
    const dup = await db
      .selectFrom('shift_assignments')
      .select('id')
      .where('community_id', '=', cid)
      .where('shift_id', '=', r.shift_id)
      .where('removed_at', 'is', null)
      .where((eb) =>
        eb.or([
          ...(r.account_id !== null ? [eb('account_id', '=', r.account_id)] : []),
          ...(r.resident_id !== null ? [eb('resident_id', '=', r.resident_id)] : []),
        ]),
      )
      .executeTakeFirst();
    if (dup) continue;
    const row = await db
      .insertInto('shift_assignments')
      .values({ community_id: cid, ...r })
      .returning(['id', 'shift_id', 'name'])
      .executeTakeFirstOrThrow();
    out.push(row);
  }
  return out;
}
export function removeAssignment(db: Db, cid: CommunityId, id: number, v: { at: Date; reason: string }) {
  return db
    .updateTable('shift_assignments')
    .set({ removed_at: v.at, removed_reason: v.reason })
    .where('community_id', '=', cid)
    .where('id', '=', id)
    .where('removed_at', 'is', null)
    .executeTakeFirst();
}
/** Check-in, once: only a row not checked in yet changes. */
export function markCheckedIn(db: Db, cid: CommunityId, id: number, v: { at: Date; accountId: number }) {
  return db
    .updateTable('shift_assignments')
    .set({ checked_in_at: v.at, account_id: v.accountId })
    .where('community_id', '=', cid)
    .where('id', '=', id)
    .where('checked_in_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
}
/** Check-out, once, after a check-in. */
export function markCheckedOut(db: Db, cid: CommunityId, id: number, at: Date) {
  return db
    .updateTable('shift_assignments')
    .set({ checked_out_at: at })
    .where('community_id', '=', cid)
    .where('id', '=', id)
    .where('checked_in_at', 'is not', null)
    .where('checked_out_at', 'is', null)
    .returning(['id', 'checked_in_at'])
    .executeTakeFirst();
}
export function setHoursEntry(db: Db, cid: CommunityId, id: number, entryId: number) {
  return db.updateTable('shift_assignments').set({ hours_entry_id: entryId }).where('community_id', '=', cid).where('id', '=', id).execute();
}
/** Moves an assignment to another person (a swap): the old row is closed, a new one opens with via 'swap'. */
export async function handOver(
  db: Db,
  cid: CommunityId,
  from: AssignmentRow,
  to: { accountId: number; name: string; residentId: number | null; by: number | null },
  at: Date,
) {
  await removeAssignment(db, cid, from.id, { at, reason: 'swap' });
  return db
    .insertInto('shift_assignments')
    .values({
      community_id: cid,
      shift_id: from.shift_id,
      account_id: to.accountId,
      resident_id: to.residentId,
      name: to.name,
      via: 'swap',
      team_id: null,
      assigned_by: to.by,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** A person's live assignments on open shifts between two dates (their phone list). */
export function myAssignments(db: Db, cid: CommunityId, who: { accountId: number; residentId: number | null }, from: string, to: string) {
  return db
    .selectFrom('shift_assignments as a')
    .innerJoin('shifts as s', 's.id', 'a.shift_id')
    .innerJoin('stations as st', 'st.id', 's.station_id')
    .select([
      'a.id as assignment_id',
      's.id as shift_id',
      'st.name as station_name',
      's.day',
      's.starts_at',
      's.ends_at',
      'a.checked_in_at',
      'a.checked_out_at',
    ])
    .where('a.community_id', '=', cid)
    .where('a.removed_at', 'is', null)
    .where('s.status', '=', 'open')
    .where('s.day', '>=', from)
    .where('s.day', '<=', to)
    .where((eb) =>
      who.residentId ? eb.or([eb('a.account_id', '=', who.accountId), eb('a.resident_id', '=', who.residentId)]) : eb('a.account_id', '=', who.accountId),
    )
    .orderBy('s.starts_at')
    .orderBy('a.id')
    .execute();
}

/**
 * People with an active login on open shifts of a post between two dates (by their account, or the account of the
 * resident a squad assignment names), with those shifts: whom a swap can be asked of.
 */
export function peopleOnStation(db: Db, cid: CommunityId, stationId: number, from: string, to: string) {
  return db
    .selectFrom('shift_assignments as a')
    .innerJoin('shifts as s', 's.id', 'a.shift_id')
    .innerJoin('stations as st', 'st.id', 's.station_id')
    .innerJoin('accounts as ac', (j) =>
      j
        .on('ac.community_id', '=', cid)
        .on('ac.is_active', '=', true)
        .on((eb) =>
          eb.or([eb('ac.id', '=', eb.ref('a.account_id')), eb.and([eb('a.account_id', 'is', null), eb('ac.resident_id', '=', eb.ref('a.resident_id'))])]),
        ),
    )
    .select(['ac.id as account_id', 'ac.display_name', 's.id as shift_id', 's.starts_at', 's.ends_at', 'st.name as station_name'])
    .where('a.community_id', '=', cid)
    .where('a.removed_at', 'is', null)
    .where('s.status', '=', 'open')
    .where('s.station_id', '=', stationId)
    .where('s.day', '>=', from)
    .where('s.day', '<=', to)
    .orderBy('ac.display_name')
    .orderBy('s.starts_at')
    .limit(500)
    .execute();
}
