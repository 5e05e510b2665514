import type { Kysely } from 'kysely';
import { runStatements } from './20261123000100_foundation.js';

// The activities module (issue 11 point 3, ADR 0048): each occurrence is a row (a weekly series shares series_id, the
// first occurrence's id, and keeps its RRULE for the calendar feed); sign-ups with a sealed phone and a hashed private
// link, in order for the waiting list; a timeline; volunteers serving at an activity and the hours entry credited.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `create table activities (
  id bigint generated always as identity primary key,
  community_id bigint not null references communities(id),
  series_id bigint references activities(id),
  rrule text,
  title text not null,
  kind text not null,
  description text,
  organiser_kind text not null,
  organiser_id bigint,
  organiser_name text,
  station_id bigint,
  venue_id bigint,
  booking_id bigint,
  place text,
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  capacity integer,
  signup_opens_at timestamptz,
  signup_closes_at timestamptz,
  audience text not null default 'all',
  compound_id bigint,
  is_public boolean not null default true,
  status text not null default 'published',
  checkin_code_hash text,
  walk_in_count integer not null default 0,
  report text,
  photos jsonb not null default '[]',
  cancel_reason text,
  held_at timestamptz,
  reported_at timestamptz,
  cancelled_at timestamptz,
  created_by bigint references accounts(id),
  created_at timestamptz not null default now(),
  constraint activities_ends_after_start check (ends_at > starts_at),
  constraint activities_capacity_positive check (capacity is null or capacity > 0)
);
create index activities_calendar on activities (community_id, starts_at);
create index activities_series on activities (series_id) where series_id is not null;
create table activity_signups (
  id bigint generated always as identity primary key,
  community_id bigint not null references communities(id),
  activity_id bigint not null references activities(id),
  name text not null,
  phone_enc text not null,
  phone_masked text not null,
  phone_hash text not null,
  link_hash text not null unique,
  status text not null,
  account_id bigint references accounts(id),
  checked_in_at timestamptz,
  checkin_via text,
  promoted_at timestamptz,
  cancelled_at timestamptz,
  created_at timestamptz not null default now()
);
create unique index activity_signups_one_per_phone on activity_signups (activity_id, phone_hash) where status <> 'cancelled';
create index activity_signups_activity on activity_signups (activity_id, status, id);
create table activity_events (
  id bigint generated always as identity primary key,
  community_id bigint not null references communities(id),
  activity_id bigint not null references activities(id),
  kind text not null,
  actor_id bigint references accounts(id),
  signup_id bigint references activity_signups(id),
  note text,
  created_at timestamptz not null default now()
);
create index activity_events_activity on activity_events (activity_id, id);
create table activity_volunteers (
  id bigint generated always as identity primary key,
  community_id bigint not null references communities(id),
  activity_id bigint not null references activities(id),
  volunteer_id bigint not null,
  started_at timestamptz,
  ended_at timestamptz,
  hours_entry_id bigint,
  created_by bigint references accounts(id),
  created_at timestamptz not null default now()
);
create unique index activity_volunteers_once on activity_volunteers (activity_id, volunteer_id)`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, 'drop table activity_volunteers;\ndrop table activity_events;\ndrop table activity_signups;\ndrop table activities');
}
