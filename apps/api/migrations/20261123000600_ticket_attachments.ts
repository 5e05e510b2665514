import type { Kysely } from 'kysely';
import { runStatements } from './20261123000100_foundation.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `create table ticket_attachments (
  id bigint generated always as identity primary key,
  community_id bigint not null references communities(id),
  ticket_id bigint not null references tickets(id),
  mime text not null,
  size int not null,
  sha256 text not null,
  data bytea not null,
  created_at timestamptz not null default now()
);
create index ticket_attachments_ticket on ticket_attachments (ticket_id)`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, 'drop table ticket_attachments');
}
