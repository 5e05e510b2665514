import type { Kysely } from 'kysely';
import { runStatements } from './20261123000100_foundation.js';

// The outbox (ADR 0020): domain events written in the transaction of the change, dispatched by any process.
// Background jobs (ADR 0021): imports and exports as rows with a lease, run by whichever process claims them.
// Exports and imports left running by the old in-process runner have no job row and no process: closed as failed.
// webhook_deliveries.outbox_id makes the webhook subscriber idempotent: an event dispatched twice queues once.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `create table outbox (
  id bigint generated always as identity primary key,
  name text not null,
  payload jsonb not null,
  created_at timestamptz not null default now(),
  attempts int not null default 0,
  next_attempt_at timestamptz not null default now(),
  locked_by text,
  locked_until timestamptz,
  done_subscribers text[] not null default '{}',
  last_error text,
  dispatched_at timestamptz,
  dead_at timestamptz
);
create index outbox_due on outbox (id) where dispatched_at is null and dead_at is null;
create table background_jobs (
  id bigint generated always as identity primary key,
  kind text not null,
  subject_id bigint not null,
  community_id bigint references communities(id),
  actor_id bigint references accounts(id),
  status text not null default 'queued' check (status in ('queued', 'running', 'done', 'failed')),
  progress int not null default 0,
  total int,
  attempts int not null default 0,
  max_attempts int not null default 3,
  locked_by text,
  locked_until timestamptz,
  heartbeat_at timestamptz,
  error text,
  result_file text,
  created_at timestamptz not null default now(),
  started_at timestamptz,
  finished_at timestamptz,
  unique (kind, subject_id)
);
create index background_jobs_open on background_jobs (id) where status in ('queued', 'running');
alter table webhook_deliveries add column outbox_id bigint;
create unique index webhook_deliveries_once on webhook_deliveries (webhook_id, outbox_id) where outbox_id is not null;
update ledger_exports set status = 'failed', error = 'stopped by the upgrade to background jobs; export again', finished_at = now() where status = 'running';
update import_jobs set status = 'failed', finished_at = now() where status = 'importing'`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `drop index webhook_deliveries_once;
alter table webhook_deliveries drop column outbox_id;
drop table background_jobs;
drop table outbox`,
  );
}
