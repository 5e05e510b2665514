import type { Kysely } from 'kysely';
import { runStatements } from './20261123000100_foundation.js';

// Only a key's hash is kept, so the console could not tell two keys apart: keep their first characters too.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, 'alter table open311_clients add column key_prefix text');
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, 'alter table open311_clients drop column key_prefix');
}
