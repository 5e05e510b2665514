import type { AppContext } from '../../platform/context.js';
import { publish } from '../../platform/outbox/outbox.js';
import { trustedCommunityId } from '../../platform/access/trusted-scope.js';
import { ticketEscalation } from '../tickets/index.js';
import * as orgs from '../orgs/index.js';
import * as repo from './escalations.repository.js';
import { reminderDue } from './escalation-rules.js';

/**
 * Reminds of escalations a day before their deadline and at it (each once): a step on the ticket's timeline, which the
 * secretary's overdue views read, and an `escalation.reminder` event for notifications. Answers how many went out.
 */
export async function sendEscalationReminders(ctx: AppContext, now: Date): Promise<number> {
  const rows = await repo.dueForReminder(ctx.db, now);
  let sent = 0;
  for (const r of rows) {
    const kind = reminderDue(r, now);
    if (!kind) continue;
    await ctx.db.transaction().execute(async (trx) => {
      // A system job: the community of the row it picked.
      const cid = trustedCommunityId(r.community_id);
      const row = await repo.lockEscalation(trx, cid, r.id);
      if (!row || reminderDue(row, now) !== kind) return;
      await repo.updateEscalation(
        trx,
        cid,
        r.id,
        kind === 'due' ? { reminded_due_at: now, reminded_before_at: row.reminded_before_at ?? now } : { reminded_before_at: now },
      );
      const org = (await orgs.organisationsByIds(trx, [row.organisation_id])).get(row.organisation_id);
      await ticketEscalation.recordEscalationStep(trx, null, cid, row.ticket_id, {
        action: kind === 'due' ? 'escalation_overdue' : 'escalation_due_soon',
        note: null,
        data: { escalationId: row.id, organisationId: row.organisation_id, organisationName: org?.name ?? null, dueAt: row.due_at.toISOString() },
        isPublic: false,
        actorLabel: 'system',
      });
      await publish(trx, 'escalation.reminder', { communityId: cid, escalationId: row.id, ticketId: row.ticket_id, organisationId: row.organisation_id, kind });
      sent++;
    });
  }
  return sent;
}
