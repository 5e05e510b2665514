import type { Kysely } from 'kysely';
import { runStatements } from './20261123000100_foundation.js';

/** jieba tokens of each ticket's text, for duplicate suggestions and Chinese full-text search ('simple' configuration). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `alter table tickets add column tokens text not null default '';
create index tickets_tokens_fts on tickets using gin (to_tsvector('simple', tokens));
create index tickets_open_recent on tickets (community_id, created_at desc) where status in ('submitted', 'accepted', 'assigned', 'in_progress', 'escalated')`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `drop index tickets_open_recent;
drop index tickets_tokens_fts;
alter table tickets drop column tokens`,
  );
}
