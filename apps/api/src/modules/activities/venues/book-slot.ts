import type { Transaction } from 'kysely';
import type { DB, VenueBookerKind, VenueBookingStatus } from '../../../platform/db/schema.js';
import type { CommunityId } from '../../../platform/db/scope.js';
import type { AuditActor } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/errors.js';
import { beijingText } from '../../../platform/time.js';
import { describeOpeningHours, outsideOpeningHours } from './opening-hours.js';
import { insertBooking, overlappingBooking, venueById } from './venues.repository.js';
import { recordBookingStep } from './record-step.js';

/** What a booking holds and for whom; the checks are the same from the console, the phone and an activity. */
export interface BookingDraft {
  venueId: number;
  startsAt: Date;
  endsAt: Date;
  purpose: string;
  bookerKind: VenueBookerKind;
  teamId?: number | null;
  partnerId?: number | null;
  activityId?: number | null;
  contactName?: string | null;
  contactPhoneEnc?: string | null;
  contactPhoneMasked?: string | null;
  attendees?: number | null;
  channel?: string;
  /** The account that booked (null for a resident's phone request). */
  bookedBy: number | null;
  /** Approved at once (staff booking, an activity's room) or left for staff to approve. */
  status: Extract<VenueBookingStatus, 'requested' | 'approved'>;
}

/** The PostgreSQL exclusion violation of venue_bookings_no_overlap (raised when a concurrent booking won the race). */
const isOverlapViolation = (err: unknown) => (err as { code?: string }).code === '23P01';

const conflict = (field: string, value: string) =>
  new AppError('BOOKING_CONFLICT', `${field} overlaps ${value}`, { fields: [{ field, rule: 'overlaps_booking', params: { value } }] });

/**
 * Holds a time on a venue in the caller's transaction: the venue must be open and take this kind of booker, the end
 * after the start, the time inside the opening hours, and free of live bookings. The database's exclusion constraint
 * has the last word, so two requests at once cannot both win (ADR 0047). Writes the timeline and audit rows.
 */
export async function holdVenue(trx: Transaction<DB>, communityId: CommunityId, d: BookingDraft, actor: AuditActor | null): Promise<number> {
  if (!(d.startsAt instanceof Date) || Number.isNaN(d.startsAt.getTime())) {
    throw new AppError('VALIDATION_FAILED', 'startsAt invalid', { fields: [{ field: 'startsAt', rule: 'invalid' }] });
  }
  if (!(d.endsAt instanceof Date) || Number.isNaN(d.endsAt.getTime())) {
    throw new AppError('VALIDATION_FAILED', 'endsAt invalid', { fields: [{ field: 'endsAt', rule: 'invalid' }] });
  }
  if (d.endsAt.getTime() <= d.startsAt.getTime()) {
    throw new AppError('VALIDATION_FAILED', 'endsAt must be after startsAt', { fields: [{ field: 'endsAt', rule: 'not_after_start' }] });
  }
  const purpose = d.purpose.trim();
  if (!purpose) throw new AppError('VALIDATION_FAILED', 'purpose required', { fields: [{ field: 'purpose', rule: 'required' }] });
  const venue = await venueById(trx, communityId, d.venueId);
  if (!venue) throw new AppError('NOT_FOUND', 'venue not found', { fields: [{ field: 'venueId', rule: 'not_found' }] });
  const bookerOpen = d.bookerKind === 'staff' || d.bookerKind === 'activity' || venue.bookable_by.includes(d.bookerKind);
  if (venue.status !== 'open' || !bookerOpen) {
    throw new AppError('VENUE_NOT_BOOKABLE', `venue ${venue.status}, bookable by ${venue.bookable_by.join(',')}`, {
      fields: [{ field: 'venueId', rule: 'invalid_option' }],
    });
  }
  const outside = outsideOpeningHours(venue.opening_hours, d.startsAt, d.endsAt);
  if (outside) {
    const hours = describeOpeningHours(venue.opening_hours);
    throw new AppError('BOOKING_OUTSIDE_HOURS', `${outside} outside ${hours}`, {
      fields: [{ field: outside, rule: 'outside_opening_hours', params: { hours } }],
    });
  }
  const taken = await overlappingBooking(trx, communityId, venue.id, d.startsAt, d.endsAt);
  if (taken) throw conflict('startsAt', `${beijingText(taken.starts_at)}–${beijingText(taken.ends_at).slice(11)}`);
  const row = await insertBooking(trx, {
    community_id: communityId,
    venue_id: venue.id,
    starts_at: d.startsAt,
    ends_at: d.endsAt,
    purpose,
    booker_kind: d.bookerKind,
    team_id: d.teamId ?? null,
    partner_id: d.partnerId ?? null,
    activity_id: d.activityId ?? null,
    contact_name: d.contactName ?? null,
    contact_phone_enc: d.contactPhoneEnc ?? null,
    contact_phone_masked: d.contactPhoneMasked ?? null,
    attendees: d.attendees ?? null,
    channel: d.channel ?? 'console',
    status: d.status,
    booked_by: d.bookedBy,
    decided_by: d.status === 'approved' ? d.bookedBy : null,
    decided_at: d.status === 'approved' ? new Date() : null,
  }).catch((err: unknown) => {
    if (isOverlapViolation(err)) throw conflict('startsAt', `${beijingText(d.startsAt)}–${beijingText(d.endsAt).slice(11)}`);
    throw err;
  });
  await recordBookingStep(trx, {
    communityId,
    bookingId: row.id,
    action: d.status === 'approved' ? 'booked' : 'requested',
    fromStatus: null,
    toStatus: d.status,
    actor,
    changes: { venueId: venue.id, startsAt: d.startsAt.toISOString(), endsAt: d.endsAt.toISOString(), bookerKind: d.bookerKind },
  });
  return row.id;
}
