import type { Kysely } from 'kysely';
import { runStatements } from './20261123000100_foundation.js';

// Roster import (issue 8, ADR 0031): a community's own resident tags beside the built-in ones, the household type
// (户类型), and what an import planned or did against the residents already registered, with the reason a failed
// import wrote nothing.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `create table resident_tags (
  id bigint generated always as identity primary key,
  community_id bigint not null references communities(id),
  label_zh text not null,
  label_en text not null,
  sensitive boolean not null default false,
  created_by bigint references accounts(id),
  created_at timestamptz not null default now()
);
create unique index resident_tags_label on resident_tags (community_id, label_zh);
alter table households add column household_type text;
alter table import_jobs add column created_rows integer not null default 0;
alter table import_jobs add column updated_rows integer not null default 0;
alter table import_jobs add column unchanged_rows integer not null default 0;
alter table import_jobs add column failure_reason text`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `drop table resident_tags;
alter table households drop column household_type;
alter table import_jobs drop column created_rows;
alter table import_jobs drop column updated_rows;
alter table import_jobs drop column unchanged_rows;
alter table import_jobs drop column failure_reason`,
  );
}
