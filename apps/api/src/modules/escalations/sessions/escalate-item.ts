import type { EscalateSessionItemInput, SessionItem } from '@linli/contracts';
import type { AppContext } from '../../../platform/context.js';
import { authorize, scopeOf, type Actor } from '../../../platform/access/actor.js';
import { communityIn } from '../../../platform/db/scope.js';
import { AppError, invalidField, notFound } from '../../../platform/errors.js';
import { writeAudit } from '../../../platform/audit/audit.js';
import { createTicket } from '../../tickets/index.js';
import { createEscalation } from '../escalations.service.js';
import * as repo from './sessions.repository.js';
import { itemOf } from './sessions.service.js';

/**
 * A matter raised at the table becomes an escalation: a ticket (channel 'meeting', the session as its meeting) sent to
 * the item's department, and the item then points at both. The ticket and the escalation are written by their own
 * services (each in its own transaction), so every check that can refuse is made first: the item has no escalation
 * yet, the deadline is in the future, and the department serves the community (it attends; attendees are checked).
 */
export async function escalateItem(ctx: AppContext, actor: Actor, itemId: number, input: EscalateSessionItemInput): Promise<SessionItem> {
  authorize(actor, 'sessions.write');
  authorize(actor, 'escalations.create');
  const item = await repo.findItem(ctx.db, scopeOf(actor), itemId, null);
  const cid = item && communityIn(scopeOf(actor), item.community_id);
  if (!item || !cid) throw notFound('secretary session item');
  if (item.escalation_id != null) throw new AppError('INVALID_STATE', 'the item is escalated already');
  if (input.dueAt && Date.parse(input.dueAt) <= Date.now()) throw invalidField('dueAt', 'in_past');
  const session = await repo.findSession(ctx.db, scopeOf(actor), item.session_id, null, item.held_on);
  const ticket = await createTicket(ctx, actor, {
    communityId: cid,
    channel: 'meeting',
    categoryId: input.categoryId,
    title: item.subject.slice(0, 80),
    description: item.detail ?? item.subject,
    meetingTitle: `${session?.title ?? '书记面对面'} ${item.held_on}`.slice(0, 80),
    isAnonymous: false,
  });
  const escalation = await createEscalation(ctx, actor, {
    ticketId: ticket.id,
    organisationId: item.organisation_id,
    reason: `${session?.title ?? '书记面对面'}（${item.held_on}）：${item.subject}`.slice(0, 2000),
    dueAt: input.dueAt,
  });
  await ctx.db.transaction().execute(async (trx) => {
    await repo.linkEscalation(trx, cid, itemId, { escalation_id: escalation.id, ticket_id: ticket.id, ticket_code: ticket.code });
    await writeAudit(trx, actor, {
      communityId: cid,
      action: 'secretary_session.item_escalated',
      entityType: 'secretary_session',
      entityId: item.session_id,
      changes: { itemId, escalationId: escalation.id, ticketId: ticket.id },
    });
  });
  return itemOf(ctx, actor, itemId);
}
