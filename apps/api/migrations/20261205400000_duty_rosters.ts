import type { Kysely } from 'kysely';
import { runStatements } from './20261123000100_foundation.js';

// 值守排班 (issue 10 item 6, ADR 0044), owned by the people module's duty part. A template is a weekly slot at a
// station (weekday, Beijing wall-clock start and end, headcount, a squad or named people); generating turns it into
// one shift per date (unique per template and date, so generating twice adds nothing). An assignment puts one person
// on a shift (an account, or a squad member known by resident id until they have one); at most one live assignment
// per person and shift. Swaps keep who asked, who answered, who decided and why; shift_events is each shift's timeline.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `create table shift_settings (
  community_id bigint primary key references communities(id),
  checkin_before_minutes int not null default 30,
  checkin_after_minutes int not null default 60,
  auto_approve_swaps boolean not null default false,
  updated_by bigint references accounts(id),
  updated_at timestamptz not null default now()
);
create table shift_templates (
  id bigint generated always as identity primary key,
  community_id bigint not null references communities(id),
  station_id bigint not null references stations(id),
  weekday int not null check (weekday between 1 and 7),
  starts_at text not null,
  ends_at text not null,
  headcount int not null check (headcount between 1 and 100),
  team_id bigint references teams(id),
  account_ids text not null default '[]',
  note text,
  created_by bigint references accounts(id),
  created_at timestamptz not null default now(),
  archived_at timestamptz,
  check (ends_at > starts_at)
);
create index shift_templates_community on shift_templates (community_id, station_id) where archived_at is null;
create table shifts (
  id bigint generated always as identity primary key,
  community_id bigint not null references communities(id),
  station_id bigint not null references stations(id),
  template_id bigint references shift_templates(id),
  day date not null,
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  headcount int not null check (headcount between 1 and 100),
  team_id bigint references teams(id),
  note text,
  status text not null default 'open',
  uncovered_at timestamptz,
  created_by bigint references accounts(id),
  created_at timestamptz not null default now(),
  check (ends_at > starts_at)
);
create unique index shifts_template_day on shifts (template_id, day) where template_id is not null;
create index shifts_community_day on shifts (community_id, day);
create table shift_assignments (
  id bigint generated always as identity primary key,
  community_id bigint not null references communities(id),
  shift_id bigint not null references shifts(id),
  account_id bigint references accounts(id),
  resident_id bigint references residents(id),
  name text not null,
  via text not null,
  team_id bigint references teams(id),
  assigned_by bigint references accounts(id),
  assigned_at timestamptz not null default now(),
  removed_at timestamptz,
  removed_reason text,
  checked_in_at timestamptz,
  checked_out_at timestamptz,
  hours_entry_id bigint,
  check (account_id is not null or resident_id is not null),
  check (checked_out_at is null or (checked_in_at is not null and checked_out_at >= checked_in_at))
);
create unique index shift_assignments_account on shift_assignments (shift_id, account_id) where removed_at is null and account_id is not null;
create unique index shift_assignments_resident on shift_assignments (shift_id, resident_id) where removed_at is null and resident_id is not null;
create index shift_assignments_by_account on shift_assignments (account_id) where removed_at is null;
create table shift_swaps (
  id bigint generated always as identity primary key,
  community_id bigint not null references communities(id),
  from_assignment_id bigint not null references shift_assignments(id),
  requested_by bigint not null references accounts(id),
  to_account_id bigint not null references accounts(id),
  to_assignment_id bigint references shift_assignments(id),
  reason text not null,
  status text not null default 'asked',
  answered_at timestamptz,
  decided_by bigint references accounts(id),
  decided_at timestamptz,
  decision_note text,
  created_at timestamptz not null default now()
);
create unique index shift_swaps_open on shift_swaps (from_assignment_id) where status in ('asked', 'accepted');
create index shift_swaps_community on shift_swaps (community_id, status);
create table shift_events (
  id bigint generated always as identity primary key,
  community_id bigint not null references communities(id),
  shift_id bigint not null references shifts(id),
  action text not null,
  actor_account_id bigint references accounts(id),
  actor_label text,
  note text,
  changes text,
  created_at timestamptz not null default now()
);
create index shift_events_shift on shift_events (shift_id, id)`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `drop table shift_events;
drop table shift_swaps;
drop table shift_assignments;
drop table shifts;
drop table shift_templates;
drop table shift_settings`,
  );
}
