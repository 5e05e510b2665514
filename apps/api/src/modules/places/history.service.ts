import { iso } from '../../platform/time.js';
import type { AppContext } from '../../platform/context.js';
import { authorize, scopeIds, type Actor } from '../../platform/access/actor.js';
import { listAuditEntries, listPiiAccess } from '../../platform/audit/audit.js';
import * as people from '../people/index.js';

/** The audit trail and personal-data access log of one entity, with the actors' names. */

export async function listAccessLog(ctx: AppContext, actor: Actor, entityType: string, entityId: string) {
  authorize(actor, 'audit.read');
  const rows = await listPiiAccess(ctx.db, scopeIds(actor), entityType, entityId);
  const names = await people.accountNames(
    ctx.db,
    rows.map((r) => r.actor_id),
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      actorId: r.actor_id,
      actorName: names.get(r.actor_id) ?? '',
      entityType: r.entity_type,
      entityId: r.entity_id,
      fields: r.fields,
      requestId: r.request_id,
      createdAt: iso(r.created_at),
    })),
  };
}

export async function listAudit(ctx: AppContext, actor: Actor, entityType: string, entityId: string) {
  authorize(actor, 'audit.read');
  const rows = await listAuditEntries(ctx.db, scopeIds(actor), entityType, entityId);
  const names = await people.accountNames(
    ctx.db,
    rows.flatMap((r) => (r.actor_id != null ? [r.actor_id] : [])),
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      actorId: r.actor_id,
      actorName: r.actor_id != null ? (names.get(r.actor_id) ?? null) : null,
      changes: (r.changes as Record<string, unknown> | null) ?? null,
      reason: r.reason,
      requestId: r.request_id,
      createdAt: iso(r.created_at),
    })),
  };
}
