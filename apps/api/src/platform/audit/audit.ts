import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import type { Actor } from '../access/actor.js';
import { inScope, type Scope } from '../db/scope.js';

export interface AuditEntry {
  communityId: number | null;
  action: string;
  entityType: string;
  entityId: number | string;
  changes?: Record<string, unknown> | null;
  reason?: string | null;
}

/** The audit_log row of an entry, `changes` as an object (the caller serialises it as its statement needs). */
export function auditRow(actor: AuditActor | null, e: AuditEntry) {
  return {
    community_id: e.communityId,
    actor_id: actor?.accountId ?? null,
    action: e.action,
    entity_type: e.entityType,
    entity_id: String(e.entityId),
    changes: e.changes ?? null,
    reason: e.reason ?? null,
    request_id: actor?.requestId ?? null,
  };
}

/** Who an audit row names: an account and its request, or a background job acting for an account (no request). */
export type AuditActor = Pick<Actor, 'accountId' | 'requestId'>;

/** Writes audit rows; call it with the transaction that made the change. */
export async function writeAudit(trx: Transaction<DB> | Kysely<DB>, actor: AuditActor | null, ...entries: AuditEntry[]) {
  if (entries.length === 0) return;
  await trx
    .insertInto('audit_log')
    .values(entries.map((e) => ({ ...auditRow(actor, e), changes: e.changes ? JSON.stringify(e.changes) : null })))
    .execute();
}

/**
 * An audit insert as one part of a module's single-statement write (a CTE body): the entity id is the `id` of the rows
 * named `source` in that statement. Keeps the SQL that names audit_log in the platform.
 */
export function auditInsertFrom(source: string, row: Record<string, unknown>) {
  const columns = Object.keys(row);
  return sql`insert into audit_log (entity_id, ${sql.raw(columns.join(', '))}) select ${sql.ref(`${source}.id`)}::text, ${sql.raw(columns.map((c) => `x.${c}`).join(', '))} from ${sql.table(source)}, jsonb_populate_record(null::audit_log, ${JSON.stringify(row)}::jsonb) x`;
}

/** Field-by-field difference of two plain records, for the `changes` column. */
export function diff(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, { from: unknown; to: unknown }> {
  const out: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of Object.keys(after)) {
    if (after[key] === undefined) continue;
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) out[key] = { from: before[key] ?? null, to: after[key] };
  }
  return out;
}

/** Records that whole personal data was shown (ADR 0003), in the transaction of the read. */
export async function logPiiAccess(
  db: Transaction<DB> | Kysely<DB>,
  communityId: number,
  v: { actor_id: number; entity_type: string; entity_id: string; fields: string[]; request_id: string | null },
) {
  await db
    .insertInto('pii_access_log')
    .values({ community_id: communityId, ...v })
    .execute();
}

/** Who saw an entity's personal data, newest first (actor ids: the caller adds names through people/index.ts). */
export function listPiiAccess(db: Kysely<DB>, scope: Scope, entityType: string, entityId: string) {
  return db
    .selectFrom('pii_access_log as l')
    .select(['l.id', 'l.actor_id', 'l.entity_type', 'l.entity_id', 'l.fields', 'l.request_id', 'l.created_at'])
    .where('l.entity_type', '=', entityType)
    .where('l.entity_id', '=', entityId)
    .where(inScope(scope, 'l.community_id'))
    .orderBy('l.id', 'desc')
    .limit(200)
    .execute();
}

/** An entity's audit trail, newest first (actor ids: the caller adds names through people/index.ts). */
export function listAuditEntries(db: Kysely<DB>, scope: Scope, entityType: string, entityId: string) {
  return db
    .selectFrom('audit_log as l')
    .select(['l.id', 'l.action', 'l.entity_type', 'l.entity_id', 'l.actor_id', 'l.changes', 'l.reason', 'l.request_id', 'l.created_at'])
    .where('l.entity_type', '=', entityType)
    .where('l.entity_id', '=', entityId)
    .where(inScope(scope, 'l.community_id'))
    .orderBy('l.id', 'desc')
    .limit(500)
    .execute();
}
