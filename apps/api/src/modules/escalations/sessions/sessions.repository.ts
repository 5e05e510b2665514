import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import { inScope, type CommunityId, type Scope } from '../../../platform/db/scope.js';

type Db = Kysely<DB> | Transaction<DB>;

// SQL of 书记面对面 sessions (ADR 0029). Every read is under a Scope or a CommunityId; a department contact's reads are
// further narrowed to its organisation (`organisationId`): the sessions it attended or has items in, and only its items.

const sessionColumns = [
  's.id',
  's.community_id',
  's.title',
  's.held_on',
  's.starts_at',
  's.place',
  's.host_name',
  's.other_attendees',
  's.notes',
  's.created_by',
  's.created_at',
] as const;

/** The sessions one organisation attended or has an item in. */
const attendedBy = (organisationId: number) =>
  sql<boolean>`(exists (select 1 from secretary_session_attendees a where a.session_id = s.id and a.organisation_id = ${organisationId})
    or exists (select 1 from secretary_session_items i where i.session_id = s.id and i.organisation_id = ${organisationId}))`;

/** Counts of a session's items and commitments (of one organisation's items when given), `today` deciding overdue. */
function counted(today: string, organisationId: number | null) {
  const mine = organisationId == null ? sql`true` : sql`i.organisation_id = ${organisationId}`;
  return [
    sql<number>`(select count(*) from secretary_session_items i where i.session_id = s.id and ${mine})`.as('item_count'),
    sql<number>`(select count(*) from secretary_session_items i where i.session_id = s.id and ${mine} and i.follow_status = 'open')`.as('open_count'),
    sql<number>`(select count(*) from secretary_session_items i where i.session_id = s.id and ${mine} and i.follow_status = 'open' and i.promised_on < ${today}::date)`.as(
      'overdue_count',
    ),
  ] as const;
}

export interface SessionFilter {
  organisationId: number | null;
  from?: string;
  to?: string;
}

export async function listSessions(db: Db, scope: Scope, f: SessionFilter, today: string, page: { offset: number; limit: number; order: 'asc' | 'desc' }) {
  let q = db.selectFrom('secretary_sessions as s').where(inScope(scope, 's.community_id')).where('s.archived_at', 'is', null);
  if (f.organisationId != null) q = q.where(attendedBy(f.organisationId));
  if (f.from) q = q.where('s.held_on', '>=', f.from);
  if (f.to) q = q.where('s.held_on', '<=', f.to);
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q
    .select([...sessionColumns, ...counted(today, f.organisationId)])
    .orderBy('s.held_on', page.order)
    .orderBy('s.id', page.order)
    .offset(page.offset)
    .limit(page.limit)
    .execute();
  return { total: Number(total.n), rows };
}

export function findSession(db: Db, scope: Scope, id: number, organisationId: number | null, today: string) {
  let q = db.selectFrom('secretary_sessions as s').where('s.id', '=', id).where(inScope(scope, 's.community_id')).where('s.archived_at', 'is', null);
  if (organisationId != null) q = q.where(attendedBy(organisationId));
  return q.select([...sessionColumns, ...counted(today, organisationId)]).executeTakeFirst();
}
export type SessionRow = NonNullable<Awaited<ReturnType<typeof findSession>>>;

export function attendeesOf(db: Db, sessionIds: number[]) {
  return db
    .selectFrom('secretary_session_attendees')
    .select(['session_id', 'organisation_id', 'attendee_name', 'attendee_title'])
    .where('session_id', 'in', sessionIds.length ? sessionIds : [-1])
    .orderBy('id')
    .execute();
}

const itemColumns = [
  'i.id',
  'i.community_id',
  'i.session_id',
  'i.organisation_id',
  'i.escalation_id',
  'i.ticket_id',
  'i.ticket_code',
  'i.subject',
  'i.detail',
  'i.answer',
  'i.answered_at',
  'i.answered_by',
  'i.answered_on_behalf',
  'i.commitment',
  'i.promised_on',
  'i.follow_status',
] as const;

export function itemsOf(db: Db, communityId: CommunityId, sessionId: number, organisationId: number | null) {
  let q = db.selectFrom('secretary_session_items as i').select(itemColumns).where('i.community_id', '=', communityId).where('i.session_id', '=', sessionId);
  if (organisationId != null) q = q.where('i.organisation_id', '=', organisationId);
  return q.orderBy('i.id').execute();
}
export type ItemRow = Awaited<ReturnType<typeof itemsOf>>[number];

/** One item under the scope (and of the organisation, for a contact), with its session's date. */
export function findItem(db: Db, scope: Scope, itemId: number, organisationId: number | null) {
  let q = db
    .selectFrom('secretary_session_items as i')
    .innerJoin('secretary_sessions as s', 's.id', 'i.session_id')
    .select([...itemColumns, 's.held_on'])
    .where('i.id', '=', itemId)
    .where(inScope(scope, 'i.community_id'))
    .where('s.archived_at', 'is', null);
  if (organisationId != null) q = q.where('i.organisation_id', '=', organisationId);
  return q.executeTakeFirst();
}

export function followUpsOf(db: Db, itemIds: number[]) {
  return db
    .selectFrom('secretary_session_follow_ups')
    .select(['id', 'item_id', 'status', 'note', 'created_by', 'created_at'])
    .where('item_id', 'in', itemIds.length ? itemIds : [-1])
    .orderBy('id')
    .execute();
}

export interface SessionValues {
  title: string;
  held_on: string;
  starts_at: string | null;
  place: string;
  host_name: string;
  other_attendees: string | null;
  notes: string | null;
}

export function insertSession(db: Db, communityId: CommunityId, v: SessionValues, createdBy: number) {
  return db
    .insertInto('secretary_sessions')
    .values({ community_id: communityId, ...v, created_by: createdBy })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function updateSession(db: Db, communityId: CommunityId, id: number, v: Partial<SessionValues>) {
  const set = Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined));
  if (Object.keys(set).length === 0) return;
  await db.updateTable('secretary_sessions').set(set).where('community_id', '=', communityId).where('id', '=', id).execute();
}

export interface AttendeeValues {
  organisation_id: number;
  attendee_name: string;
  attendee_title: string | null;
}

/** Sets the session's attending organisations to exactly these (an edit of the attendance list). */
export async function replaceAttendees(db: Db, communityId: CommunityId, sessionId: number, rows: AttendeeValues[]) {
  await db.deleteFrom('secretary_session_attendees').where('community_id', '=', communityId).where('session_id', '=', sessionId).execute();
  if (rows.length === 0) return;
  await db
    .insertInto('secretary_session_attendees')
    .values(rows.map((r) => ({ community_id: communityId, session_id: sessionId, ...r })))
    .execute();
}

export interface ItemValues {
  organisation_id: number;
  escalation_id: number | null;
  ticket_id: number | null;
  ticket_code: string | null;
  subject: string;
  detail: string | null;
}

export function insertItem(db: Db, communityId: CommunityId, sessionId: number, v: ItemValues, createdBy: number) {
  return db
    .insertInto('secretary_session_items')
    .values({ community_id: communityId, session_id: sessionId, ...v, created_by: createdBy })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export interface AnswerValues {
  answer: string;
  answered_by: number;
  answered_on_behalf: boolean;
  commitment: string | null;
  promised_on: string | null;
  follow_status: 'open' | null;
}

export async function recordAnswer(db: Db, communityId: CommunityId, itemId: number, v: AnswerValues, at: Date) {
  await db
    .updateTable('secretary_session_items')
    .set({ ...v, answered_at: at, follow_changed_at: v.follow_status ? at : null })
    .where('community_id', '=', communityId)
    .where('id', '=', itemId)
    .execute();
}

export async function recordFollowUp(db: Db, communityId: CommunityId, itemId: number, status: string, note: string, by: number, at: Date) {
  await db
    .insertInto('secretary_session_follow_ups')
    .values({ community_id: communityId, item_id: itemId, status, note, created_by: by, created_at: at })
    .execute();
  await db
    .updateTable('secretary_session_items')
    .set({ follow_status: status, follow_changed_at: at })
    .where('community_id', '=', communityId)
    .where('id', '=', itemId)
    .execute();
}

export interface CommitmentFilter {
  organisationId: number | null;
  state?: 'open' | 'overdue' | 'kept' | 'broken';
  byOrganisation?: number;
}

/** Commitments of the community's sessions, overdue first, then by promised date. */
export async function listCommitments(db: Db, scope: Scope, f: CommitmentFilter, today: string, page: { offset: number; limit: number }) {
  let q = db
    .selectFrom('secretary_session_items as i')
    .innerJoin('secretary_sessions as s', 's.id', 'i.session_id')
    .where(inScope(scope, 'i.community_id'))
    .where('s.archived_at', 'is', null)
    .where('i.follow_status', 'is not', null);
  if (f.organisationId != null) q = q.where('i.organisation_id', '=', f.organisationId);
  if (f.byOrganisation != null) q = q.where('i.organisation_id', '=', f.byOrganisation);
  if (f.state === 'overdue') q = q.where('i.follow_status', '=', 'open').where('i.promised_on', '<', today);
  else if (f.state === 'open') q = q.where('i.follow_status', '=', 'open').where('i.promised_on', '>=', today);
  else if (f.state) q = q.where('i.follow_status', '=', f.state);
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q
    .select([...itemColumns, 's.title as session_title', 's.held_on'])
    .orderBy(sql`case when i.follow_status = 'open' and i.promised_on < ${today}::date then 0 when i.follow_status = 'open' then 1 else 2 end`)
    .orderBy('i.promised_on')
    .orderBy('i.id')
    .offset(page.offset)
    .limit(page.limit)
    .execute();
  return { total: Number(total.n), rows };
}

/** An escalation of the community (this module's own table), as a session item takes it. */
export function findEscalationRef(db: Db, communityId: CommunityId, id: number) {
  return db
    .selectFrom('escalations')
    .select(['id', 'ticket_id', 'organisation_id', 'reason', 'status'])
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Points an item raised at the table at the ticket and escalation made from it. */
export async function linkEscalation(db: Db, communityId: CommunityId, itemId: number, v: { escalation_id: number; ticket_id: number; ticket_code: string }) {
  await db
    .updateTable('secretary_session_items')
    .set(v)
    .where('community_id', '=', communityId)
    .where('id', '=', itemId)
    .where('escalation_id', 'is', null)
    .execute();
}
