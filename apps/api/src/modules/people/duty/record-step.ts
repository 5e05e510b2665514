import type { Transaction } from 'kysely';
import type { ShiftEventAction } from '@linli/contracts';
import type { DB } from '../../../platform/db/schema.js';
import type { CommunityId } from '../../../platform/db/scope.js';
import type { Actor } from '../../../platform/access/actor.js';
import { writeAudit } from '../../../platform/audit/audit.js';
import { insertEvents } from './shift-events.repository.js';

/** One step in a shift's life: its timeline rows (shift_events) and their audit rows, in the caller's transaction. */
export interface ShiftStep {
  shiftId: number;
  action: ShiftEventAction;
  note?: string | null;
  changes?: Record<string, unknown> | null;
  reason?: string | null;
}

/** Writes the steps of many shifts at once (generation touches a month of them); `actor` null is the system. */
export async function recordShiftSteps(trx: Transaction<DB>, cid: CommunityId, actor: Actor | null, steps: ShiftStep[]): Promise<void> {
  if (steps.length === 0) return;
  await insertEvents(
    trx,
    cid,
    steps.map((s) => ({
      shift_id: s.shiftId,
      action: s.action,
      actor_account_id: actor?.accountId ?? null,
      actor_label: actor ? null : 'system',
      note: s.note ?? null,
      changes: s.changes ? JSON.stringify(s.changes) : null,
    })),
  );
  await writeAudit(
    trx,
    actor,
    ...steps.map((s) => ({
      communityId: cid,
      action: `shift.${s.action}`,
      entityType: 'shift',
      entityId: s.shiftId,
      changes: s.changes ?? null,
      reason: s.reason ?? s.note ?? null,
    })),
  );
}
