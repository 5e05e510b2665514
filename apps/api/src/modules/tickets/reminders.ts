import { sql } from 'kysely';
import { openTicketStatuses } from '@linli/contracts';
import type { AppContext } from '../../platform/context.js';
import { writeAudit } from '../../platform/audit/audit.js';

/** Reminder kinds: shortly before and at each deadline. One of each per ticket, ever (催办). */
export const reminderKinds = ['response_due_soon', 'response_overdue', 'resolution_due_soon', 'resolution_overdue'] as const;
type Kind = (typeof reminderKinds)[number];

/** "Soon" is a quarter of the window before the deadline, at most two hours. */
export function reminderDue(kind: Kind, t: { created_at: Date; response_due_at: Date; resolution_due_at: Date; first_response_at: Date | null }, now: Date): boolean {
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
  const open = await ctx.db
    .selectFrom('tickets')
    .select(['id', 'community_id', 'created_at', 'response_due_at', 'resolution_due_at', 'first_response_at'])
    .where('status', 'in', [...openTicketStatuses])
    .where((eb) => eb.or([eb('resolution_due_at', '<', new Date(now.getTime() + 2 * 3600_000)), eb.and([eb('first_response_at', 'is', null), eb('response_due_at', '<', new Date(now.getTime() + 2 * 3600_000))])]))
    .limit(1000)
    .execute();
  let sent = 0;
  for (const t of open) {
    for (const kind of reminderKinds) {
      if (!reminderDue(kind, t, now)) continue;
      const done = await ctx.db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('ticket_reminders')
          .values({ community_id: t.community_id, ticket_id: t.id, kind })
          .onConflict((oc) => oc.columns(['ticket_id', 'kind']).doNothing())
          .returning('id')
          .executeTakeFirst();
        if (!row) return false;
        await trx
          .insertInto('ticket_events')
          .values({ community_id: t.community_id, ticket_id: t.id, action: 'reminded', from_status: null, to_status: null, actor_id: null, actor_label: 'system', channel: null, note: kind, is_public: false, data: sql`null` })
          .execute();
        await writeAudit(trx, null, { communityId: t.community_id, action: 'ticket.reminded', entityType: 'ticket', entityId: t.id, changes: { kind } });
        return true;
      });
      if (done) sent++;
    }
  }
  return sent;
}
