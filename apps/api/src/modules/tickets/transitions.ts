import type { Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { openTicketStatuses, type Rating, type TicketAction, type TicketDetail, type TicketStatus, type TransitionInput } from '@linli/contracts';
import type { AppContext } from '../../platform/context.js';
import { authorize, scopeIds, type Actor } from '../../platform/access/actor.js';
import { AppError, invalidField, notFound } from '../../platform/errors.js';
import { writeAudit } from '../../platform/audit/audit.js';
import * as repo from './tickets.repository.js';
import { mayWorkTicket, permissionForAction } from './tickets.policy.js';
import { isRatedThisRound, transition, type TicketState } from './ticket-state.js';
import { defaultTicketSettings, resolveDefaultAssignee, settingsOf, unratedPastDeadline } from './ticket-settings.js';
import { getTicket } from './tickets.service.js';

/** One transition: permission, state rule, the change, its timeline event and audit row, all in one transaction. */
export async function actOnTicket(ctx: AppContext, actor: Actor, id: number, action: TicketAction, input: TransitionInput): Promise<TicketDetail> {
  const t = await repo.findTicket(ctx.db, scopeIds(actor), id);
  if (!t) throw notFound('ticket');
  await ctx.db.transaction().execute((trx) => applyAction(ctx, trx, actor, t.community_id, id, action, input, null));
  ctx.events.emit('ticket.transitioned', { communityId: t.community_id, ticketId: id, action });
  return getTicket(ctx, actor, id, { justActed: true });
}

type Trx = Transaction<DB>;

/** One transition inside the caller's transaction (also used by the public tracking page). */
export async function applyAction(
  ctx: AppContext,
  trx: Trx,
  actor: Actor | null,
  cid: number,
  id: number,
  action: TicketAction,
  input: TransitionInput & { comment?: string | null },
  channel: string | null,
  actorLabel: string | null = null,
) {
  if (actor) authorize(actor, permissionForAction(action));
  const row = await repo.lockTicket(trx, cid, id);
  if (!row) throw notFound('ticket');
  if (actor && !mayWorkTicket(actor, action, row)) {
    throw new AppError('FORBIDDEN', 'only the assignee may do this');
  }
  if (action === 'rate' && isRatedThisRound(row.rated_at, row.resolved_at)) throw new AppError('TICKET_ALREADY_RATED', 'this round has been rated already');
  if (action === 'assign' && !input.assigneeId) {
    // No one named: the category's default assignee, if it has one that can be found.
    const category = await repo.findCategory(trx, cid, row.category_id);
    const assignee = category ? await resolveDefaultAssignee(trx, cid, category, row.compound_id) : null;
    if (!assignee) throw invalidField('assigneeId', 'required');
    input = { ...input, assigneeKind: assignee.kind, assigneeId: assignee.id };
  }
  if (action === 'assign' && input.assigneeId) {
    const kind = input.assigneeKind ?? 'account';
    if (!(await repo.findAssignee(trx, cid, kind, input.assigneeId))) throw invalidField('assigneeId', 'not_found');
  }
  if (action === 'escalate' && input.partnerId && !(await repo.findPartner(trx, cid, input.partnerId))) throw invalidField('partnerId', 'not_found');
  if (action === 'merge' && input.mergeIntoId) {
    const target = await repo.lockTicket(trx, cid, input.mergeIntoId);
    if (!target || target.id === id) throw invalidField('mergeIntoId', 'not_found');
    if (!(openTicketStatuses as readonly string[]).includes(target.status)) throw new AppError('INVALID_STATE', 'merge target is not open');
  }
  const state: TicketState = {
    status: row.status as TicketStatus, firstResponseAt: row.first_response_at, resolvedAt: row.resolved_at, closedAt: row.closed_at,
    closeReason: row.close_reason, reopenCount: row.reopen_count, rating: row.rating as Rating | null,
    assigneeKind: row.assignee_kind as TicketState['assigneeKind'], assigneeId: row.assignee_id, escalatedToPartnerId: row.escalated_to_partner_id,
    escalationDueAt: row.escalation_due_at, mergedIntoId: row.merged_into_id, resultText: row.result_text,
  };
  const now = new Date();
  // Only a rating or a reopen can meet the community's reopen limit; other steps need not read it.
  const reopenLimit = action === 'rate' || action === 'reopen' ? (await settingsOf(trx, cid)).reopenLimit : defaultTicketSettings.reopenLimit;
  const result = transition(state, action, { ...input, dueAt: input.dueAt ? new Date(input.dueAt) : undefined }, { now, reopenLimit });
  if (!result.ok) {
    const f = result.failure;
    if (f.kind === 'closed') throw new AppError('TICKET_ALREADY_CLOSED', 'ticket is closed');
    if (f.kind === 'missing') throw invalidField(f.field === 'note' ? 'note' : f.field, 'required');
    throw new AppError('INVALID_STATE', `cannot ${action} a ${f.status} ticket`, { action, status: f.status });
  }
  const s = result.state;
  const rated = action === 'rate' || (action === 'close' && input.rating);
  await repo.updateTicket(trx, cid, id, {
    status: s.status, first_response_at: s.firstResponseAt, resolved_at: s.resolvedAt, closed_at: s.closedAt, close_reason: s.closeReason,
    reopen_count: s.reopenCount, rating: s.rating, assignee_kind: s.assigneeKind, assignee_id: s.assigneeId,
    escalated_to_partner_id: s.escalatedToPartnerId, escalation_due_at: s.escalationDueAt, merged_into_id: s.mergedIntoId, result_text: s.resultText,
    ...(rated ? { rated_at: now, rating_comment: input.comment ?? input.note ?? null } : {}),
  });
  if (action === 'merge') await repo.moveReporters(trx, cid, id, input.mergeIntoId!);
  await repo.insertEvent(trx, {
    community_id: cid, ticket_id: id, action, from_status: state.status, to_status: s.status, actor_id: actor?.accountId ?? null,
    actor_label: actorLabel, channel, note: input.note ?? input.comment ?? null,
    // Internal dispatch notes stay with staff; what the resident needs to know is public.
    is_public: !['assign', 'return', 'merge'].includes(action),
    data: JSON.stringify({ assigneeKind: input.assigneeKind, assigneeId: input.assigneeId, partnerId: input.partnerId, rating: input.rating, mergeIntoId: input.mergeIntoId }),
  });
  await writeAudit(trx, actor, { communityId: cid, action: `ticket.${action}`, entityType: 'ticket', entityId: id, changes: { from: state.status, to: s.status }, reason: input.note ?? null });
}

/** Closes tickets left unrated N days after resolution; they count as unrated, never as satisfied. */
export async function closeUnratedTickets(ctx: AppContext, now: Date): Promise<number> {
  const rows = await unratedPastDeadline(ctx.db, now);
  for (const r of rows) {
    await ctx.db.transaction().execute(async (trx) => {
      const locked = await repo.lockTicket(trx, r.community_id, r.id);
      if (!locked || locked.status !== 'resolved') return;
      await repo.updateTicket(trx, r.community_id, r.id, { status: 'closed', closed_at: now, close_reason: 'unrated_timeout' });
      await repo.insertEvent(trx, { community_id: r.community_id, ticket_id: r.id, action: 'close', from_status: 'resolved', to_status: 'closed', actor_id: null, actor_label: 'system', channel: null, note: null, is_public: true, data: JSON.stringify({ reason: 'unrated_timeout' }) });
      await writeAudit(trx, null, { communityId: r.community_id, action: 'ticket.close', entityType: 'ticket', entityId: r.id, changes: { from: 'resolved', to: 'closed' }, reason: 'unrated_timeout' });
    });
  }
  return rows.length;
}
