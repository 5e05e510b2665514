import type { Kysely } from 'kysely';
import { runStatements } from './20261123000100_foundation.js';

// Partners in full (issue 9, ADR 0037): the resource list (资源清单) of what partners, merchants, departments, teams
// and residents offer; agreements (入驻协议 / 共建协议) with renewal reminders; contributions (money, goods, work
// hours, space). Money is kept in fen (integer) so yearly totals add up exactly.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `create table resources (
  id bigint generated always as identity primary key,
  community_id bigint not null references communities(id),
  title text not null,
  description text,
  category text not null,
  kind text not null,
  price_kind text not null default 'free',
  price_note text,
  provider_kind text not null,
  provider_name text not null,
  partner_id bigint references partners(id),
  organisation_id bigint references organisations(id),
  team_id bigint references teams(id),
  resident_id bigint references residents(id),
  compound_id bigint references compounds(id),
  audience text,
  availability text,
  capacity integer,
  contact_name text,
  contact_phone text,
  contact_phone_enc text,
  contact_phone_masked text,
  is_public boolean not null default true,
  created_by bigint references accounts(id),
  archived_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index resources_community on resources (community_id, id) where archived_at is null;
create index resources_partner on resources (partner_id) where partner_id is not null;
create table agreements (
  id bigint generated always as identity primary key,
  community_id bigint not null references communities(id),
  partner_id bigint not null references partners(id),
  kind text not null,
  title text not null,
  signed_on date not null,
  starts_on date not null,
  ends_on date,
  commitments text,
  space_given text,
  resources_promised text,
  status text not null default 'active',
  remind_days integer not null default 30,
  reminded_at timestamptz,
  created_by bigint references accounts(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (ends_on is null or ends_on >= starts_on)
);
create index agreements_partner on agreements (partner_id);
create index agreements_community on agreements (community_id, status, ends_on);
create table contributions (
  id bigint generated always as identity primary key,
  community_id bigint not null references communities(id),
  partner_id bigint not null references partners(id),
  kind text not null,
  contributed_on date not null,
  value_fen bigint not null default 0,
  hours numeric(10,1),
  area_sqm numeric(10,1),
  space_period text,
  description text,
  note text,
  created_by bigint references accounts(id),
  created_at timestamptz not null default now(),
  check (value_fen >= 0)
);
create index contributions_partner on contributions (partner_id, contributed_on);
create index contributions_community on contributions (community_id, contributed_on)`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `drop table contributions;
drop table agreements;
drop table resources`,
  );
}
