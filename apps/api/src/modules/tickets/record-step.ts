import type { Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { Actor } from '../../platform/access/actor.js';
import { auditRow, writeAudit } from '../../platform/audit/audit.js';
import type { TicketEventKind } from '@linli/contracts';
import { insertEvent } from './tickets.repository.js';

/**
 * One step in a ticket's life: what the timeline shows (ticket_events) and what the audit log keeps (audit_log).
 * Every writer records its step through here, so the two rows never drift apart (ADR 0016).
 */
export interface TicketStep {
  communityId: number;
  ticketId: number;
  /** The timeline action, e.g. `assign`, `photos_added`; the audit action is `ticket.<action>`. A kind with no label in contracts does not compile. */
  action: TicketEventKind;
  fromStatus?: string | null;
  toStatus?: string | null;
  /** Null for the system or a resident; `actorLabel` then names who it was. */
  actor: Actor | null;
  /** Contracts' ticketActorKinds, or `open311:<client>` for an outside system; the timeline words it with ticketActorText. */
  actorLabel?: string | null;
  channel?: string | null;
  note?: string | null;
  /** Shown on the resident's tracking page. */
  isPublic: boolean;
  data?: Record<string, unknown> | null;
  /** The audit row's changes; by default the status change. */
  changes?: Record<string, unknown> | null;
  reason?: string | null;
}

/** The two rows of a step, for a writer that inserts them in its own statement (intake's single-statement insert). */
export function stepRows(s: TicketStep) {
  return {
    event: {
      community_id: s.communityId,
      ticket_id: s.ticketId,
      action: s.action,
      from_status: s.fromStatus ?? null,
      to_status: s.toStatus ?? null,
      actor_id: s.actor?.accountId ?? null,
      actor_label: s.actorLabel ?? null,
      channel: s.channel ?? null,
      note: s.note ?? null,
      is_public: s.isPublic,
      data: s.data ? JSON.stringify(s.data) : null,
    },
    audit: auditRow(s.actor, {
      communityId: s.communityId,
      action: `ticket.${s.action}`,
      entityType: 'ticket',
      entityId: s.ticketId,
      changes:
        s.changes !== undefined
          ? s.changes
          : s.fromStatus !== undefined || s.toStatus !== undefined
            ? { from: s.fromStatus ?? null, to: s.toStatus ?? null }
            : null,
      reason: s.reason ?? null,
    }),
  };
}

/** Writes a step's timeline event and audit row in the caller's transaction: both are kept or neither. */
export async function recordStep(trx: Transaction<DB>, s: TicketStep): Promise<void> {
  const { event, audit } = stepRows(s);
  await insertEvent(trx, event);
  await writeAudit(trx, s.actor, {
    communityId: audit.community_id,
    action: audit.action,
    entityType: audit.entity_type,
    entityId: audit.entity_id,
    changes: audit.changes,
    reason: audit.reason,
  });
}
