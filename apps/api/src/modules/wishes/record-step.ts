import type { Transaction } from 'kysely';
import type { WishEventKind } from '@linli/contracts';
import type { DB } from '../../platform/db/schema.js';
import type { Actor } from '../../platform/access/actor.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { insertEvent } from './wishes.repository.js';

/** One step in a wish's life: the timeline row (wish_events) and the audit row, in the caller's transaction (ADR 0036). */
export interface WishStep {
  communityId: number;
  wishId: number;
  action: WishEventKind;
  fromStatus?: string | null;
  toStatus?: string | null;
  /** Null for the system or the resident; `actorLabel` then names who it was. */
  actor: Actor | null;
  actorLabel?: 'resident' | 'system' | null;
  channel?: string | null;
  note?: string | null;
  /** Shown on the resident's tracking page. */
  isPublic: boolean;
  changes?: Record<string, unknown> | null;
  reason?: string | null;
}

export async function recordStep(trx: Transaction<DB>, s: WishStep): Promise<void> {
  await insertEvent(trx, {
    community_id: s.communityId,
    wish_id: s.wishId,
    action: s.action,
    from_status: s.fromStatus ?? null,
    to_status: s.toStatus ?? null,
    actor_id: s.actor?.accountId ?? null,
    actor_label: s.actorLabel ?? null,
    channel: s.channel ?? null,
    note: s.note ?? null,
    is_public: s.isPublic,
  });
  await writeAudit(trx, s.actor, {
    communityId: s.communityId,
    action: `wish.${s.action}`,
    entityType: 'wish',
    entityId: s.wishId,
    changes:
      s.changes !== undefined
        ? s.changes
        : s.fromStatus !== undefined || s.toStatus !== undefined
          ? { from: s.fromStatus ?? null, to: s.toStatus ?? null }
          : null,
    reason: s.reason ?? null,
  });
}
