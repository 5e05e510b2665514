import type { Kysely } from 'kysely';
import { runStatements } from './20261123000100_foundation.js';

// Which buildings (or single units) a building head (楼栋长, 单元长) looks after (issue 13): they read the
// households and residents of those places only. A row with unit_id null covers the whole building.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `create table building_heads (
  id bigint generated always as identity primary key,
  community_id bigint not null references communities(id),
  building_id bigint not null references buildings(id),
  unit_id bigint references units(id),
  account_id bigint not null references accounts(id),
  created_at timestamptz not null default now()
);
create unique index building_heads_once on building_heads (building_id, account_id, coalesce(unit_id, 0));
create index building_heads_account on building_heads (account_id)`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, `drop table building_heads`);
}
