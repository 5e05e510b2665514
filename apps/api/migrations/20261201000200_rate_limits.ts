import type { Kysely } from 'kysely';
import { runStatements } from './20261123000100_foundation.js';

// Rate-limit counters shared by every API process on one database (ADR 0011). Unlogged: a counter is not worth a WAL
// flush per request, and a crash that empties the table only forgets recent failures.
// A row is a counter for one key (`login:account:42`, `report:address:1.2.3.4` …) until `expires_at`;
// `locked_until` is set by the login lock, which grows with each further failure.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `create unlogged table rate_limits (
  key text primary key,
  count integer not null default 0,
  expires_at timestamptz not null,
  locked_until timestamptz
);
create index rate_limits_expires_at_idx on rate_limits (expires_at)`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, 'drop table rate_limits');
}
