import type { Kysely } from 'kysely';
import { runStatements } from './20261123000100_foundation.js';

// 报平安 (issue 12 item 3, ADR 0040), owned by the care module's checkins part. A plan gives a care recipient their
// daily window; links hold only the SHA-256 of their token; one row per person and Beijing day carries the check-in
// or the ladder's progress (steps_taken, next_step_at); each step taken is a row; away notices pause the ladder.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `create table care_checkin_settings (
  community_id bigint primary key references communities(id),
  ladder text not null,
  updated_by bigint references accounts(id),
  updated_at timestamptz not null default now()
);
create table care_checkin_plans (
  id bigint generated always as identity primary key,
  community_id bigint not null references communities(id),
  recipient_id bigint not null references care_recipients(id),
  due_by text not null default '10:00',
  is_active boolean not null default true,
  created_at timestamptz not null default now()
);
create unique index care_checkin_plans_recipient on care_checkin_plans (recipient_id);
create index care_checkin_plans_community on care_checkin_plans (community_id) where is_active;
create table care_checkin_links (
  id bigint generated always as identity primary key,
  community_id bigint not null references communities(id),
  recipient_id bigint not null references care_recipients(id),
  holder text not null,
  holder_name text,
  token_hash text not null,
  created_by bigint references accounts(id),
  created_at timestamptz not null default now(),
  revoked_at timestamptz,
  last_used_at timestamptz
);
create unique index care_checkin_links_token on care_checkin_links (token_hash);
create index care_checkin_links_recipient on care_checkin_links (recipient_id);
create table care_checkin_days (
  id bigint generated always as identity primary key,
  community_id bigint not null references communities(id),
  recipient_id bigint not null references care_recipients(id),
  day date not null,
  due_at timestamptz not null,
  status text not null default 'open',
  checked_in_at timestamptz,
  via text,
  by_account_id bigint references accounts(id),
  by_link_id bigint references care_checkin_links(id),
  note text,
  steps_taken int not null default 0,
  next_step_at timestamptz,
  stopped_after_step int,
  created_at timestamptz not null default now()
);
create unique index care_checkin_days_once on care_checkin_days (recipient_id, day);
create index care_checkin_days_community on care_checkin_days (community_id, day);
create index care_checkin_days_ladder on care_checkin_days (next_step_at) where status = 'open';
create table care_checkin_steps (
  id bigint generated always as identity primary key,
  community_id bigint not null references communities(id),
  day_id bigint not null references care_checkin_days(id),
  recipient_id bigint not null references care_recipients(id),
  step_no int not null,
  kind text not null,
  notified text,
  ticket_id bigint,
  created_at timestamptz not null default now()
);
create unique index care_checkin_steps_once on care_checkin_steps (day_id, step_no);
create table care_checkin_aways (
  id bigint generated always as identity primary key,
  community_id bigint not null references communities(id),
  recipient_id bigint not null references care_recipients(id),
  kind text not null,
  starts_on date not null,
  ends_on date not null,
  note text,
  created_by bigint references accounts(id),
  created_at timestamptz not null default now(),
  cancelled_at timestamptz,
  check (ends_on >= starts_on)
);
create index care_checkin_aways_recipient on care_checkin_aways (recipient_id, ends_on)`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `drop table care_checkin_aways;
drop table care_checkin_steps;
drop table care_checkin_days;
drop table care_checkin_links;
drop table care_checkin_plans;
drop table care_checkin_settings`,
  );
}
