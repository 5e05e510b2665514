import { type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { inScope, type CommunityId, type Scope } from '../../platform/db/scope.js';

type Db = Kysely<DB> | Transaction<DB>;

const columns = [
  'id',
  'community_id',
  'series_id',
  'rrule',
  'title',
  'kind',
  'description',
  'organiser_kind',
  'organiser_id',
  'organiser_name',
  'station_id',
  'venue_id',
  'booking_id',
  'place',
  'starts_at',
  'ends_at',
  'capacity',
  'signup_opens_at',
  'signup_closes_at',
  'audience',
  'compound_id',
  'is_public',
  'status',
  'checkin_code_hash',
  'walk_in_count',
  'report',
  'photos',
  'cancel_reason',
  'held_at',
  'reported_at',
  'cancelled_at',
  'created_at',
] as const;

/** An activity row with its sign-up counts (confirmed, waiting, checked in). */
function withCounts(db: Db) {
  return db
    .selectFrom('activities as a')
    .select(columns.map((c) => `a.${c}` as const))
    .select((eb) => [
      eb
        .selectFrom('activity_signups as s')
        .whereRef('s.activity_id', '=', 'a.id')
        .where('s.status', '=', 'confirmed')
        .select(eb.fn.countAll<number>().as('n'))
        .as('confirmed_count'),
      eb
        .selectFrom('activity_signups as s')
        .whereRef('s.activity_id', '=', 'a.id')
        .where('s.status', '=', 'waitlisted')
        .select(eb.fn.countAll<number>().as('n'))
        .as('waitlist_count'),
      eb
        .selectFrom('activity_signups as s')
        .whereRef('s.activity_id', '=', 'a.id')
        .where('s.status', '=', 'confirmed')
        .where('s.checked_in_at', 'is not', null)
        .select(eb.fn.countAll<number>().as('n'))
        .as('attended_count'),
    ]);
}

export interface ActivityFilter {
  from?: Date;
  to?: Date;
  stationId?: number;
  status?: string;
  kind?: string;
  publicOnly?: boolean;
  compoundId?: number;
}

function filtered(db: Db, communityId: CommunityId, f: ActivityFilter) {
  let q = withCounts(db).where('a.community_id', '=', communityId);
  if (f.from) q = q.where('a.ends_at', '>=', f.from);
  if (f.to) q = q.where('a.starts_at', '<', f.to);
  if (f.stationId) q = q.where('a.station_id', '=', f.stationId);
  if (f.status) q = q.where('a.status', '=', f.status);
  if (f.kind) q = q.where('a.kind', '=', f.kind);
  if (f.publicOnly) q = q.where('a.is_public', '=', true);
  if (f.compoundId) {
    const compoundId = f.compoundId;
    q = q.where((eb) => eb.or([eb('a.audience', '=', 'all'), eb('a.compound_id', '=', compoundId)]));
  }
  return q;
}

export async function listActivities(db: Db, communityId: CommunityId, f: ActivityFilter, page: { offset: number; limit: number }) {
  const base = filtered(db, communityId, f);
  const total = await db
    .selectFrom(base.as('x'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await base.orderBy('a.starts_at').orderBy('a.id').offset(page.offset).limit(page.limit).execute();
  return { total: Number(total.n), rows };
}

export function findActivity(db: Db, scope: Scope, id: number) {
  return withCounts(db).where('a.id', '=', id).where(inScope(scope, 'a.community_id')).executeTakeFirst();
}
export type ActivityRow = NonNullable<Awaited<ReturnType<typeof findActivity>>>;

/** The activity row locked for a sign-up, a cancellation or a close: the one lock that orders them (no overbooking). */
export function lockActivity(trx: Transaction<DB>, communityId: CommunityId, id: number) {
  return trx
    .selectFrom('activities')
    .select(['id', 'community_id', 'status', 'capacity', 'starts_at', 'ends_at', 'signup_opens_at', 'signup_closes_at', 'checkin_code_hash', 'title'])
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

/** One occurrence as the service builds it (times as Dates). */
export interface NewActivity {
  title: string;
  kind: string;
  description: string | null;
  organiser_kind: string;
  organiser_id: number | null;
  organiser_name: string | null;
  station_id: number | null;
  venue_id: number | null;
  place: string | null;
  starts_at: Date;
  ends_at: Date;
  capacity: number | null;
  signup_opens_at: Date | null;
  signup_closes_at: Date | null;
  audience: string;
  compound_id: number | null;
  is_public: boolean;
  created_by: number | null;
}

export async function insertActivities(trx: Transaction<DB>, communityId: CommunityId, rows: NewActivity[], rrule: string | null) {
  const ids: number[] = [];
  for (const [i, r] of rows.entries()) {
    const { id } = await trx
      .insertInto('activities')
      .values({ community_id: communityId, ...r, series_id: rows.length > 1 ? (ids[0] ?? null) : null, rrule: i === 0 ? rrule : null })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.push(id);
  }
  // The first occurrence names the series too, so a series is every row with one series_id.
  if (rows.length > 1) await trx.updateTable('activities').set({ series_id: ids[0]! }).where('id', '=', ids[0]!).execute();
  return ids;
}

export async function updateActivity(trx: Db, communityId: CommunityId, id: number, set: Partial<Record<keyof DB['activities'], unknown>>) {
  await trx
    .updateTable('activities')
    .set(set as never)
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .execute();
}

/** Later occurrences of a series still published (for cancelling the rest of a series). */
export function laterInSeries(trx: Db, communityId: CommunityId, seriesId: number, from: Date) {
  return trx
    .selectFrom('activities')
    .select('id')
    .where('community_id', '=', communityId)
    .where('series_id', '=', seriesId)
    .where('starts_at', '>=', from)
    .where('status', '=', 'published')
    .execute();
}

export function bookingsOf(trx: Db, communityId: CommunityId, ids: number[]) {
  return trx
    .selectFrom('activities')
    .select(['id', 'booking_id'])
    .where('community_id', '=', communityId)
    .where('id', 'in', ids.length ? ids : [-1])
    .execute();
}

export function addEvent(
  trx: Db,
  communityId: CommunityId,
  e: { activityId: number; kind: string; actorId: number | null; signupId?: number | null; note?: string | null },
) {
  return trx
    .insertInto('activity_events')
    .values({ community_id: communityId, activity_id: e.activityId, kind: e.kind, actor_id: e.actorId, signup_id: e.signupId ?? null, note: e.note ?? null })
    .execute();
}

// ---- sign-ups

const signupColumns = [
  'id',
  'community_id',
  'activity_id',
  'name',
  'phone_masked',
  'status',
  'checked_in_at',
  'checkin_via',
  'promoted_at',
  'cancelled_at',
  'created_at',
] as const;

export function countConfirmed(trx: Db, activityId: number) {
  return trx
    .selectFrom('activity_signups')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('activity_id', '=', activityId)
    .where('status', '=', 'confirmed')
    .executeTakeFirstOrThrow()
    .then((r) => Number(r.n));
}

export function insertSignup(
  trx: Db,
  communityId: CommunityId,
  v: {
    activity_id: number;
    name: string;
    phone_enc: string;
    phone_masked: string;
    phone_hash: string;
    link_hash: string;
    status: string;
    account_id: number | null;
  },
) {
  return trx
    .insertInto('activity_signups')
    .values({ community_id: communityId, ...v })
    .returning(signupColumns)
    .executeTakeFirstOrThrow();
}

export function listSignups(db: Db, communityId: CommunityId, activityId: number) {
  return db
    .selectFrom('activity_signups')
    .select(signupColumns)
    .where('community_id', '=', communityId)
    .where('activity_id', '=', activityId)
    .orderBy('id')
    .execute();
}
export type SignupRow = Awaited<ReturnType<typeof listSignups>>[number];

export function findSignupByLink(db: Db, linkHash: string) {
  return db.selectFrom('activity_signups').select(signupColumns).where('link_hash', '=', linkHash).executeTakeFirst();
}

export function findSignup(db: Db, communityId: CommunityId, activityId: number, id: number) {
  return db
    .selectFrom('activity_signups')
    .select(signupColumns)
    .where('community_id', '=', communityId)
    .where('activity_id', '=', activityId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Place on the waiting list: waiters before it, plus one. */
export async function waitlistPosition(db: Db, activityId: number, signupId: number) {
  const r = await db
    .selectFrom('activity_signups')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('activity_id', '=', activityId)
    .where('status', '=', 'waitlisted')
    .where('id', '<=', signupId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Cancels one sign-up; answers its status before, or undefined when it was cancelled already. */
export async function cancelSignup(trx: Db, communityId: CommunityId, id: number, now: Date) {
  const before = await trx
    .selectFrom('activity_signups')
    .select('status')
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .where('status', '<>', 'cancelled')
    .executeTakeFirst();
  if (!before) return undefined;
  await trx.updateTable('activity_signups').set({ status: 'cancelled', cancelled_at: now }).where('id', '=', id).execute();
  return before.status;
}

/** Moves the first waiter into a free seat; answers the promoted sign-up's id. */
export async function promoteFirstWaiter(trx: Db, communityId: CommunityId, activityId: number, now: Date) {
  const first = await trx
    .selectFrom('activity_signups')
    .select('id')
    .where('community_id', '=', communityId)
    .where('activity_id', '=', activityId)
    .where('status', '=', 'waitlisted')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  if (!first) return undefined;
  await trx.updateTable('activity_signups').set({ status: 'confirmed', promoted_at: now }).where('id', '=', first.id).execute();
  return first.id;
}

/** Marks sign-ups present (the first check-in counts); answers the ids newly checked in. */
export async function markCheckedIn(trx: Db, communityId: CommunityId, activityId: number, ids: number[], via: string, now: Date) {
  if (ids.length === 0) return [];
  const rows = await trx
    .updateTable('activity_signups')
    .set({ checked_in_at: now, checkin_via: via })
    .where('community_id', '=', communityId)
    .where('activity_id', '=', activityId)
    .where('id', 'in', ids)
    .where('status', '=', 'confirmed')
    .where('checked_in_at', 'is', null)
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

export function activityIdsWithSignups(db: Db, ids: number[]) {
  return ids.length === 0 ? Promise.resolve([]) : db.selectFrom('activity_signups').select('activity_id').where('activity_id', 'in', ids).distinct().execute();
}

// ---- volunteers serving

export function listVolunteers(db: Db, communityId: CommunityId, activityId: number) {
  return db
    .selectFrom('activity_volunteers')
    .select(['id', 'volunteer_id', 'started_at', 'ended_at', 'hours_entry_id'])
    .where('community_id', '=', communityId)
    .where('activity_id', '=', activityId)
    .orderBy('id')
    .execute();
}

export function insertVolunteer(
  trx: Db,
  communityId: CommunityId,
  v: { activity_id: number; volunteer_id: number; started_at: Date | null; ended_at: Date | null; created_by: number },
) {
  return trx
    .insertInto('activity_volunteers')
    .values({ community_id: communityId, ...v })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export function setHoursEntry(trx: Db, communityId: CommunityId, id: number, entryId: number) {
  return trx.updateTable('activity_volunteers').set({ hours_entry_id: entryId }).where('community_id', '=', communityId).where('id', '=', id).execute();
}

// ---- the calendar feed

export function feedRows(db: Db, communityId: CommunityId, f: { since: Date; teamId?: number }) {
  let q = db
    .selectFrom('activities')
    .select(['id', 'series_id', 'rrule', 'title', 'kind', 'description', 'organiser_name', 'place', 'starts_at', 'ends_at', 'status', 'created_at'])
    .where('community_id', '=', communityId)
    .where('is_public', '=', true)
    .where('ends_at', '>=', f.since);
  if (f.teamId) q = q.where('organiser_kind', '=', 'team').where('organiser_id', '=', f.teamId);
  return q.orderBy('starts_at').orderBy('id').limit(5000).execute();
}

/** First rows of series (their RRULE and DTSTART), even when they are older than the feed's window. */
export function seriesHeads(db: Db, communityId: CommunityId, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('activities')
    .select(['id', 'rrule', 'title', 'kind', 'description', 'organiser_name', 'place', 'starts_at', 'ends_at', 'created_at'])
    .where('community_id', '=', communityId)
    .where('id', 'in', ids)
    .execute();
}
