import type { Kysely } from 'kysely';
import { runStatements } from './20261123000100_foundation.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `create table job_leases (
  name text primary key,
  owner text,
  locked_until timestamptz not null default 'epoch',
  last_started_at timestamptz,
  last_finished_at timestamptz,
  last_error text,
  run_count bigint not null default 0
)`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, 'drop table job_leases');
}
