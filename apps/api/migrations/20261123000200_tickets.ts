import type { Kysely } from 'kysely';
import { runStatements } from './20261123000100_foundation.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `create table ticket_categories (
  id bigint generated always as identity primary key,
  community_id bigint not null references communities(id),
  code text not null,
  name_zh text not null,
  name_en text not null,
  response_hours int not null,
  resolution_hours int not null,
  working_hours_only boolean not null default false,
  is_active boolean not null default true,
  sort int not null default 0,
  unique (community_id, code)
);
create table tickets (
  id bigint generated always as identity primary key,
  community_id bigint not null references communities(id),
  code text not null unique,
  channel text not null,
  category_id bigint not null references ticket_categories(id),
  status text not null,
  title text not null,
  description text not null,
  compound_id bigint references compounds(id),
  building_id bigint references buildings(id),
  address_text text,
  reporter_resident_id bigint references residents(id),
  reporter_name text,
  reporter_phone_enc text,
  reporter_phone_masked text,
  reporter_phone_hash text,
  is_anonymous boolean not null default false,
  meeting_title text,
  assignee_kind text,
  assignee_id bigint,
  escalated_to_partner_id bigint references partners(id),
  escalation_due_at timestamptz,
  response_due_at timestamptz not null,
  resolution_due_at timestamptz not null,
  first_response_at timestamptz,
  resolved_at timestamptz,
  closed_at timestamptz,
  close_reason text,
  merged_into_id bigint references tickets(id),
  reopen_count int not null default 0,
  rating text,
  rating_comment text,
  rated_at timestamptz,
  result_text text,
  created_by bigint references accounts(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index tickets_community_status on tickets (community_id, status, created_at desc);
create index tickets_community_created on tickets (community_id, created_at);
create index tickets_assignee on tickets (assignee_kind, assignee_id) where status in ('assigned', 'in_progress', 'escalated');
create table ticket_events (
  id bigint generated always as identity primary key,
  community_id bigint not null references communities(id),
  ticket_id bigint not null references tickets(id),
  action text not null,
  from_status text,
  to_status text,
  actor_id bigint references accounts(id),
  actor_label text,
  channel text,
  note text,
  is_public boolean not null default true,
  data jsonb,
  created_at timestamptz not null default now()
);
create index ticket_events_ticket on ticket_events (ticket_id, id);
create table ticket_reporters (
  id bigint generated always as identity primary key,
  community_id bigint not null references communities(id),
  ticket_id bigint not null references tickets(id),
  resident_id bigint references residents(id),
  name text,
  phone_enc text,
  phone_masked text,
  phone_hash text,
  tracking_code text not null unique,
  created_at timestamptz not null default now()
);
create index ticket_reporters_ticket on ticket_reporters (ticket_id)`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `drop table ticket_reporters;
drop table ticket_events;
drop table tickets;
drop table ticket_categories`,
  );
}
