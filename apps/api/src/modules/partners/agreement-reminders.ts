import type { AppContext } from '../../platform/context.js';
import type { PeriodicJob } from '../../platform/jobs/scheduler.js';
import { publish } from '../../platform/outbox/outbox.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { trustedCommunityId } from '../../platform/access/trusted-scope.js';
import { beijingDate } from '../../platform/time.js';
import * as repo from './agreements.repository.js';
import { renewalReminderDue, reminderDay } from './agreement-rules.js';

/**
 * Renewal reminders (续签提醒): once per agreement, `remind_days` before its end. Marks the row, writes an audit entry
 * and publishes `agreement.renewal_due` for notifications (webhooks, group bots). Answers how many went out.
 */
export async function sendAgreementReminders(ctx: AppContext, now: Date): Promise<number> {
  const today = beijingDate(now);
  const horizon = new Date(`${today}T00:00:00Z`);
  horizon.setUTCDate(horizon.getUTCDate() + 365);
  const rows = await repo.agreementsNearingEnd(ctx.db, today, horizon.toISOString().slice(0, 10));
  let sent = 0;
  for (const r of rows) {
    if (!renewalReminderDue(r, today)) continue;
    await ctx.db.transaction().execute(async (trx) => {
      // A system job: the community of the row it picked.
      const cid = trustedCommunityId(r.community_id);
      const fresh = await repo.findAgreement(trx, cid, r.id);
      if (!fresh || !renewalReminderDue(fresh, today)) return;
      await repo.updateAgreement(trx, cid, r.id, { reminded_at: now });
      await writeAudit(trx, null, {
        communityId: cid,
        action: 'agreement.renewal_reminded',
        entityType: 'agreement',
        entityId: r.id,
        changes: { endsOn: r.ends_on, remindOn: reminderDay(r.ends_on!, r.remind_days) },
      });
      await publish(trx, 'agreement.renewal_due', { communityId: cid, agreementId: r.id, partnerId: r.partner_id, endsOn: r.ends_on! });
      sent++;
    });
  }
  return sent;
}

export const agreementJobs: PeriodicJob[] = [
  { name: 'agreements.remind', everyMs: 60 * 60_000, run: async (ctx, now) => void (await sendAgreementReminders(ctx, now)) },
];
