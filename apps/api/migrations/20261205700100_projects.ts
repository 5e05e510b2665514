import type { Kysely } from 'kysely';
import { runStatements } from './20261123000100_foundation.js';

// 为民办实事 projects (issue 11, ADR 0047): proposed → approved → claimed → in progress (milestones, percent) →
// completed → evaluated by residents. Funding rows, the units that claimed them (a lead and co-organisers, possibly at
// a claiming event), residents' ratings (one per phone) and the timeline.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `create table projects (
  id bigint generated always as identity primary key,
  community_id bigint not null references communities(id),
  title text not null,
  content text not null,
  source_kind text not null,
  source_id bigint,
  status text not null default 'proposed',
  percent integer not null default 0 check (percent between 0 and 100),
  planned_start date,
  planned_end date,
  claim_event text,
  created_by bigint references accounts(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  completed_at timestamptz
);
create index projects_community on projects (community_id, status);
create table project_funding (
  id bigint generated always as identity primary key,
  community_id bigint not null references communities(id),
  project_id bigint not null references projects(id),
  source text not null,
  amount_fen bigint not null check (amount_fen >= 0),
  created_at timestamptz not null default now()
);
create index project_funding_project on project_funding (project_id);
create table project_milestones (
  id bigint generated always as identity primary key,
  community_id bigint not null references communities(id),
  project_id bigint not null references projects(id),
  title text not null,
  due_on date,
  done_at timestamptz,
  created_at timestamptz not null default now()
);
create index project_milestones_project on project_milestones (project_id);
create table project_claims (
  id bigint generated always as identity primary key,
  community_id bigint not null references communities(id),
  project_id bigint not null references projects(id),
  unit_kind text not null,
  unit_id bigint,
  unit_name text not null,
  role text not null check (role in ('lead', 'co')),
  claimed_by bigint references accounts(id),
  created_at timestamptz not null default now()
);
create unique index project_claims_one_lead on project_claims (project_id) where role = 'lead';
create table project_ratings (
  id bigint generated always as identity primary key,
  community_id bigint not null references communities(id),
  project_id bigint not null references projects(id),
  rating integer not null check (rating between 1 and 5),
  comment text,
  rater_hash text not null,
  created_at timestamptz not null default now(),
  unique (project_id, rater_hash)
);
create table project_events (
  id bigint generated always as identity primary key,
  community_id bigint not null references communities(id),
  project_id bigint not null references projects(id),
  action text not null,
  from_status text,
  to_status text,
  actor_id bigint references accounts(id),
  note text,
  created_at timestamptz not null default now()
);
create index project_events_project on project_events (project_id, id)`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    'drop table project_events;\ndrop table project_ratings;\ndrop table project_claims;\ndrop table project_milestones;\ndrop table project_funding;\ndrop table projects',
  );
}
