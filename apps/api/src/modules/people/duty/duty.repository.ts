import { sql } from 'kysely';
import type { CommunityId } from '../../../platform/db/scope.js';
import { residentView } from '../../places/index.js';
import type { Db } from '../common.repository.js';

/** SQL of the duty roster (值守排班); every function takes the community first. */

const none = [-1];

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

/** A station of the community (not archived), with its name. */
export function stationRef(db: Db, cid: CommunityId, id: number) {
  return db
    .selectFrom('stations')
    .select(['id', 'name'])
    .where('community_id', '=', cid)
    .where('id', '=', id)
    .where('archived_at', 'is', null)
    .executeTakeFirst();
}
export function stationNames(db: Db, cid: CommunityId, ids: number[]) {
  return db
    .selectFrom('stations')
    .select(['id', 'name'])
    .where('community_id', '=', cid)
    .where('id', 'in', ids.length ? ids : none)
    .execute();
}
export function teamNamesIn(db: Db, cid: CommunityId, ids: number[]) {
  return db
    .selectFrom('teams')
    .select(['id', 'name'])
    .where('community_id', '=', cid)
    .where('id', 'in', ids.length ? ids : none)
    .execute();
}
/** Active accounts of the community by id: display name and the resident they are, if any. */
export function accountsIn(db: Db, cid: CommunityId, ids: number[]) {
  return db
    .selectFrom('accounts')
    .select(['id', 'display_name', 'resident_id', 'role'])
    .where('community_id', '=', cid)
    .where('is_active', '=', true)
    .where('id', 'in', ids.length ? ids : none)
    .execute();
}
export function accountNamesIn(db: Db, ids: number[]) {
  return db
    .selectFrom('accounts')
    .select(['id', 'display_name'])
    .where('id', 'in', ids.length ? ids : none)
    .execute();
}
/** The resident an account is (for matching a squad member's assignment to the person who logs in). */
export async function residentOfAccount(db: Db, cid: CommunityId, accountId: number): Promise<number | null> {
  const r = await db.selectFrom('accounts').select('resident_id').where('community_id', '=', cid).where('id', '=', accountId).executeTakeFirst();
  return r?.resident_id ?? null;
}
/** Current members of a team with the active account each has in the community (null: no login yet). */
export function teamMembersWithAccounts(db: Db, cid: CommunityId, teamId: number) {
  return db
    .selectFrom('team_members as tm')
    .innerJoin(residentView(db).as('r'), 'r.id', 'tm.resident_id')
    .select(['tm.resident_id', 'r.name'])
    .select((eb) =>
      eb
        .selectFrom('accounts as a')
        .select('a.id')
        .whereRef('a.resident_id', '=', 'tm.resident_id')
        .where('a.community_id', '=', cid)
        .where('a.is_active', '=', true)
        .orderBy('a.id')
        .limit(1)
        .as('account_id'),
    )
    .where('tm.community_id', '=', cid)
    .where('tm.team_id', '=', teamId)
    .where('tm.left_at', 'is', null)
    .orderBy('tm.is_leader', 'desc')
    .orderBy('tm.id')
    .execute();
}

// Templates

export function listTemplates(db: Db, cid: CommunityId, stationId?: number) {
  let q = db.selectFrom('shift_templates').selectAll().where('community_id', '=', cid).where('archived_at', 'is', null);
  if (stationId) q = q.where('station_id', '=', stationId);
  return q.orderBy('station_id').orderBy('weekday').orderBy('starts_at').orderBy('id').execute();
}
export function findTemplate(db: Db, cid: CommunityId, id: number) {
  return db.selectFrom('shift_templates').selectAll().where('community_id', '=', cid).where('id', '=', id).where('archived_at', 'is', null).executeTakeFirst();
}
export type TemplateRow = NonNullable<Awaited<ReturnType<typeof findTemplate>>>;
export interface TemplateValues {
  station_id: number;
  weekday: number;
  starts_at: string;
  ends_at: string;
  headcount: number;
  team_id: number | null;
  account_ids: string;
  note: string | null;
}
export function insertTemplate(db: Db, cid: CommunityId, v: TemplateValues, by: number) {
  return db
    .insertInto('shift_templates')
    .values({ community_id: cid, ...v, created_by: by })
    .returning('id')
    .executeTakeFirstOrThrow();
}
export function updateTemplate(db: Db, cid: CommunityId, id: number, v: TemplateValues) {
  return db.updateTable('shift_templates').set(v).where('community_id', '=', cid).where('id', '=', id).execute();
}
export function archiveTemplate(db: Db, cid: CommunityId, id: number, at: Date) {
  return db
    .updateTable('shift_templates')
    .set({ archived_at: at })
    .where('community_id', '=', cid)
    .where('id', '=', id)
    .where('archived_at', 'is', null)
    .executeTakeFirst();
}

// Shifts

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

// Assignments

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

// Swaps

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

// Timeline

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

// The uncovered sweep (every community: a system job)

/** Open shifts on a day, not flagged yet, with fewer people on them than they need. */
export function uncoveredOn(db: Db, day: string) {
  return db
    .selectFrom('shifts as s')
    .innerJoin('stations as st', 'st.id', 's.station_id')
    .select(['s.id', 's.community_id', 's.starts_at', 's.ends_at', 's.headcount', 'st.name as station_name'])
    .select((eb) =>
      eb
        .selectFrom('shift_assignments as a')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('a.shift_id', '=', 's.id')
        .where('a.removed_at', 'is', null)
        .as('assigned'),
    )
    .where('s.day', '=', day)
    .where('s.status', '=', 'open')
    .where('s.uncovered_at', 'is', null)
    .where((eb) =>
      eb(
        eb.selectFrom('shift_assignments as a').select(eb.fn.countAll<number>().as('n')).whereRef('a.shift_id', '=', 's.id').where('a.removed_at', 'is', null),
        '<',
        eb.ref('s.headcount'),
      ),
    )
    .orderBy('s.id')
    .limit(500)
    .execute();
}
/** Flags a shift once; false when another process flagged it first. */
export async function markUncovered(db: Db, cid: CommunityId, id: number, at: Date): Promise<boolean> {
  const r = await db
    .updateTable('shifts')
    .set({ uncovered_at: at })
    .where('community_id', '=', cid)
    .where('id', '=', id)
    .where('uncovered_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Covered / total shifts of a community between two dates (the dashboard's figure). */
export async function coverage(db: Db, cid: CommunityId, from: string, to: string) {
  const r = await db
    .selectFrom('shifts as s')
    .select((eb) => [
      eb.fn.countAll<number>().as('total'),
      eb.fn
        .count<number>('s.id')
        .filterWhere(sql<boolean>`(select count(*) from shift_assignments a where a.shift_id = s.id and a.removed_at is null) >= s.headcount`)
        .as('covered'),
    ])
    .where('s.community_id', '=', cid)
    .where('s.status', '=', 'open')
    .where('s.day', '>=', from)
    .where('s.day', '<=', to)
    .executeTakeFirstOrThrow();
  return { total: Number(r.total), covered: Number(r.covered) };
}
