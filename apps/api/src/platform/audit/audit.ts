import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import type { Actor } from '../access/actor.js';

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

/** Field-by-field difference of two plain records, for the `changes` column. */
export function diff(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, { from: unknown; to: unknown }> {
  const out: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of Object.keys(after)) {
    if (after[key] === undefined) continue;
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) out[key] = { from: before[key] ?? null, to: after[key] };
  }
  return out;
}
