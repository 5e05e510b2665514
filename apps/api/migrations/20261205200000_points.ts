import type { Kysely } from 'kysely';
import { runStatements } from './20261123000100_foundation.js';

// Points (积分, issue 10, ADR 0042): each community's earning rules and expiry, the append-only double-entry ledger
// (one row per movement with its debit and credit account; a volunteer's balance is a sum, never a stored number),
// merchants' perks (专属优惠包) and their redemptions with a one-time code (only its hash is stored).
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `create table points_rules (
  community_id bigint primary key references communities(id),
  points_per_hour numeric(6,1) not null default 1,
  hour_cap_per_activity numeric(5,1) default 2,
  points_per_wish integer not null default 0,
  role_bonus jsonb not null default '{}',
  expiry_months integer default 24,
  redemption_valid_days integer not null default 7,
  updated_by bigint references accounts(id),
  updated_at timestamptz not null default now(),
  check (points_per_hour >= 0 and points_per_wish >= 0),
  check (expiry_months is null or expiry_months between 1 and 120),
  check (redemption_valid_days between 1 and 90)
);
create table points_entries (
  id bigint generated always as identity primary key,
  community_id bigint not null references communities(id),
  volunteer_id bigint not null references volunteers(id),
  kind text not null check (kind in ('earned', 'spent', 'expired', 'adjusted', 'refunded')),
  debit_account text not null,
  credit_account text not null,
  amount numeric(12,1) not null check (amount > 0),
  delta numeric(12,1) not null,
  reason text not null,
  author_id bigint references accounts(id),
  source_kind text,
  source_id bigint,
  reverses_entry_id bigint references points_entries(id),
  occurred_at timestamptz not null default now(),
  created_at timestamptz not null default now(),
  check (debit_account <> credit_account),
  check ((credit_account = 'volunteer:' || volunteer_id and delta = amount) or (debit_account = 'volunteer:' || volunteer_id and delta = -amount))
);
create index points_entries_volunteer on points_entries (volunteer_id, occurred_at, id) include (delta, community_id);
create index points_entries_community on points_entries (community_id, occurred_at);
create unique index points_entries_earned_once on points_entries (community_id, source_kind, source_id, volunteer_id) where kind = 'earned' and source_id is not null;
create unique index points_entries_reversed_once on points_entries (reverses_entry_id) where reverses_entry_id is not null;
create table perks (
  id bigint generated always as identity primary key,
  community_id bigint not null references communities(id),
  partner_id bigint not null references partners(id),
  title text not null,
  terms text,
  price_points integer not null check (price_points > 0),
  stock integer not null check (stock >= 0),
  valid_from date not null,
  valid_to date not null,
  status text not null default 'active' check (status in ('active', 'paused', 'withdrawn')),
  created_by bigint references accounts(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (valid_to >= valid_from)
);
create index perks_community on perks (community_id, status, id);
create index perks_partner on perks (partner_id, id);
create table redemptions (
  id bigint generated always as identity primary key,
  community_id bigint not null references communities(id),
  perk_id bigint not null references perks(id),
  partner_id bigint not null references partners(id),
  volunteer_id bigint not null references volunteers(id),
  points integer not null check (points > 0),
  code_hash text not null,
  status text not null default 'issued' check (status in ('issued', 'redeemed', 'cancelled', 'expired')),
  expires_at timestamptz not null,
  spent_entry_id bigint not null references points_entries(id),
  refund_entry_id bigint references points_entries(id),
  redeemed_at timestamptz,
  redeemed_by bigint references accounts(id),
  ended_at timestamptz,
  ended_by bigint references accounts(id),
  end_reason text,
  created_by bigint references accounts(id),
  created_at timestamptz not null default now()
);
create unique index redemptions_code on redemptions (partner_id, code_hash) where status = 'issued';
create index redemptions_community on redemptions (community_id, created_at);
create index redemptions_volunteer on redemptions (volunteer_id, id);
create index redemptions_open on redemptions (expires_at) where status = 'issued'`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `drop table redemptions;
drop table perks;
drop table points_entries;
drop table points_rules`,
  );
}
