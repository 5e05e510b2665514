import type { Kysely } from 'kysely';
import { runStatements } from './20261123000100_foundation.js';

// The volunteers module (issue 10, ADR 0041): the register of volunteers (residents or not: students, cadres, partner
// staff), their ID number and phone sealed like residents' (ADR 0003), each step of their review, the service hours
// (append-only; a correction is a new row pointing at the one it corrects), service sessions with a sign-in code
// (only its hash is stored), each community's rounding rule and star thresholds, and the numbered certificates.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `create table volunteer_settings (
  community_id bigint primary key references communities(id),
  rounding_rule text not null default 'chongqing',
  star_thresholds integer[] not null default '{100,300,600,1000,1500}',
  activity_cap_minutes integer,
  certificate_responsible text,
  certificate_handler text,
  certificate_contact text,
  next_volunteer_no integer not null default 0,
  next_certificate_no integer not null default 0,
  updated_by bigint references accounts(id),
  updated_at timestamptz not null default now()
);
create table volunteers (
  id bigint generated always as identity primary key,
  community_id bigint not null references communities(id),
  volunteer_no integer not null,
  name text not null,
  id_type text not null default 'resident_id_card',
  id_number_enc text,
  id_number_masked text,
  id_number_hash text,
  phone_enc text,
  phone_masked text,
  phone_hash text,
  gender text,
  birth_date date,
  skills text[] not null default '{}',
  availability text,
  weekday_slots text[] not null default '{}',
  service_areas text[] not null default '{}',
  origin text not null default 'resident',
  affiliation text,
  resident_id bigint references residents(id),
  account_id bigint references accounts(id),
  party_member_id bigint references party_members(id),
  status text not null default 'applied',
  status_reason text,
  registered_via text not null default 'staff',
  reviewed_by bigint references accounts(id),
  reviewed_at timestamptz,
  created_by bigint references accounts(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index volunteers_number on volunteers (community_id, volunteer_no);
create unique index volunteers_id_number on volunteers (community_id, id_number_hash) where id_number_hash is not null;
create unique index volunteers_account on volunteers (community_id, account_id) where account_id is not null;
create unique index volunteers_party_member on volunteers (community_id, party_member_id) where party_member_id is not null;
create unique index volunteers_resident on volunteers (community_id, resident_id) where resident_id is not null;
create index volunteers_community on volunteers (community_id, status, id);
create table volunteer_events (
  id bigint generated always as identity primary key,
  community_id bigint not null references communities(id),
  volunteer_id bigint not null references volunteers(id),
  action text not null,
  from_status text,
  to_status text,
  reason text,
  actor_id bigint references accounts(id),
  created_at timestamptz not null default now()
);
create index volunteer_events_volunteer on volunteer_events (volunteer_id, id);
create table service_sessions (
  id bigint generated always as identity primary key,
  community_id bigint not null references communities(id),
  source_kind text not null,
  source_id bigint,
  title text not null,
  place text,
  code_hash text not null,
  opened_by bigint not null references accounts(id),
  opened_at timestamptz not null default now(),
  closes_at timestamptz not null,
  closed_at timestamptz,
  created_at timestamptz not null default now()
);
create unique index service_sessions_code on service_sessions (code_hash) where closed_at is null;
create index service_sessions_community on service_sessions (community_id, id);
create table service_hours (
  id bigint generated always as identity primary key,
  community_id bigint not null references communities(id),
  volunteer_id bigint not null references volunteers(id),
  source_kind text not null,
  source_id bigint,
  source_title text not null,
  session_id bigint references service_sessions(id),
  started_at timestamptz not null,
  ended_at timestamptz not null,
  raw_minutes integer not null,
  counted_minutes integer not null,
  rounding_rule text not null,
  recorded_by bigint not null references accounts(id),
  confirmed_by bigint not null references accounts(id),
  confirmed_at timestamptz not null default now(),
  corrects_entry_id bigint references service_hours(id),
  note text,
  created_at timestamptz not null default now(),
  check (ended_at >= started_at)
);
create unique index service_hours_corrected_once on service_hours (corrects_entry_id) where corrects_entry_id is not null;
create index service_hours_volunteer on service_hours (volunteer_id, started_at);
create index service_hours_community on service_hours (community_id, started_at);
create table service_session_signins (
  id bigint generated always as identity primary key,
  community_id bigint not null references communities(id),
  session_id bigint not null references service_sessions(id),
  volunteer_id bigint not null references volunteers(id),
  signed_in_at timestamptz not null default now(),
  signed_out_at timestamptz,
  entry_id bigint references service_hours(id)
);
create unique index service_session_signins_open on service_session_signins (session_id, volunteer_id) where signed_out_at is null;
create index service_session_signins_volunteer on service_session_signins (volunteer_id, id);
create table volunteer_certificates (
  id bigint generated always as identity primary key,
  community_id bigint not null references communities(id),
  volunteer_id bigint not null references volunteers(id),
  certificate_no integer not null,
  number text not null,
  period_from date not null,
  period_to date not null,
  counted_minutes integer not null,
  issued_by bigint not null references accounts(id),
  issued_at timestamptz not null default now()
);
create unique index volunteer_certificates_number on volunteer_certificates (community_id, certificate_no);
create index volunteer_certificates_volunteer on volunteer_certificates (volunteer_id, id)`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    'drop table volunteer_certificates;\ndrop table service_session_signins;\ndrop table service_hours;\ndrop table service_sessions;\ndrop table volunteer_events;\ndrop table volunteers;\ndrop table volunteer_settings',
  );
}
