import type { Kysely } from 'kysely';
import { runStatements } from './20261123000100_foundation.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `create table ticket_reminders (
  id bigint generated always as identity primary key,
  community_id bigint not null references communities(id),
  ticket_id bigint not null references tickets(id),
  kind text not null,
  created_at timestamptz not null default now(),
  unique (ticket_id, kind)
)`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, 'drop table ticket_reminders');
}
