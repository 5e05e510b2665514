import type { Kysely } from 'kysely';
import { runStatements } from './20261123000100_foundation.js';

// 帮扶清单 and 供需对接 (issue 9 items 3 and 5, ADR 0038). help_needs is owned by the help module: the request and the
// circumstances (health, income) are sealed (*_enc) like residents' personal data; lists read only category and status.
// match_candidates is matching's own index of who could meet a need (partners, teams, party members, volunteers,
// resources), with jieba terms and synonyms computed at refresh time so a suggestion is one set-based query.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `create table help_needs (
  id bigint generated always as identity primary key,
  community_id bigint not null references communities(id),
  resident_id bigint not null references residents(id),
  category text not null,
  request_enc text not null,
  circumstances_enc text,
  basis_enc text,
  status text not null default 'open' check (status in ('open', 'in_progress', 'closed')),
  helper_kind text check (helper_kind in ('account', 'team', 'partner', 'party_member')),
  helper_id bigint,
  created_by bigint references accounts(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  closed_at timestamptz,
  check ((helper_kind is null) = (helper_id is null))
);
create index help_needs_community on help_needs (community_id, status, id);
create index help_needs_resident on help_needs (resident_id);
create table help_actions (
  id bigint generated always as identity primary key,
  community_id bigint not null references communities(id),
  need_id bigint not null references help_needs(id),
  acted_on date not null,
  note text not null,
  actor_id bigint references accounts(id),
  created_at timestamptz not null default now()
);
create index help_actions_need on help_actions (need_id, acted_on);
create table help_need_events (
  id bigint generated always as identity primary key,
  community_id bigint not null references communities(id),
  need_id bigint not null references help_needs(id),
  action text not null,
  from_status text,
  to_status text,
  actor_id bigint references accounts(id),
  note text,
  created_at timestamptz not null default now()
);
create index help_need_events_need on help_need_events (need_id, id);
create table match_candidates (
  id bigint generated always as identity primary key,
  community_id bigint not null references communities(id),
  kind text not null check (kind in ('resource', 'partner', 'team', 'party_member', 'volunteer')),
  ref_id bigint not null,
  name text not null,
  account_id bigint references accounts(id),
  categories text[] not null default '{}',
  terms text[] not null default '{}',
  compound_id bigint,
  grid_id bigint,
  available boolean not null default true,
  refreshed_at timestamptz not null default now()
);
create unique index match_candidates_ref on match_candidates (community_id, kind, ref_id);
create index match_candidates_terms on match_candidates using gin (terms);
create index match_candidates_categories on match_candidates using gin (categories);
create index match_candidates_compound on match_candidates (community_id, compound_id);
create index match_candidates_grid on match_candidates (community_id, grid_id);
create table match_index_state (
  community_id bigint primary key references communities(id),
  refreshed_at timestamptz not null default now(),
  candidate_count integer not null default 0
);
create table match_orders (
  id bigint generated always as identity primary key,
  community_id bigint not null references communities(id),
  need_kind text not null check (need_kind in ('ticket', 'help_need', 'wish')),
  need_id bigint not null,
  need_summary text not null,
  candidate_kind text not null,
  candidate_id bigint not null,
  candidate_name text not null,
  claimant_account_id bigint not null references accounts(id),
  status text not null default 'sent' check (status in ('sent', 'accepted', 'declined', 'done', 'rated', 'cancelled')),
  note text,
  rating integer check (rating between 1 and 5),
  sent_by bigint references accounts(id),
  sent_at timestamptz not null default now(),
  answered_at timestamptz,
  done_at timestamptz,
  rated_at timestamptz,
  created_at timestamptz not null default now()
);
create index match_orders_community on match_orders (community_id, status, id);
create index match_orders_claimant on match_orders (claimant_account_id, status);
create index match_orders_need on match_orders (community_id, need_kind, need_id);
create table match_order_events (
  id bigint generated always as identity primary key,
  community_id bigint not null references communities(id),
  order_id bigint not null references match_orders(id),
  action text not null,
  from_status text,
  to_status text,
  actor_id bigint references accounts(id),
  note text,
  created_at timestamptz not null default now()
);
create index match_order_events_order on match_order_events (order_id, id)`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `drop table match_order_events;
drop table match_orders;
drop table match_index_state;
drop table match_candidates;
drop table help_need_events;
drop table help_actions;
drop table help_needs`,
  );
}
