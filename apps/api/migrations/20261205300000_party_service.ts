import type { Kysely } from 'kysely';
import { runStatements } from './20261123000100_foundation.js';

// Party members' service (issue 10 point 5, ADR 0043): 双报到 reports with the community's 回执, pioneer posts (先锋岗)
// and their claims, responsibility areas (责任区), pairings with households (结对), and each community's rules.
// The service itself is recorded as volunteer service hours (source kind 'party_service'), not here.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `create table party_settings (
  community_id bigint primary key references communities(id),
  report_interval_months integer not null default 6,
  floor_hours_per_year numeric(7,1) not null default 50,
  pass_points integer,
  receipt_seq integer not null default 0,
  updated_by bigint references accounts(id),
  updated_at timestamptz not null default now()
);
create table party_reports (
  id bigint generated always as identity primary key,
  community_id bigint not null references communities(id),
  party_member_id bigint not null references party_members(id),
  work_unit text not null,
  work_unit_party_org text,
  slip_received_on date not null,
  reported_on date not null,
  receipt_no text not null,
  skills text[] not null default '{}',
  preferred_classes text[] not null default '{}',
  contact_phone_enc text,
  contact_phone_masked text,
  created_by bigint references accounts(id),
  created_at timestamptz not null default now()
);
create unique index party_reports_receipt on party_reports (community_id, receipt_no);
create index party_reports_member on party_reports (party_member_id, reported_on);
create table pioneer_posts (
  id bigint generated always as identity primary key,
  community_id bigint not null references communities(id),
  name text not null,
  post_class text not null,
  place_kind text not null,
  place_id bigint not null,
  capacity integer not null check (capacity > 0),
  description text,
  created_by bigint references accounts(id),
  created_at timestamptz not null default now(),
  archived_at timestamptz
);
create index pioneer_posts_community on pioneer_posts (community_id, post_class);
create table pioneer_post_claims (
  id bigint generated always as identity primary key,
  community_id bigint not null references communities(id),
  post_id bigint not null references pioneer_posts(id),
  party_member_id bigint not null references party_members(id),
  claimed_by bigint references accounts(id),
  claimed_at timestamptz not null default now(),
  left_at timestamptz,
  leave_reason text
);
create unique index pioneer_post_claims_active on pioneer_post_claims (post_id, party_member_id) where left_at is null;
create index pioneer_post_claims_member on pioneer_post_claims (party_member_id);
create table party_areas (
  id bigint generated always as identity primary key,
  community_id bigint not null references communities(id),
  party_member_id bigint not null references party_members(id),
  place_kind text not null,
  place_id bigint not null,
  note text,
  started_on date not null,
  ended_on date,
  created_by bigint references accounts(id),
  created_at timestamptz not null default now()
);
create unique index party_areas_active on party_areas (party_member_id, place_kind, place_id) where ended_on is null;
create table party_pairings (
  id bigint generated always as identity primary key,
  community_id bigint not null references communities(id),
  party_member_id bigint not null references party_members(id),
  household_id bigint not null references households(id),
  note text,
  started_on date not null,
  ended_on date,
  created_by bigint references accounts(id),
  created_at timestamptz not null default now()
);
create unique index party_pairings_active on party_pairings (party_member_id, household_id) where ended_on is null;
create index party_pairings_community on party_pairings (community_id, ended_on)`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    'drop table party_pairings;\ndrop table party_areas;\ndrop table pioneer_post_claims;\ndrop table pioneer_posts;\ndrop table party_reports;\ndrop table party_settings',
  );
}
