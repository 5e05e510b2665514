import type { Transaction } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import type { Actor } from '../../../platform/access/actor.js';
import { writeAudit } from '../../../platform/audit/audit.js';
import { insertEvent } from './votes.repository.js';

/** One step in a vote's life: its timeline row and the audit row, in the caller's transaction (ADR 0046). */
export async function recordVoteStep(
  trx: Transaction<DB>,
  s: {
    communityId: number;
    voteId: number;
    action: string;
    fromStatus?: string | null;
    toStatus?: string | null;
    actor: Actor | null;
    note?: string | null;
    changes?: Record<string, unknown> | null;
  },
): Promise<void> {
  await insertEvent(trx, {
    community_id: s.communityId,
    vote_id: s.voteId,
    action: s.action,
    from_status: s.fromStatus ?? null,
    to_status: s.toStatus ?? null,
    actor_id: s.actor?.accountId ?? null,
    note: s.note ?? null,
  });
  await writeAudit(trx, s.actor, {
    communityId: s.communityId,
    action: `vote.${s.action}`,
    entityType: 'vote',
    entityId: s.voteId,
    changes: s.changes ?? (s.toStatus !== undefined ? { from: s.fromStatus ?? null, to: s.toStatus ?? null } : null),
  });
}
