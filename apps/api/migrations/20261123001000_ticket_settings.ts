import type { Kysely } from 'kysely';
import { runStatements } from './20261123000100_foundation.js';

// Per-community follow-up rules and default assignees (issue 3): what used to be constants becomes the community's choice.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `create table ticket_settings (
  community_id bigint primary key references communities(id),
  reopen_limit int not null default 2 check (reopen_limit between 0 and 5),
  unrated_close_days int not null default 7 check (unrated_close_days between 1 and 30),
  auto_assign boolean not null default false,
  updated_by bigint references accounts(id),
  updated_at timestamptz not null default now()
);
alter table ticket_categories add column default_assignee_kind text check (default_assignee_kind in ('account', 'team', 'partner', 'grid_worker'));
alter table ticket_categories add column default_assignee_id bigint;
alter table grids add column worker_account_id bigint references accounts(id)`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `alter table grids drop column worker_account_id;
alter table ticket_categories drop column default_assignee_id;
alter table ticket_categories drop column default_assignee_kind;
drop table ticket_settings`,
  );
}
