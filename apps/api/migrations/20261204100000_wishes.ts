import type { Kysely } from 'kysely';
import { runStatements } from './20261123000100_foundation.js';

// 微心愿 (ADR 0036): the wish, its claims (one, or several sharing it), its timeline, photos and reminders.
// The resident's phone is encrypted like ticket reporters'; only hashes of the tracking code and the link's key are kept.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `create table wishes (
  id bigint generated always as identity primary key,
  community_id bigint not null references communities(id),
  status text not null default 'draft' check (status in ('draft','published','claimed','fulfilled','confirmed','withdrawn','expired')),
  source text not null check (source in ('resident','grid_worker','building_head','meeting','staff')),
  meeting_title text,
  compound_id bigint references compounds(id),
  resident_name text not null,
  resident_phone_enc text,
  resident_phone_masked text,
  resident_phone_hash text,
  public_initial text not null,
  text text not null,
  category text,
  value_yuan integer check (value_yuan >= 0),
  shared boolean not null default false,
  due_on date,
  published_at timestamptz,
  claimed_at timestamptz,
  fulfilled_at timestamptz,
  confirmed_at timestamptz,
  closed_at timestamptz,
  result_note text,
  thanks text,
  tracking_hash text unique,
  key_hash text,
  created_by bigint references accounts(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index wishes_community_status on wishes (community_id, status, id);
create index wishes_community_created on wishes (community_id, created_at);
create table wish_claims (
  id bigint generated always as identity primary key,
  community_id bigint not null references communities(id),
  wish_id bigint not null references wishes(id),
  claimant_kind text not null check (claimant_kind in ('party_member','partner','volunteer','team')),
  claimant_name text not null,
  account_id bigint references accounts(id),
  partner_id bigint references partners(id),
  team_id bigint references teams(id),
  share_note text,
  share_value_yuan integer check (share_value_yuan >= 0),
  channel text not null,
  created_by bigint references accounts(id),
  created_at timestamptz not null default now()
);
create index wish_claims_wish on wish_claims (wish_id);
create index wish_claims_account on wish_claims (account_id) where account_id is not null;
create unique index wish_claims_one_per_account on wish_claims (wish_id, account_id) where account_id is not null;
create table wish_events (
  id bigint generated always as identity primary key,
  community_id bigint not null references communities(id),
  wish_id bigint not null references wishes(id),
  action text not null,
  from_status text,
  to_status text,
  actor_id bigint references accounts(id),
  actor_label text,
  channel text,
  note text,
  is_public boolean not null default false,
  created_at timestamptz not null default now()
);
create index wish_events_wish on wish_events (wish_id, id);
create table wish_photos (
  id bigint generated always as identity primary key,
  community_id bigint not null references communities(id),
  wish_id bigint not null references wishes(id),
  stage text not null check (stage in ('raise','fulfil')),
  mime text not null,
  size integer not null,
  sha256 text not null,
  data bytea not null,
  created_at timestamptz not null default now()
);
create index wish_photos_wish on wish_photos (wish_id);
create table wish_reminders (
  id bigint generated always as identity primary key,
  community_id bigint not null references communities(id),
  wish_id bigint not null references wishes(id),
  kind text not null,
  created_at timestamptz not null default now(),
  unique (wish_id, kind)
)`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `drop table wish_reminders;
drop table wish_photos;
drop table wish_events;
drop table wish_claims;
drop table wishes`,
  );
}
