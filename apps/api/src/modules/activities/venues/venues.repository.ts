import { sql, type Insertable, type Kysely, type Transaction, type Updateable } from 'kysely';
import type { DB, VenueBookingsTable, VenuesTable, VenueBookingEventsTable } from '../../../platform/db/schema.js';
import { inScope, type CommunityId, type Scope } from '../../../platform/db/scope.js';

type Db = Kysely<DB> | Transaction<DB>;

/** SQL of venues and bookings (ADR 0047). Every read is scoped to one community or a Scope. */

export function venueById(db: Db, communityId: CommunityId, id: number) {
  return db.selectFrom('venues').selectAll().where('community_id', '=', communityId).where('id', '=', id).executeTakeFirst();
}

export function venueInScope(db: Db, scope: Scope, id: number) {
  return db.selectFrom('venues').selectAll().where(inScope(scope, 'venues.community_id')).where('id', '=', id).executeTakeFirst();
}

export function venueNameRows(db: Db, communityId: CommunityId, ids: readonly number[]) {
  return db
    .selectFrom('venues')
    .select(['id', 'name'])
    .where('community_id', '=', communityId)
    .where(sql<boolean>`id = any(${sql.val([...ids, -1])}::bigint[])`)
    .execute();
}

export function listVenueRows(db: Db, communityId: CommunityId, opts: { status?: string | undefined; includeArchived?: boolean }) {
  let q = db.selectFrom('venues').selectAll().where('community_id', '=', communityId);
  if (opts.status) q = q.where('status', '=', opts.status as VenuesTable['status']['__select__']);
  else if (!opts.includeArchived) q = q.where('status', '!=', 'archived');
  return q.orderBy('name').orderBy('id').execute();
}

export function insertVenue(db: Db, row: Insertable<VenuesTable>) {
  return db.insertInto('venues').values(row).returning('id').executeTakeFirstOrThrow();
}

export function updateVenueRow(db: Db, communityId: CommunityId, id: number, patch: Updateable<VenuesTable>) {
  return db
    .updateTable('venues')
    .set({ ...patch, updated_at: sql<Date>`now()` })
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .returning('id')
    .executeTakeFirst();
}

/** The first live booking of the venue overlapping the time (the friendly answer; the constraint is the guard). */
export function overlappingBooking(db: Db, communityId: CommunityId, venueId: number, startsAt: Date, endsAt: Date, exceptId?: number) {
  let q = db
    .selectFrom('venue_bookings')
    .select(['id', 'starts_at', 'ends_at', 'purpose'])
    .where('community_id', '=', communityId)
    .where('venue_id', '=', venueId)
    .where('status', 'in', ['requested', 'approved'])
    .where(sql<boolean>`tstzrange(starts_at, ends_at) && tstzrange(${startsAt}::timestamptz, ${endsAt}::timestamptz)`);
  if (exceptId !== undefined) q = q.where('id', '!=', exceptId);
  return q.orderBy('starts_at').limit(1).executeTakeFirst();
}

export function insertBooking(db: Db, row: Insertable<VenueBookingsTable>) {
  return db.insertInto('venue_bookings').values(row).returning('id').executeTakeFirstOrThrow();
}

export function bookingById(db: Db, communityId: CommunityId, id: number) {
  return db.selectFrom('venue_bookings').selectAll().where('community_id', '=', communityId).where('id', '=', id).executeTakeFirst();
}

/** Locks the booking row for a state change in the caller's transaction. */
export function bookingForUpdate(trx: Transaction<DB>, communityId: CommunityId, id: number) {
  return trx.selectFrom('venue_bookings').selectAll().where('community_id', '=', communityId).where('id', '=', id).forUpdate().executeTakeFirst();
}

export function updateBookingRow(db: Db, communityId: CommunityId, id: number, patch: Updateable<VenueBookingsTable>) {
  return db
    .updateTable('venue_bookings')
    .set({ ...patch, updated_at: sql<Date>`now()` })
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .returning('id')
    .executeTakeFirst();
}

export function insertBookingEvent(db: Db, row: Insertable<VenueBookingEventsTable>) {
  return db.insertInto('venue_booking_events').values(row).execute();
}

export function bookingEventRows(db: Db, communityId: CommunityId, bookingId: number) {
  return db.selectFrom('venue_booking_events').selectAll().where('community_id', '=', communityId).where('booking_id', '=', bookingId).orderBy('id').execute();
}

export interface BookingFilter {
  venueId?: number | undefined;
  status?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  activityId?: number | undefined;
}

/** Bookings overlapping a window (the week view), or a page of them by status, oldest first. */
export function listBookingRows(db: Db, communityId: CommunityId, f: BookingFilter, limit = 500) {
  let q = db.selectFrom('venue_bookings').selectAll().where('community_id', '=', communityId);
  if (f.venueId !== undefined) q = q.where('venue_id', '=', f.venueId);
  if (f.status) q = q.where('status', '=', f.status as VenueBookingsTable['status']['__select__']);
  if (f.activityId !== undefined) q = q.where('activity_id', '=', f.activityId);
  if (f.from) q = q.where('ends_at', '>', f.from);
  if (f.to) q = q.where('starts_at', '<', f.to);
  return q.orderBy('starts_at').orderBy('id').limit(limit).execute();
}

/** Approved bookings starting in [from, to), summed per venue and booker: count, hours booked, hours used (ended, not a no-show). */
export function usageRows(db: Db, communityId: CommunityId, from: Date, to: Date) {
  return db
    .selectFrom('venue_bookings')
    .select([
      'venue_id',
      'booker_kind',
      'team_id',
      'partner_id',
      sql<number>`count(*)::int`.as('bookings'),
      sql<number>`coalesce(sum(extract(epoch from ends_at - starts_at)), 0)::float8 / 3600`.as('booked_hours'),
      sql<number>`coalesce(sum(extract(epoch from ends_at - starts_at)) filter (where ends_at <= now() and not no_show), 0)::float8 / 3600`.as('used_hours'),
    ])
    .where('community_id', '=', communityId)
    .where('status', '=', 'approved')
    .where('starts_at', '>=', from)
    .where('starts_at', '<', to)
    .groupBy(['venue_id', 'booker_kind', 'team_id', 'partner_id'])
    .orderBy('venue_id')
    .execute();
}

/** Live bookings (requested or approved) starting in [from, to): the dashboard's count. */
export async function countBookings(db: Db, communityId: CommunityId, from: Date, to: Date): Promise<number> {
  const row = await db
    .selectFrom('venue_bookings')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('community_id', '=', communityId)
    .where('status', 'in', ['requested', 'approved'])
    .where('starts_at', '>=', from)
    .where('starts_at', '<', to)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
