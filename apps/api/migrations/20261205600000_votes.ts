import type { Kysely } from 'kysely';
import { runStatements } from './20261123000100_foundation.js';

// 表决 and 小区公约 (issue 11 item 2, ADR 0046). Places gains the minimum owners' votes need (民法典 art. 278): a
// household's exclusive floor area (专有部分面积) and an owner flag on residents. Votes (owned by meetings/votes) keep
// their eligible voters as a list frozen when the vote opens, each with the SHA-256 of a private link key; one ballot
// per voter whatever the channel (phone or paper: the unique index on voter_id), paper ballot numbers unique per vote.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `alter table households add column floor_area_m2 numeric(10,2) check (floor_area_m2 is null or floor_area_m2 > 0);
alter table residents add column is_owner boolean not null default false;
create table votes (
  id bigint generated always as identity primary key,
  community_id bigint not null references communities(id),
  compound_id bigint references compounds(id),
  topic_id bigint,
  title text not null,
  body text not null default '',
  matter text not null,
  eligibility text not null,
  quorum_num int,
  quorum_den int,
  quorum_strict boolean,
  threshold_num int,
  threshold_den int,
  threshold_strict boolean,
  opens_at timestamptz not null,
  closes_at timestamptz not null,
  publicity_days int not null default 7 check (publicity_days between 1 and 90),
  status text not null default 'draft',
  outcome text,
  result text,
  opened_at timestamptz,
  closed_at timestamptz,
  published_at timestamptz,
  publicity_until timestamptz,
  archived_at timestamptz,
  created_by bigint references accounts(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (closes_at > opens_at)
);
create index votes_community on votes (community_id, status, id);
create table vote_voters (
  id bigint generated always as identity primary key,
  community_id bigint not null references communities(id),
  vote_id bigint not null references votes(id),
  voter_key text not null,
  household_id bigint,
  resident_id bigint,
  label text not null,
  weight bigint not null default 0,
  token_hash text,
  link_issued_at timestamptz,
  created_at timestamptz not null default now()
);
create unique index vote_voters_once on vote_voters (vote_id, voter_key);
create unique index vote_voters_token on vote_voters (token_hash);
create table vote_ballots (
  id bigint generated always as identity primary key,
  community_id bigint not null references communities(id),
  vote_id bigint not null references votes(id),
  voter_id bigint not null references vote_voters(id),
  channel text not null,
  choice text not null,
  ballot_no text,
  entered_by bigint references accounts(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index vote_ballots_one_per_voter on vote_ballots (voter_id);
create unique index vote_ballots_number on vote_ballots (vote_id, ballot_no) where ballot_no is not null;
create index vote_ballots_vote on vote_ballots (vote_id);
create table vote_events (
  id bigint generated always as identity primary key,
  community_id bigint not null references communities(id),
  vote_id bigint not null references votes(id),
  action text not null,
  from_status text,
  to_status text,
  actor_id bigint references accounts(id),
  note text,
  created_at timestamptz not null default now()
);
create index vote_events_vote on vote_events (vote_id, id);
create table conventions (
  id bigint generated always as identity primary key,
  community_id bigint not null references communities(id),
  compound_id bigint references compounds(id),
  title text not null,
  created_by bigint references accounts(id),
  created_at timestamptz not null default now(),
  archived_at timestamptz
);
create index conventions_community on conventions (community_id);
create table convention_versions (
  id bigint generated always as identity primary key,
  community_id bigint not null references communities(id),
  convention_id bigint not null references conventions(id),
  version_no int not null,
  body text not null,
  vote_id bigint references votes(id),
  status text not null default 'proposed',
  adopted_at timestamptz,
  created_by bigint references accounts(id),
  created_at timestamptz not null default now()
);
create unique index convention_versions_no on convention_versions (convention_id, version_no);
create unique index convention_versions_current on convention_versions (convention_id) where status = 'current';
create unique index convention_versions_vote on convention_versions (vote_id) where vote_id is not null`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `drop table convention_versions;
drop table conventions;
drop table vote_events;
drop table vote_ballots;
drop table vote_voters;
drop table votes;
alter table residents drop column is_owner;
alter table households drop column floor_area_m2`,
  );
}
