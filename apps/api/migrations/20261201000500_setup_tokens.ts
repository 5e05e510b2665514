import type { Kysely } from 'kysely';
import { runStatements } from './20261123000100_foundation.js';

// The one-time token that lets the first system administrator be created on an installation with no account
// (ADR 0014). Only its hash is kept; it is replaced at every start while no account exists, and removed once used.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `create table setup_tokens (
  token_hash text primary key,
  created_at timestamptz not null default now()
)`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, 'drop table setup_tokens');
}
