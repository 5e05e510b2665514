import type { Kysely } from 'kysely';
import { runStatements } from './20261123000100_foundation.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `create table ledger_exports (
  id bigint generated always as identity primary key,
  community_id bigint not null references communities(id),
  actor_id bigint not null references accounts(id),
  filters jsonb not null,
  status text not null,
  total int not null default 0,
  processed int not null default 0,
  file_name text not null,
  file_path text,
  error text,
  created_at timestamptz not null default now(),
  finished_at timestamptz
)`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, 'drop table ledger_exports');
}
