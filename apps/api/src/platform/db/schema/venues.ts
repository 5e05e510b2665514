import type { ColumnType, Generated } from 'kysely';
import type { Id, CreatedAt, Timestamp } from './common.js';

/** Tables of venues and bookings (issue 11, ADR 0047), owned by activities (modules/activities/venues/). */
export interface VenuesTables {
  venues: VenuesTable;
  venue_bookings: VenueBookingsTable;
  venue_booking_events: VenueBookingEventsTable;
}

/** One opening period on a weekday (1 = Monday … 7 = Sunday), Beijing wall time 'HH:MM'; `closes` '24:00' is midnight. */
export interface OpeningPeriodRow {
  weekday: number;
  opens: string;
  closes: string;
}

export type VenueStatus = 'open' | 'closed' | 'archived';
export type VenueBookerKind = 'team' | 'partner' | 'resident' | 'staff' | 'activity';
export type VenueBookingStatus = 'requested' | 'approved' | 'declined' | 'cancelled';

export interface VenuesTable {
  id: Id;
  community_id: number;
  station_id: number | null;
  name: string;
  kind: string;
  location: string | null;
  capacity: number;
  opening_hours: ColumnType<OpeningPeriodRow[], string | undefined, string>;
  bookable_by: ColumnType<string[], string[] | undefined, string[]>;
  needs_approval: Generated<boolean>;
  status: ColumnType<VenueStatus, VenueStatus | undefined, VenueStatus>;
  description: string | null;
  created_by: number | null;
  created_at: CreatedAt;
  updated_at: Generated<Date>;
}

export interface VenueBookingsTable {
  id: Id;
  community_id: number;
  venue_id: number;
  starts_at: Timestamp;
  ends_at: Timestamp;
  purpose: string;
  booker_kind: VenueBookerKind;
  team_id: number | null;
  partner_id: number | null;
  /** The activity (activities module) this booking holds the room for; no foreign key across modules. */
  activity_id: number | null;
  contact_name: string | null;
  contact_phone_enc: string | null;
  contact_phone_masked: string | null;
  attendees: number | null;
  channel: Generated<string>;
  status: ColumnType<VenueBookingStatus, VenueBookingStatus | undefined, VenueBookingStatus>;
  no_show: Generated<boolean>;
  booked_by: number | null;
  decided_by: number | null;
  decided_at: Timestamp | null;
  decision_note: string | null;
  created_at: CreatedAt;
  updated_at: Generated<Date>;
}

export interface VenueBookingEventsTable {
  id: Id;
  community_id: number;
  booking_id: number;
  action: string;
  from_status: string | null;
  to_status: string;
  actor_id: number | null;
  note: string | null;
  created_at: CreatedAt;
}
