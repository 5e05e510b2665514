import type { Kysely } from 'kysely';
import { runStatements } from './20261123000100_foundation.js';

// Organisations that answer escalations (issue 7, ADR 0027): functional departments, subdistrict offices, property
// companies and partner units, the areas each serves, their contact accounts, and the escalations themselves with
// their replies (the whistle chain through parent_id).
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `create table organisations (
  id bigint generated always as identity primary key,
  kind text not null,
  department_type text,
  name text not null,
  contact_name text,
  contact_phone text,
  address text,
  subdistrict_id bigint references subdistricts(id),
  community_id bigint references communities(id),
  partner_id bigint references partners(id),
  created_by bigint references accounts(id),
  archived_at timestamptz,
  created_at timestamptz not null default now()
);
create unique index organisations_name on organisations (name) where archived_at is null;
create table organisation_areas (
  id bigint generated always as identity primary key,
  organisation_id bigint not null references organisations(id),
  area_kind text not null,
  area_id bigint not null,
  created_at timestamptz not null default now(),
  unique (organisation_id, area_kind, area_id)
);
create index organisation_areas_area on organisation_areas (area_kind, area_id);
alter table accounts add column organisation_id bigint references organisations(id);
create table escalations (
  id bigint generated always as identity primary key,
  community_id bigint not null references communities(id),
  ticket_id bigint not null references tickets(id),
  organisation_id bigint not null references organisations(id),
  parent_id bigint references escalations(id),
  status text not null,
  reason text not null,
  due_at timestamptz not null,
  pause_clock boolean not null default false,
  ticket_status_before text,
  requested_by bigint references accounts(id),
  requested_at timestamptz,
  approved_by bigint references accounts(id),
  approved_at timestamptz,
  accepted_at timestamptz,
  answered_at timestamptz,
  ended_at timestamptz,
  result_text text,
  reminded_before_at timestamptz,
  reminded_due_at timestamptz,
  created_at timestamptz not null default now()
);
create index escalations_ticket on escalations (ticket_id);
create index escalations_organisation on escalations (organisation_id, status);
create index escalations_community on escalations (community_id, status);
create table escalation_replies (
  id bigint generated always as identity primary key,
  community_id bigint not null references communities(id),
  escalation_id bigint not null references escalations(id),
  kind text not null,
  text text,
  actor_id bigint references accounts(id),
  organisation_id bigint references organisations(id),
  on_behalf boolean not null default false,
  created_at timestamptz not null default now()
);
create index escalation_replies_escalation on escalation_replies (escalation_id);
create table escalation_settings (
  community_id bigint primary key references communities(id),
  pause_clock boolean not null default false,
  updated_by bigint references accounts(id),
  updated_at timestamptz not null default now()
)`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `drop table escalation_settings;
drop table escalation_replies;
drop table escalations;
alter table accounts drop column organisation_id;
drop table organisation_areas;
drop table organisations`,
  );
}
