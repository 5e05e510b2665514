import type { TicketInbox } from '@linli/contracts';
import type { AppContext } from '../../../platform/context.js';
import { authorize, resolveCommunityId, scopeIds, type Actor } from '../../../platform/access/actor.js';
import { AppError, notFound } from '../../../platform/errors.js';
import { logPiiAccess } from '../../../platform/audit/audit.js';
import * as repo from '../tickets.repository.js';
import { inboxCounts } from './inbox.repository.js';
import { mayCallReporter } from '../tickets.policy.js';

/** The secretary's inbox on the overview: the count of each view; each opens the ticket list filtered by the same view. */
export async function ticketInbox(ctx: AppContext, actor: Actor, communityId?: number): Promise<TicketInbox> {
  authorize(actor, 'tickets.readAll');
  return inboxCounts(ctx.db, resolveCommunityId(actor, communityId), new Date());
}

/**
 * The reporter's full phone, for the worker's one tap to call. Only staff or the ticket's assignee; never an anonymous
 * reporter's. The read and its personal-data view row are one transaction (ADR 0003).
 */
export async function reporterPhone(ctx: AppContext, actor: Actor, id: number): Promise<{ phone: string }> {
  authorize(actor, 'tickets.work');
  const t = await repo.findTicket(ctx.db, scopeIds(actor), id);
  if (!t || !mayCallReporter(actor, t)) throw notFound('ticket');
  if (t.is_anonymous || !t.reporter_phone_enc) throw new AppError('NOT_FOUND', 'the reporter left no phone');
  const sealed = t.reporter_phone_enc;
  return ctx.db.transaction().execute(async (trx) => {
    await logPiiAccess(trx, t.community_id, {
      actor_id: actor.accountId,
      entity_type: 'ticket',
      entity_id: String(id),
      fields: ['reporterPhone'],
      request_id: actor.requestId,
    });
    return { phone: ctx.pii.decrypt(sealed) };
  });
}
