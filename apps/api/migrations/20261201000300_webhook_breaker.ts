import type { Kysely } from 'kysely';
import { runStatements } from './20261123000100_foundation.js';

// A circuit breaker per endpoint (ADR 0012): consecutive failures back the whole webhook off, and a webhook that keeps
// failing is paused until the secretary resumes it. The index lets the worker take each endpoint's next deliveries cheaply.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `alter table webhooks add column consecutive_failures int not null default 0;
alter table webhooks add column failing_since timestamptz;
alter table webhooks add column backoff_until timestamptz;
alter table webhooks add column last_error text;
alter table webhooks add column paused_at timestamptz;
alter table webhooks add column pause_reason text;
create index webhook_deliveries_endpoint_due on webhook_deliveries (webhook_id, next_attempt_at) where status = 'pending'`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `drop index webhook_deliveries_endpoint_due;
alter table webhooks drop column pause_reason;
alter table webhooks drop column paused_at;
alter table webhooks drop column last_error;
alter table webhooks drop column backoff_until;
alter table webhooks drop column failing_since;
alter table webhooks drop column consecutive_failures`,
  );
}
