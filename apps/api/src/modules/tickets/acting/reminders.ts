import type { AppContext } from '../../../platform/context.js';
import { recordStep } from '../record-step.js';
import { trustedCommunityId } from '../../../platform/access/trusted-scope.js';
import * as repo from '../tickets.repository.js';

/** Reminder kinds: shortly before and at each deadline. One of each per ticket, ever (催办). */
export const reminderKinds = ['response_due_soon', 'response_overdue', 'resolution_due_soon', 'resolution_overdue'] as const;
type Kind = (typeof reminderKinds)[number];

/** "Soon" is a quarter of the window before the deadline, at most two hours. */
export function reminderDue(
  kind: Kind,
  t: { created_at: Date; response_due_at: Date; resolution_due_at: Date; first_response_at: Date | null },
  now: Date,
): boolean {
  const isResponse = kind.startsWith('response');
  if (isResponse && t.first_response_at) return false;
  const due = isResponse ? t.response_due_at : t.resolution_due_at;
  if (kind.endsWith('overdue')) return now >= due;
  const lead = Math.min(2 * 3600_000, (due.getTime() - t.created_at.getTime()) / 4);
  return now >= new Date(due.getTime() - lead) && now < due;
}

/**
 * The reminder sweep: for each open ticket whose deadline is near or past, records the reminder once (a unique row),
 * writes an internal timeline event and an audit row in the same transaction. The assignee's task list shows it red.
 */
export async function sendTicketReminders(ctx: AppContext, now: Date): Promise<number> {
  const open = await repo.listTicketsNearDeadline(ctx.db, now);
  let sent = 0;
  for (const t of open) {
    for (const kind of reminderKinds) {
      if (!reminderDue(kind, t, now)) continue;
      const done = await ctx.db.transaction().execute(async (trx) => {
        // A system job: the community of the ticket row it picked.
        if (!(await repo.insertReminderOnce(trx, { communityId: trustedCommunityId(t.community_id), ticketId: t.id, kind }))) return false;
        await recordStep(trx, {
          communityId: t.community_id,
          ticketId: t.id,
          action: 'reminded',
          actor: null,
          actorLabel: 'system',
          note: kind,
          isPublic: false,
          changes: { kind },
        });
        return true;
      });
      if (done) sent++;
    }
  }
  return sent;
}
