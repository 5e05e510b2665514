import { sql, type Insertable, type Kysely, type Transaction, type Updateable } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { inScope, likeOf, type CommunityId, type Scope } from '../../platform/db/scope.js';

type Db = Kysely<DB> | Transaction<DB>;

const topicCount = sql<number>`(select count(*) from meeting_topics t where t.meeting_id = meetings.id)`.as('topic_count');

export interface MeetingFilter {
  kind?: string;
  status?: string;
  statuses?: readonly string[];
  compoundId?: number;
  from?: Date;
  to?: Date;
  q?: string;
}

export async function listMeetings(
  db: Db,
  communityId: CommunityId,
  f: MeetingFilter,
  page: { offset: number; limit: number; sort: 'startsAt' | 'id'; order: 'asc' | 'desc' },
) {
  let q = db.selectFrom('meetings').where('community_id', '=', communityId);
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.statuses) q = q.where('status', 'in', f.statuses.length ? [...f.statuses] : ['-']);
  if (f.compoundId) q = q.where('compound_id', '=', f.compoundId);
  if (f.from) q = q.where('starts_at', '>=', f.from);
  if (f.to) q = q.where('starts_at', '<', f.to);
  if (f.q) q = q.where((eb) => eb.or([eb('title', 'ilike', likeOf(f.q!)), eb('place', 'ilike', likeOf(f.q!))]));
  const [count, rows] = await Promise.all([
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    q
      .selectAll()
      .select(topicCount)
      .orderBy(page.sort === 'startsAt' ? 'starts_at' : 'id', page.order)
      .orderBy('id', page.order)
      .offset(page.offset)
      .limit(page.limit)
      .execute(),
  ]);
  return { total: Number(count.n), rows };
}
export type MeetingRow = Awaited<ReturnType<typeof listMeetings>>['rows'][number];

export function findMeeting(db: Db, scope: Scope, id: number) {
  return db.selectFrom('meetings').selectAll().select(topicCount).where('id', '=', id).where(inScope(scope, 'community_id')).executeTakeFirst();
}
/** The meeting locked for a step, so two steps on one meeting run one after the other. */
export function lockMeeting(db: Transaction<DB>, communityId: CommunityId, id: number) {
  return db.selectFrom('meetings').selectAll().where('community_id', '=', communityId).where('id', '=', id).forUpdate().executeTakeFirst();
}
export function insertMeeting(db: Db, v: Insertable<DB['meetings']>) {
  return db.insertInto('meetings').values(v).returning('id').executeTakeFirstOrThrow();
}
/** The rotation's meetings; a slot already planned is left alone (idempotent on rotation and seq). */
export function insertRotationMeetings(db: Db, rows: Insertable<DB['meetings']>[]) {
  if (!rows.length) return Promise.resolve([]);
  return db
    .insertInto('meetings')
    .values(rows)
    .onConflict((oc) => oc.columns(['rotation_id', 'rotation_seq']).where('rotation_id', 'is not', null).doNothing())
    .returning('id')
    .execute();
}
export function updateMeeting(db: Db, communityId: CommunityId, id: number, v: Updateable<DB['meetings']>) {
  return db
    .updateTable('meetings')
    .set({ ...v, updated_at: new Date() })
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .execute();
}

export function insertEvent(db: Db, v: Insertable<DB['meeting_events']>) {
  return db.insertInto('meeting_events').values(v).execute();
}
export function listEvents(db: Db, communityId: CommunityId, meetingId: number) {
  return db.selectFrom('meeting_events').selectAll().where('community_id', '=', communityId).where('meeting_id', '=', meetingId).orderBy('id').execute();
}

// Topics
export function listTopics(db: Db, communityId: CommunityId, meetingIds: readonly number[]) {
  return db
    .selectFrom('meeting_topics')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('meeting_id', 'in', meetingIds.length ? [...meetingIds] : [-1])
    .orderBy('meeting_id')
    .orderBy('seq')
    .execute();
}
export function findTopic(db: Db, communityId: CommunityId, meetingId: number, id: number) {
  return db
    .selectFrom('meeting_topics')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('meeting_id', '=', meetingId)
    .where('id', '=', id)
    .executeTakeFirst();
}
/** The next topic number of a meeting; the meeting row is locked by the caller, so two adds do not take one number. */
export async function nextTopicSeq(db: Db, meetingId: number) {
  const r = await db
    .selectFrom('meeting_topics')
    .select((eb) => eb.fn.max<number | null>('seq').as('m'))
    .where('meeting_id', '=', meetingId)
    .executeTakeFirstOrThrow();
  return Number(r.m ?? 0) + 1;
}
export function insertTopic(db: Db, v: Insertable<DB['meeting_topics']>) {
  return db.insertInto('meeting_topics').values(v).returning('id').executeTakeFirstOrThrow();
}
/** Sets a topic's outcome once: a topic already decided is not overwritten (answers undefined). */
export function decideTopic(db: Db, communityId: CommunityId, id: number, v: { outcome: string; outcome_note: string | null; ticket_id?: number | null }) {
  return db
    .updateTable('meeting_topics')
    .set({ ...v, decided_at: new Date(), updated_at: new Date() })
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .where('outcome', 'is', null)
    .returning('id')
    .executeTakeFirst();
}

// Attendees, decisions, follow-ups
export function listAttendees(db: Db, communityId: CommunityId, meetingId: number) {
  return db.selectFrom('meeting_attendees').selectAll().where('community_id', '=', communityId).where('meeting_id', '=', meetingId).orderBy('id').execute();
}
export function insertAttendee(db: Db, v: Insertable<DB['meeting_attendees']>) {
  return db.insertInto('meeting_attendees').values(v).returning('id').executeTakeFirstOrThrow();
}
export function signIn(db: Db, communityId: CommunityId, meetingId: number, id: number) {
  return db
    .updateTable('meeting_attendees')
    .set({ signed_in_at: new Date() })
    .where('community_id', '=', communityId)
    .where('meeting_id', '=', meetingId)
    .where('id', '=', id)
    .where('signed_in_at', 'is', null)
    .returning(['id', 'name'])
    .executeTakeFirst();
}
export function listDecisions(db: Db, communityId: CommunityId, meetingId: number) {
  return db.selectFrom('meeting_decisions').selectAll().where('community_id', '=', communityId).where('meeting_id', '=', meetingId).orderBy('id').execute();
}
export function insertDecision(db: Db, v: Insertable<DB['meeting_decisions']>) {
  return db.insertInto('meeting_decisions').values(v).returning('id').executeTakeFirstOrThrow();
}
export function listFollowUps(db: Db, communityId: CommunityId, meetingId: number) {
  return db.selectFrom('meeting_follow_ups').selectAll().where('community_id', '=', communityId).where('meeting_id', '=', meetingId).orderBy('id').execute();
}
export function insertFollowUp(db: Db, v: Insertable<DB['meeting_follow_ups']>) {
  return db.insertInto('meeting_follow_ups').values(v).returning('id').executeTakeFirstOrThrow();
}
export function markFollowUpDone(db: Db, communityId: CommunityId, meetingId: number, id: number, note: string | null) {
  return db
    .updateTable('meeting_follow_ups')
    .set({ done_at: new Date(), done_note: note })
    .where('community_id', '=', communityId)
    .where('meeting_id', '=', meetingId)
    .where('id', '=', id)
    .where('done_at', 'is', null)
    .returning(['id', 'text'])
    .executeTakeFirst();
}

// Rotations
export function listRotations(db: Db, communityId: CommunityId) {
  return db
    .selectFrom('meeting_rotations')
    .selectAll()
    .select(sql<number>`(select count(*) from meetings m where m.rotation_id = meeting_rotations.id)`.as('meeting_count'))
    .where('community_id', '=', communityId)
    .where('archived_at', 'is', null)
    .orderBy('id', 'desc')
    .execute();
}
export type RotationRow = Awaited<ReturnType<typeof listRotations>>[number];
export function findRotation(db: Db, communityId: CommunityId, id: number) {
  return db
    .selectFrom('meeting_rotations')
    .selectAll()
    .select(sql<number>`(select count(*) from meetings m where m.rotation_id = meeting_rotations.id)`.as('meeting_count'))
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .executeTakeFirst();
}
/** The same plan asked for again (a double click, a retry): the rotation already made of it. */
export function findSameRotation(
  db: Db,
  communityId: CommunityId,
  v: { kind: string; title: string; compoundIds: string; startsOn: string; intervalDays: number; startTime: string },
) {
  return db
    .selectFrom('meeting_rotations')
    .select('id')
    .where('community_id', '=', communityId)
    .where('archived_at', 'is', null)
    .where('kind', '=', v.kind)
    .where('title', '=', v.title)
    .where(sql<boolean>`compound_ids = ${v.compoundIds}::jsonb`)
    .where('starts_on', '=', v.startsOn)
    .where('interval_days', '=', v.intervalDays)
    .where('start_time', '=', v.startTime)
    .executeTakeFirst();
}
export function insertRotation(db: Db, v: Insertable<DB['meeting_rotations']>) {
  return db.insertInto('meeting_rotations').values(v).returning('id').executeTakeFirstOrThrow();
}
/** Serialises rotation planning per community, so two identical requests at once make one rotation. */
export async function lockRotationPlanning(db: Transaction<DB>, communityId: CommunityId) {
  await sql`select pg_advisory_xact_lock(${sql.lit(45_045)}, ${sql.val(communityId)}::int)`.execute(db);
}

// The ledger's read model and the dashboard's counts
/** Meetings starting in the period, in order of time, a batch at a time after the given (starts_at, id). */
export function meetingsInPeriod(
  db: Db,
  communityId: CommunityId,
  p: { from: Date; to: Date; statuses: readonly string[] },
  after: { at: Date; id: number } | null,
  limit: number,
) {
  let q = db
    .selectFrom('meetings')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('starts_at', '>=', p.from)
    .where('starts_at', '<', p.to)
    .where('status', 'in', [...p.statuses]);
  if (after) q = q.where((eb) => eb.or([eb('starts_at', '>', after.at), eb.and([eb('starts_at', '=', after.at), eb('id', '>', after.id)])]));
  return q.orderBy('starts_at').orderBy('id').limit(limit).execute();
}
export async function countInPeriod(db: Db, communityId: CommunityId, p: { from: Date; to: Date; statuses: readonly string[] }) {
  const r = await db
    .selectFrom('meetings')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('community_id', '=', communityId)
    .where('starts_at', '>=', p.from)
    .where('starts_at', '<', p.to)
    .where('status', 'in', [...p.statuses])
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
export function attendeesOf(db: Db, communityId: CommunityId, meetingIds: readonly number[]) {
  return db
    .selectFrom('meeting_attendees')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('meeting_id', 'in', meetingIds.length ? [...meetingIds] : [-1])
    .orderBy('id')
    .execute();
}
export function decisionsOf(db: Db, communityId: CommunityId, meetingIds: readonly number[]) {
  return db
    .selectFrom('meeting_decisions')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('meeting_id', 'in', meetingIds.length ? [...meetingIds] : [-1])
    .orderBy('id')
    .execute();
}
export function followUpsOf(db: Db, communityId: CommunityId, meetingIds: readonly number[]) {
  return db
    .selectFrom('meeting_follow_ups')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('meeting_id', 'in', meetingIds.length ? [...meetingIds] : [-1])
    .orderBy('id')
    .execute();
}
/** Meetings held and topics raised and answered on the spot at meetings starting in [from, to). */
export async function heldCounts(db: Db, communityId: CommunityId, from: Date, to: Date) {
  const r = await db
    .selectFrom('meetings as m')
    .leftJoin('meeting_topics as t', 't.meeting_id', 'm.id')
    .select([
      sql<number>`count(distinct m.id) filter (where m.status in ('held','minuted'))`.as('held'),
      sql<number>`count(t.id)`.as('topics'),
      sql<number>`count(t.id) filter (where t.outcome = 'answered')`.as('answered'),
    ])
    .where('m.community_id', '=', communityId)
    .where('m.starts_at', '>=', from)
    .where('m.starts_at', '<', to)
    .where('m.status', '<>', 'cancelled')
    .executeTakeFirstOrThrow();
  return { held: Number(r.held), topicsRaised: Number(r.topics), answeredOnSpot: Number(r.answered) };
}
