import type { Booking, Venue } from '@linli/contracts';
import type { Selectable } from 'kysely';
import type { VenueBookingsTable, VenuesTable } from '../../../platform/db/schema.js';
import { iso } from '../../../platform/time.js';

export function presentVenue(v: Selectable<VenuesTable>): Venue {
  return {
    id: v.id,
    communityId: v.community_id,
    stationId: v.station_id,
    name: v.name,
    kind: v.kind as Venue['kind'],
    location: v.location,
    capacity: v.capacity,
    openingHours: v.opening_hours,
    bookableBy: v.bookable_by as Venue['bookableBy'],
    needsApproval: v.needs_approval,
    status: v.status,
    description: v.description,
  };
}

/** Names for a page of bookings: venues, teams and partners by id (the owners' refs, batched). */
export interface BookingNames {
  venues: Map<number, string>;
  teams: Map<number, string>;
  partners: Map<number, string>;
}

export function presentBooking(b: Selectable<VenueBookingsTable>, names: BookingNames): Booking {
  const bookerName =
    b.booker_kind === 'team' && b.team_id
      ? (names.teams.get(b.team_id) ?? null)
      : b.booker_kind === 'partner' && b.partner_id
        ? (names.partners.get(b.partner_id) ?? null)
        : b.contact_name;
  return {
    id: b.id,
    communityId: b.community_id,
    venueId: b.venue_id,
    venueName: names.venues.get(b.venue_id) ?? '',
    startsAt: iso(b.starts_at),
    endsAt: iso(b.ends_at),
    purpose: b.purpose,
    bookerKind: b.booker_kind,
    teamId: b.team_id,
    partnerId: b.partner_id,
    activityId: b.activity_id,
    bookerName,
    contactPhoneMasked: b.contact_phone_masked,
    attendees: b.attendees,
    channel: b.channel,
    status: b.status,
    noShow: b.no_show,
    decidedAt: b.decided_at ? iso(b.decided_at) : null,
    decisionNote: b.decision_note,
    createdAt: iso(b.created_at),
  };
}
