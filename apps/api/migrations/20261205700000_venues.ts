import type { Kysely } from 'kysely';
import { runStatements } from './20261123000100_foundation.js';

// Venues and their bookings (issue 11, ADR 0047). A venue is a room or space, optionally at a station, with opening
// hours per weekday in Beijing wall time. A booking holds a time on it; the exclusion constraint refuses two live
// bookings (requested or approved) that overlap on one venue, whatever the engine and however many arrive at once.
// The venue is matched as a one-point int8range so the constraint needs no btree_gist extension (core GiST only).
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `create table venues (
  id bigint generated always as identity primary key,
  community_id bigint not null references communities(id),
  station_id bigint references stations(id),
  name text not null,
  kind text not null,
  location text,
  capacity integer not null check (capacity > 0),
  opening_hours jsonb not null default '[]',
  bookable_by text[] not null default '{}',
  needs_approval boolean not null default true,
  status text not null default 'open' check (status in ('open', 'closed', 'archived')),
  description text,
  created_by bigint references accounts(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (community_id, name)
);
create index venues_community on venues (community_id, status);
create table venue_bookings (
  id bigint generated always as identity primary key,
  community_id bigint not null references communities(id),
  venue_id bigint not null references venues(id),
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  purpose text not null,
  booker_kind text not null check (booker_kind in ('team', 'partner', 'resident', 'staff', 'activity')),
  team_id bigint references teams(id),
  partner_id bigint references partners(id),
  activity_id bigint,
  contact_name text,
  contact_phone_enc text,
  contact_phone_masked text,
  attendees integer,
  channel text not null default 'console',
  status text not null default 'requested' check (status in ('requested', 'approved', 'declined', 'cancelled')),
  no_show boolean not null default false,
  booked_by bigint references accounts(id),
  decided_by bigint references accounts(id),
  decided_at timestamptz,
  decision_note text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint venue_bookings_ends_after_start check (ends_at > starts_at),
  constraint venue_bookings_no_overlap exclude using gist (
    int8range(venue_id, venue_id, '[]') with &&,
    tstzrange(starts_at, ends_at) with &&
  ) where (status in ('requested', 'approved'))
);
create index venue_bookings_venue on venue_bookings (venue_id, starts_at);
create index venue_bookings_community on venue_bookings (community_id, starts_at);
create index venue_bookings_activity on venue_bookings (activity_id) where activity_id is not null;
create table venue_booking_events (
  id bigint generated always as identity primary key,
  community_id bigint not null references communities(id),
  booking_id bigint not null references venue_bookings(id),
  action text not null,
  from_status text,
  to_status text not null,
  actor_id bigint references accounts(id),
  note text,
  created_at timestamptz not null default now()
);
create index venue_booking_events_booking on venue_booking_events (booking_id, id)`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, 'drop table venue_booking_events;\ndrop table venue_bookings;\ndrop table venues');
}
