import type { Kysely } from 'kysely';
import { runStatements } from './20261123000100_foundation.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `create table open311_clients (
  id bigint generated always as identity primary key,
  community_id bigint not null references communities(id),
  name text not null,
  key_hash text not null unique,
  is_active boolean not null default true,
  created_at timestamptz not null default now()
)`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, 'drop table open311_clients');
}
