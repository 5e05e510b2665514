import type { Transaction } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import { openTicketStatuses, type Rating, type TicketAction, type TicketDetail, type TicketStatus, type TransitionInput } from '@linli/contracts';
import type { AppContext } from '../../../platform/context.js';
import { authorize, scopeIds, type Actor } from '../../../platform/access/actor.js';
import { AppError, invalidField, notFound } from '../../../platform/errors.js';
import { recordStep } from '../record-step.js';
import { publish } from '../../../platform/outbox/outbox.js';
import { findAssignee, findPartner } from '../assignees.js';
import * as repo from '../tickets.repository.js';
import { mayWorkTicket, permissionForAction } from '../tickets.policy.js';
import { isRatedThisRound, transition, type TicketState, type TransitionArgs } from './ticket-state.js';
import { defaultTicketSettings, resolveDefaultAssignee, settingsOf, unratedPastDeadline } from '../categories/ticket-settings.js';
import { getTicket } from '../reading/tickets.service.js';
import type { CommunityId } from '../../../platform/db/scope.js';
import { trustedCommunityId } from '../../../platform/access/trusted-scope.js';
import { loadCalendar } from '../../../platform/calendar/work-calendar.js';
import { dueAt } from '../intake/sla.js';

/** One transition: permission, state rule, the change, its timeline event and audit row, all in one transaction. */
export async function actOnTicket(ctx: AppContext, actor: Actor, id: number, action: TicketAction, input: TransitionInput): Promise<TicketDetail> {
  const t = await repo.findTicket(ctx.db, scopeIds(actor), id);
  if (!t) throw notFound('ticket');
  await ctx.db.transaction().execute(async (trx) => {
    // The ticket was found under the actor's scope.
    await applyAction(ctx, trx, actor, trustedCommunityId(t.community_id), id, action, input, null);
    await publish(trx, 'ticket.transitioned', { communityId: t.community_id, ticketId: id, action });
  });
  return getTicket(ctx, actor, id, { justActed: true });
}

type Trx = Transaction<DB>;

/** One transition inside the caller's transaction (also used by the public tracking page). */
export async function applyAction(
  ctx: AppContext,
  trx: Trx,
  actor: Actor | null,
  cid: CommunityId,
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
    if (!(await findAssignee(trx, cid, kind, input.assigneeId))) throw invalidField('assigneeId', 'not_found');
  }
  // The console escalates to an organisation through the escalations module; this path keeps the older partner target.
  if (action === 'escalate' && !input.partnerId) throw invalidField('partnerId', 'required');
  if (action === 'escalate' && input.partnerId && !(await findPartner(trx, cid, input.partnerId))) throw invalidField('partnerId', 'not_found');
  if (action === 'merge' && input.mergeIntoCode && !input.mergeIntoId) {
    // Staff merge by the reference they see (GD000123), never by an internal id.
    const target = await repo.findTicketByCode(trx, cid, input.mergeIntoCode);
    if (!target) throw invalidField('mergeIntoCode', 'not_found');
    input = { ...input, mergeIntoId: target.id };
  }
  if (action === 'merge' && input.mergeIntoId) {
    const target = await repo.lockTicket(trx, cid, input.mergeIntoId);
    if (!target || target.id === id) throw invalidField('mergeIntoId', 'not_found');
    if (!(openTicketStatuses as readonly string[]).includes(target.status)) throw new AppError('INVALID_STATE', 'merge target is not open');
  }
  const reopenLimit = action === 'rate' || action === 'reopen' ? (await settingsOf(trx, cid)).reopenLimit : defaultTicketSettings.reopenLimit;
  const rated = action === 'rate' || (action === 'close' && input.rating);
  const reworkDueAt =
    action === 'reopen' || (action === 'rate' && input.rating === 'dissatisfied') ? await reworkDeadline(trx, cid, row.category_id) : undefined;
  await commitTransition(
    trx,
    row,
    action,
    { ...input, dueAt: input.dueAt ? new Date(input.dueAt) : undefined, actorAccountId: actor?.accountId, reworkDueAt },
    {
      now: new Date(),
      reopenLimit,
      actor,
      actorLabel,
      channel,
      ratingComment: rated ? (input.comment ?? input.note ?? null) : undefined,
      note: input.note ?? input.comment ?? null,
      reason: input.note ?? null,
      data: {
        assigneeKind: input.assigneeKind,
        assigneeId: input.assigneeId,
        partnerId: input.partnerId,
        rating: input.rating,
        mergeIntoId: input.mergeIntoId,
        dueAt: input.dueAt ?? reworkDueAt?.toISOString(),
      },
    },
  );
}

/** A rework round (重新办理) gets the category's full resolution time again, from now. */
async function reworkDeadline(trx: Trx, cid: CommunityId, categoryId: number): Promise<Date | undefined> {
  const category = await repo.findCategory(trx, cid, categoryId);
  if (!category) return undefined;
  const calendar = category.working_hours_only ? await loadCalendar(trx) : undefined;
  return dueAt(new Date(), category.resolution_hours, category.working_hours_only, calendar);
}

export type LockedRow = NonNullable<Awaited<ReturnType<typeof repo.lockTicket>>>;

const stateOf = (row: LockedRow): TicketState => ({
  status: row.status as TicketStatus,
  firstResponseAt: row.first_response_at,
  resolvedAt: row.resolved_at,
  closedAt: row.closed_at,
  closeReason: row.close_reason,
  reopenCount: row.reopen_count,
  rating: row.rating as Rating | null,
  assigneeKind: row.assignee_kind as TicketState['assigneeKind'],
  assigneeId: row.assignee_id,
  escalatedToPartnerId: row.escalated_to_partner_id,
  escalationDueAt: row.escalation_due_at,
  mergedIntoId: row.merged_into_id,
  resultText: row.result_text,
  resolutionDueAt: row.resolution_due_at,
  dispatchDueAt: row.dispatch_due_at,
  dispatchNote: row.dispatch_note,
});

/**
 * The one way a ticket changes state: the pure state machine decides, then the row, the timeline event and the audit
 * row are written in the caller's transaction (recordStep). The caller has locked the row and checked who may act.
 */
export async function commitTransition(
  trx: Trx,
  row: LockedRow,
  action: TicketAction,
  args: TransitionArgs,
  o: {
    now: Date;
    reopenLimit: number;
    actor: Actor | null;
    actorLabel: string | null;
    channel: string | null;
    note: string | null;
    reason: string | null;
    data: Record<string, unknown>;
    ratingComment?: string | null;
  },
) {
  const state = stateOf(row);
  const result = transition(state, action, args, { now: o.now, reopenLimit: o.reopenLimit });
  if (!result.ok) {
    const f = result.failure;
    if (f.kind === 'closed') throw new AppError('TICKET_ALREADY_CLOSED', 'ticket is closed');
    if (f.kind === 'missing') throw invalidField(f.field === 'note' ? 'note' : f.field, 'required');
    if (f.kind === 'past') throw invalidField(f.field, 'deadline_in_past');
    throw new AppError('INVALID_STATE', `cannot ${action} a ${f.status} ticket`, { action, status: f.status });
  }
  const s = result.state;
  // The row was locked by an id-and-community query, so its community is the caller's.
  const cid = trustedCommunityId(row.community_id);
  await repo.updateTicket(trx, cid, row.id, {
    status: s.status,
    first_response_at: s.firstResponseAt,
    resolved_at: s.resolvedAt,
    closed_at: s.closedAt,
    close_reason: s.closeReason,
    reopen_count: s.reopenCount,
    rating: s.rating,
    assignee_kind: s.assigneeKind,
    assignee_id: s.assigneeId,
    escalated_to_partner_id: s.escalatedToPartnerId,
    escalation_due_at: s.escalationDueAt,
    merged_into_id: s.mergedIntoId,
    result_text: s.resultText,
    resolution_due_at: s.resolutionDueAt,
    dispatch_due_at: s.dispatchDueAt,
    dispatch_note: s.dispatchNote,
    ...(o.ratingComment !== undefined ? { rated_at: o.now, rating_comment: o.ratingComment } : {}),
  });
  if (action === 'merge') await repo.moveReporters(trx, cid, row.id, args.mergeIntoId!);
  await recordStep(trx, {
    communityId: cid,
    ticketId: row.id,
    action,
    fromStatus: state.status,
    toStatus: s.status,
    actor: o.actor,
    actorLabel: o.actorLabel,
    channel: o.channel,
    note: o.note,
    // Internal dispatch notes stay with staff; what the resident needs to know is public.
    isPublic: !['assign', 'return', 'merge'].includes(action),
    // A rating step records the rating that stands (a reviewed ticket closes as dissatisfied whatever was picked).
    data: action === 'rate' || action === 'close' ? { ...o.data, rating: s.rating ?? undefined } : o.data,
    reason: o.reason,
  });
}

/**
 * Closes tickets left unrated N days after resolution; they count as unrated, never as satisfied. A system step through
 * the same state machine and recordStep as any other transition.
 */
export async function closeUnratedTickets(ctx: AppContext, now: Date): Promise<number> {
  const rows = await unratedPastDeadline(ctx.db, now);
  for (const r of rows) {
    await ctx.db.transaction().execute(async (trx) => {
      // A system job: the community of the ticket row it picked.
      const locked = await repo.lockTicket(trx, trustedCommunityId(r.community_id), r.id);
      // Rated or reopened since it was picked: nothing to close.
      if (!locked || locked.status !== 'resolved') return;
      await commitTransition(
        trx,
        locked,
        'close',
        { unratedTimeout: true },
        {
          now,
          reopenLimit: defaultTicketSettings.reopenLimit,
          actor: null,
          actorLabel: 'system',
          channel: null,
          note: null,
          reason: 'unrated_timeout',
          data: { reason: 'unrated_timeout' },
        },
      );
    });
  }
  return rows.length;
}
