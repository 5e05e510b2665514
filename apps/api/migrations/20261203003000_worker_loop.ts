import type { Kysely } from 'kysely';
import { runStatements } from './20261123000100_foundation.js';

// The worker's loop (issue 7.6, ADR 0030): a dispatch carries its own deadline and instruction, and photos are labelled
// as taken before or after the work.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `alter table tickets add column dispatch_due_at timestamptz;
alter table tickets add column dispatch_note text;
alter table ticket_attachments add column stage text check (stage in ('before', 'after'))`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `alter table ticket_attachments drop column stage;
alter table tickets drop column dispatch_note;
alter table tickets drop column dispatch_due_at`,
  );
}
