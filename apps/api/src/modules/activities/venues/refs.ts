import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import type { CommunityId } from '../../../platform/db/scope.js';
import { AppError } from '../../../platform/errors.js';
import { holdVenue } from './book-slot.js';
import { bookingForUpdate, updateBookingRow, venueById, venueNameRows } from './venues.repository.js';
import { recordBookingStep } from './record-step.js';
import type { OpeningPeriod } from './opening-hours.js';

type Db = Kysely<DB> | Transaction<DB>;

/** A venue as other modules see it. */
export interface VenueRef {
  id: number;
  name: string;
  kind: string;
  stationId: number | null;
  location: string | null;
  capacity: number;
  status: 'open' | 'closed' | 'archived';
  openingHours: OpeningPeriod[];
}

/** Reads of venues for other modules (activities shows the room of an activity). */
export const venueRefs = {
  async get(db: Db, communityId: CommunityId, id: number): Promise<VenueRef | undefined> {
    const v = await venueById(db, communityId, id);
    return v
      ? {
          id: v.id,
          name: v.name,
          kind: v.kind,
          stationId: v.station_id,
          location: v.location,
          capacity: v.capacity,
          status: v.status,
          openingHours: v.opening_hours,
        }
      : undefined;
  },
  /** Names by id, for a page of rows (ids of another community are left out). */
  async names(db: Db, communityId: CommunityId, ids: readonly number[]): Promise<Map<number, string>> {
    if (ids.length === 0) return new Map();
    const rows = await venueNameRows(db, communityId, ids);
    return new Map(rows.map((r) => [r.id, r.name]));
  },
};

export interface BookSlotInput {
  venueId: number;
  startsAt: Date;
  endsAt: Date;
  purpose: string;
  /** The account booking (staff creating the activity): recorded as booker and approver. */
  bookedBy: number;
  forActivityId?: number | null;
}

/**
 * Holds a venue for an activity (or any staff booking) in the caller's transaction, approved at once. Returns the
 * booking id, or throws a clear AppError: NOT_FOUND (venueId), VENUE_NOT_BOOKABLE, VALIDATION_FAILED (endsAt not
 * after startsAt), BOOKING_OUTSIDE_HOURS (startsAt/endsAt) or BOOKING_CONFLICT (startsAt). On BOOKING_CONFLICT from a
 * race the transaction is aborted on PostgreSQL: let the error end it.
 */
export async function bookSlot(trx: Transaction<DB>, communityId: CommunityId, input: BookSlotInput): Promise<number> {
  return holdVenue(
    trx,
    communityId,
    {
      venueId: input.venueId,
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      purpose: input.purpose,
      bookerKind: input.forActivityId != null ? 'activity' : 'staff',
      activityId: input.forActivityId ?? null,
      bookedBy: input.bookedBy,
      status: 'approved',
    },
    { accountId: input.bookedBy, requestId: null },
  );
}

/** Frees a booking (an activity cancelled or moved): the booking is cancelled, its time free again. Idempotent. */
export async function releaseSlot(trx: Transaction<DB>, communityId: CommunityId, bookingId: number, by: number, note?: string): Promise<void> {
  const b = await bookingForUpdate(trx, communityId, bookingId);
  if (!b) throw new AppError('NOT_FOUND', 'booking not found');
  if (b.status === 'cancelled' || b.status === 'declined') return;
  await updateBookingRow(trx, communityId, bookingId, { status: 'cancelled' });
  await recordBookingStep(trx, {
    communityId,
    bookingId,
    action: 'cancelled',
    fromStatus: b.status,
    toStatus: 'cancelled',
    actor: { accountId: by, requestId: null },
    note: note ?? null,
  });
}
