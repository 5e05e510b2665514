import type { Kysely } from 'kysely';
import { runStatements } from './20261123000100_foundation.js';

// The care module (issue 12, ADR 0039): who is cared for (taken from the residents, with the tags that qualify them and
// a risk tier), their family contacts and health notes (sealed, ADR 0003), who is paired with them, the visits made,
// and each community's visit intervals per tier.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `create table care_settings (
  community_id bigint primary key references communities(id),
  high_interval_days integer not null default 7,
  key_interval_days integer not null default 30,
  general_interval_days integer not null default 90,
  major_change_hours integer not null default 24,
  updated_by bigint references accounts(id),
  updated_at timestamptz not null default now()
);
create table care_recipients (
  id bigint generated always as identity primary key,
  community_id bigint not null references communities(id),
  resident_id bigint not null references residents(id),
  tier text not null,
  status text not null default 'active',
  qualifying_tags text[] not null default '{}',
  family_contacts jsonb not null default '[]',
  health_notes_enc text,
  care_plan text,
  major_change_at timestamptz,
  major_change_note text,
  last_visit_at timestamptz,
  created_by bigint references accounts(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  ended_at timestamptz,
  end_reason text
);
create unique index care_recipients_resident on care_recipients (community_id, resident_id) where status = 'active';
create index care_recipients_community on care_recipients (community_id, status, tier);
create table care_pairings (
  id bigint generated always as identity primary key,
  community_id bigint not null references communities(id),
  recipient_id bigint not null references care_recipients(id),
  helper_kind text not null,
  account_id bigint references accounts(id),
  party_member_id bigint references party_members(id),
  partner_id bigint references partners(id),
  helper_name text,
  helper_phone_enc text,
  helper_phone_masked text,
  duties text[] not null default '{}',
  frequency text not null,
  ladder_order integer not null default 1,
  active boolean not null default true,
  created_by bigint references accounts(id),
  created_at timestamptz not null default now(),
  ended_at timestamptz
);
create index care_pairings_recipient on care_pairings (recipient_id, active);
create index care_pairings_community on care_pairings (community_id, active);
create index care_pairings_account on care_pairings (account_id) where active;
create table care_visits (
  id bigint generated always as identity primary key,
  community_id bigint not null references communities(id),
  recipient_id bigint not null references care_recipients(id),
  visitor_id bigint references accounts(id),
  pairing_id bigint references care_pairings(id),
  visited_at timestamptz not null,
  wellbeing text not null,
  health_finding text,
  home_safety text,
  needs text,
  follow_up text,
  photos jsonb not null default '[]',
  ticket_id bigint references tickets(id),
  ticket_code text,
  handoff_kind text,
  handoff_id bigint,
  created_at timestamptz not null default now()
);
create index care_visits_recipient on care_visits (recipient_id, visited_at);
create index care_visits_community on care_visits (community_id, visited_at)`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, 'drop table care_visits;\ndrop table care_pairings;\ndrop table care_recipients;\ndrop table care_settings');
}
