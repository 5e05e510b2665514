import { sql, type Kysely } from 'kysely';

/** Runs statements one at a time: PGlite's extended protocol takes one statement per query. */
export async function runStatements(db: Kysely<unknown>, script: string): Promise<void> {
  for (const statement of script
    .split(/;\s*\n/)
    .map((s) => s.trim())
    .filter(Boolean)) {
    await sql.raw(statement).execute(db);
  }
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
create table districts (
  id bigint generated always as identity primary key,
  name text not null,
  city text not null,
  code text not null unique
);
create table subdistricts (
  id bigint generated always as identity primary key,
  district_id bigint not null references districts(id),
  name text not null,
  code text not null unique
);
create table communities (
  id bigint generated always as identity primary key,
  subdistrict_id bigint not null references subdistricts(id),
  name text not null,
  code text not null unique,
  address text,
  timezone text not null default 'Asia/Shanghai',
  created_at timestamptz not null default now()
);
create table grids (
  id bigint generated always as identity primary key,
  community_id bigint not null references communities(id),
  name text not null,
  code text,
  unique (community_id, name)
);
create table compounds (
  id bigint generated always as identity primary key,
  community_id bigint not null references communities(id),
  grid_id bigint references grids(id),
  name text not null,
  address text,
  archived_at timestamptz,
  unique (community_id, name)
);
create table buildings (
  id bigint generated always as identity primary key,
  community_id bigint not null references communities(id),
  compound_id bigint not null references compounds(id),
  name text not null,
  floors int,
  unique (compound_id, name)
);
create index buildings_community on buildings (community_id);
create table units (
  id bigint generated always as identity primary key,
  community_id bigint not null references communities(id),
  building_id bigint not null references buildings(id),
  name text not null,
  unique (building_id, name)
);
create table households (
  id bigint generated always as identity primary key,
  community_id bigint not null references communities(id),
  unit_id bigint not null references units(id),
  room_no text not null,
  unique (unit_id, room_no)
);
create index households_community on households (community_id);
create table residents (
  id bigint generated always as identity primary key,
  community_id bigint not null references communities(id),
  household_id bigint references households(id),
  name text not null,
  gender text check (gender in ('male', 'female')),
  birth_date date,
  phone_enc text,
  phone_masked text,
  phone_hash text,
  id_card_enc text,
  id_card_masked text,
  id_card_hash text,
  sensitive_enc text,
  hukou_local boolean not null default true,
  tags text[] not null default '{}',
  relation text,
  notes text,
  archived_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index residents_community_name on residents (community_id, name);
create index residents_household on residents (household_id);
create index residents_phone_hash on residents (community_id, phone_hash);
create unique index residents_id_card_unique on residents (community_id, id_card_hash) where id_card_hash is not null and archived_at is null;
create table accounts (
  id bigint generated always as identity primary key,
  username text not null unique,
  display_name text not null,
  phone_hash text unique,
  phone_enc text,
  phone_masked text,
  password_hash text not null,
  role text not null,
  community_id bigint references communities(id),
  subdistrict_id bigint references subdistricts(id),
  resident_id bigint references residents(id),
  locale text not null default 'zh-CN',
  is_active boolean not null default true,
  created_at timestamptz not null default now(),
  password_changed_at timestamptz
);
create index accounts_community on accounts (community_id);
create table sessions (
  id text primary key,
  account_id bigint not null references accounts(id),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  revoked_at timestamptz,
  ip text,
  user_agent text
);
create index sessions_account on sessions (account_id);
create table audit_log (
  id bigint generated always as identity primary key,
  community_id bigint references communities(id),
  actor_id bigint references accounts(id),
  action text not null,
  entity_type text not null,
  entity_id text not null,
  changes jsonb,
  reason text,
  request_id text,
  created_at timestamptz not null default now()
);
create index audit_log_entity on audit_log (entity_type, entity_id, id);
create index audit_log_community on audit_log (community_id, created_at);
create table pii_access_log (
  id bigint generated always as identity primary key,
  community_id bigint not null references communities(id),
  actor_id bigint not null references accounts(id),
  entity_type text not null,
  entity_id text not null,
  fields text[] not null,
  request_id text,
  created_at timestamptz not null default now()
);
create index pii_access_log_entity on pii_access_log (entity_type, entity_id, id);
create table party_members (
  id bigint generated always as identity primary key,
  community_id bigint not null references communities(id),
  resident_id bigint not null references residents(id),
  status text not null check (status in ('registered', 'in_service', 'outside')),
  work_unit text,
  grid_id bigint references grids(id),
  joined_on date,
  archived_at timestamptz,
  created_at timestamptz not null default now(),
  unique (community_id, resident_id)
);
create table teams (
  id bigint generated always as identity primary key,
  community_id bigint not null references communities(id),
  name text not null,
  kind text not null check (kind in ('pioneer', 'volunteer', 'arts', 'squad', 'heads')),
  description text,
  archived_at timestamptz,
  created_at timestamptz not null default now(),
  unique (community_id, name)
);
create table team_members (
  id bigint generated always as identity primary key,
  community_id bigint not null references communities(id),
  team_id bigint not null references teams(id),
  resident_id bigint not null references residents(id),
  is_leader boolean not null default false,
  joined_at timestamptz not null default now(),
  left_at timestamptz
);
create unique index team_members_active on team_members (team_id, resident_id) where left_at is null;
create table stations (
  id bigint generated always as identity primary key,
  community_id bigint not null references communities(id),
  compound_id bigint references compounds(id),
  name text not null,
  kind text not null,
  address text,
  opening_hours text,
  phone text,
  description text,
  archived_at timestamptz,
  created_at timestamptz not null default now()
);
create table partners (
  id bigint generated always as identity primary key,
  community_id bigint not null references communities(id),
  name text not null,
  kind text not null check (kind in ('enterprise', 'social_org', 'merchant', 'school', 'hospital', 'property_company', 'government_dept', 'other')),
  contact_name text,
  contact_phone_enc text,
  contact_phone_masked text,
  address text,
  description text,
  joined_on date,
  archived_at timestamptz,
  created_at timestamptz not null default now(),
  unique (community_id, name)
);
create table import_jobs (
  id bigint generated always as identity primary key,
  community_id bigint not null references communities(id),
  actor_id bigint not null references accounts(id),
  kind text not null,
  file_name text not null,
  status text not null,
  total_rows int not null default 0,
  valid_rows int not null default 0,
  error_rows int not null default 0,
  processed_rows int not null default 0,
  imported_rows int not null default 0,
  errors jsonb not null default '[]',
  payload jsonb,
  created_at timestamptz not null default now(),
  finished_at timestamptz
)
`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `drop table import_jobs;
drop table partners;
drop table stations;
drop table team_members;
drop table teams;
drop table party_members;
drop table pii_access_log;
drop table audit_log;
drop table sessions;
drop table accounts;
drop table residents;
drop table households;
drop table units;
drop table buildings;
drop table compounds;
drop table grids;
drop table communities;
drop table subdistricts;
drop table districts`,
  );
}
