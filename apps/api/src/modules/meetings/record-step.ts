import type { Transaction } from 'kysely';
import type { MeetingEventKind } from '@linli/contracts/meeting-labels';
import type { DB } from '../../platform/db/schema.js';
import type { Actor } from '../../platform/access/actor.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { insertEvent } from './meetings.repository.js';

/** One step in a meeting's life: the timeline row (meeting_events) and the audit row, in the caller's transaction. */
export interface MeetingStep {
  communityId: number;
  meetingId: number;
  action: MeetingEventKind;
  fromStatus?: string | null;
  toStatus?: string | null;
  actor: Actor | null;
  actorLabel?: 'system' | null;
  note?: string | null;
  changes?: Record<string, unknown> | null;
  reason?: string | null;
}

export async function recordStep(trx: Transaction<DB>, s: MeetingStep): Promise<void> {
  await insertEvent(trx, {
    community_id: s.communityId,
    meeting_id: s.meetingId,
    action: s.action,
    from_status: s.fromStatus ?? null,
    to_status: s.toStatus ?? null,
    actor_id: s.actor?.accountId ?? null,
    actor_label: s.actorLabel ?? null,
    note: s.note ?? null,
  });
  await writeAudit(trx, s.actor, {
    communityId: s.communityId,
    action: `meeting.${s.action}`,
    entityType: 'meeting',
    entityId: s.meetingId,
    changes:
      s.changes !== undefined
        ? s.changes
        : s.fromStatus !== undefined || s.toStatus !== undefined
          ? { from: s.fromStatus ?? null, to: s.toStatus ?? null }
          : null,
    reason: s.reason ?? null,
  });
}
