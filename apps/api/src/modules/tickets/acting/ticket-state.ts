import { openTicketStatuses, type Permission, type Rating, type TicketAction, type TicketStatus } from '@linli/contracts';

/** The part of a ticket the state machine reads and writes. */
export interface TicketState {
  status: TicketStatus;
  firstResponseAt: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  closeReason: string | null;
  reopenCount: number;
  rating: Rating | null;
  assigneeKind: 'account' | 'team' | 'partner' | null;
  assigneeId: number | null;
  escalatedToPartnerId: number | null;
  escalationDueAt: Date | null;
  mergedIntoId: number | null;
  resultText: string | null;
  /** The official resolution deadline (the overdue rule reads it); a rework round gets a new one. */
  resolutionDueAt: Date;
  /** The deadline and instruction of the current dispatch. */
  dispatchDueAt: Date | null;
  dispatchNote: string | null;
}

export interface TransitionArgs {
  note?: string | null;
  assigneeKind?: 'account' | 'team' | 'partner';
  assigneeId?: number;
  partnerId?: number;
  dueAt?: Date;
  rating?: Rating;
  mergeIntoId?: number;
  /** respond: the status the ticket had before it was escalated (in_progress when unknown). */
  returnTo?: TicketStatus;
  /** Only the system's sweep sets it: a resolved ticket nobody rated in time is closed as unrated, never as satisfied. */
  unratedTimeout?: boolean;
  /** Who acts (an account): a ticket answered on the spot stays with the one who answered it. */
  actorAccountId?: number;
  /** The deadline of a rework round (重新办理): the category's resolution time from now, worked out by the caller. */
  reworkDueAt?: Date;
}

export type TransitionFailure =
  | { kind: 'closed' }
  | { kind: 'wrong_state'; status: TicketStatus }
  | { kind: 'missing'; field: 'note' | 'assigneeId' | 'partnerId' | 'rating' | 'mergeIntoId' }
  | { kind: 'past'; field: 'dueAt' };

export const openStatuses = openTicketStatuses;
const terminal: readonly TicketStatus[] = ['rejected', 'merged'];

/** Which states each action starts from. */
export const allowedFrom: Record<TicketAction, readonly TicketStatus[]> = {
  accept: ['submitted'],
  reject: ['submitted', 'accepted'],
  answer_on_spot: ['submitted', 'accepted'],
  // From review (督办) the secretary may send the ticket back to work once more, with a new dispatch.
  assign: ['accepted', 'assigned', 'reviewing'],
  return: ['assigned'],
  start: ['assigned'],
  // From any open state but escalated itself (ADR 0028); the escalations module names the organisation.
  escalate: ['submitted', 'accepted', 'assigned', 'in_progress'],
  respond: ['escalated'],
  resolve: ['in_progress'],
  rate: ['resolved'],
  reopen: ['resolved', 'closed'],
  // From review (督办) the secretary closes it as 不满意结案.
  close: ['resolved', 'reviewing'],
  merge: openStatuses,
};

/** The permission each action needs (packages/contracts/src/access.ts); the service also checks that a doer is the assignee. */
export const actionPermission: Record<TicketAction, Permission> = {
  accept: 'tickets.accept',
  reject: 'tickets.dispatch',
  answer_on_spot: 'tickets.intake',
  assign: 'tickets.dispatch',
  return: 'tickets.work',
  start: 'tickets.work',
  escalate: 'tickets.dispatch',
  respond: 'tickets.respond',
  resolve: 'tickets.work',
  rate: 'tickets.followUp',
  reopen: 'tickets.followUp',
  close: 'tickets.followUp',
  merge: 'tickets.dispatch',
};
/** Actions a doer may take only on a ticket assigned to them. */
export const assigneeOnly: readonly TicketAction[] = ['return', 'start', 'resolve'];

/**
 * Applies one action. Pure: returns the new state and the status the timeline records, or why it is refused.
 * A dissatisfied rating or a reopen sends the ticket back to its assignee (重新办理) with a new deadline; past the reopen
 * limit, or with nobody to send it to, it goes to the secretary's review (督办), never silently closed (ADR 0030).
 */
export function transition(
  s: TicketState,
  action: TicketAction,
  args: TransitionArgs,
  opts: { now: Date; reopenLimit: number },
): { ok: true; state: TicketState } | { ok: false; failure: TransitionFailure } {
  if (!allowedFrom[action].includes(s.status)) {
    if (s.status === 'closed' && action !== 'reopen') return { ok: false, failure: { kind: 'closed' } };
    return { ok: false, failure: { kind: 'wrong_state', status: s.status } };
  }
  const now = opts.now;
  const need = (field: 'note' | 'assigneeId' | 'partnerId' | 'rating' | 'mergeIntoId', v: unknown) =>
    v === undefined || v === null || v === '' ? ({ ok: false, failure: { kind: 'missing', field } } as const) : null;
  const responded = s.firstResponseAt ?? now;
  const next: TicketState = { ...s };
  switch (action) {
    case 'accept':
      return { ok: true, state: { ...next, status: 'accepted', firstResponseAt: responded } };
    case 'reject':
      return (
        need('note', args.note) ?? { ok: true, state: { ...next, status: 'rejected', firstResponseAt: responded, closedAt: now, closeReason: 'rejected' } }
      );
    case 'answer_on_spot': {
      // The one who answered carries it should the resident be dissatisfied: it never lands with nobody.
      const answerer = args.actorAccountId ? { assigneeKind: 'account' as const, assigneeId: args.actorAccountId } : {};
      return (
        need('note', args.note) ?? {
          ok: true,
          state: { ...next, ...answerer, status: 'resolved', firstResponseAt: responded, resolvedAt: now, resultText: args.note! },
        }
      );
    }
    case 'assign': {
      if (args.dueAt && args.dueAt.getTime() <= now.getTime()) return { ok: false, failure: { kind: 'past', field: 'dueAt' } };
      return (
        need('assigneeId', args.assigneeId) ?? {
          ok: true,
          state: {
            ...next,
            status: 'assigned',
            firstResponseAt: responded,
            assigneeKind: args.assigneeKind ?? 'account',
            assigneeId: args.assigneeId!,
            dispatchDueAt: args.dueAt ?? (s.status === 'reviewing' ? null : s.resolutionDueAt),
            dispatchNote: args.note ?? null,
            ...(s.status === 'reviewing' && args.dueAt ? { resolutionDueAt: args.dueAt } : {}),
          },
        }
      );
    }
    case 'return':
      return need('note', args.note) ?? { ok: true, state: { ...next, status: 'accepted', assigneeKind: null, assigneeId: null } };
    case 'start':
      return { ok: true, state: { ...next, status: 'in_progress' } };
    case 'escalate':
      // The target is an organisation of the escalations module (args.partnerId only on the legacy partner path).
      return {
        ok: true,
        state: { ...next, status: 'escalated', firstResponseAt: responded, escalatedToPartnerId: args.partnerId ?? null, escalationDueAt: args.dueAt ?? null },
      };
    case 'respond': {
      const back = args.returnTo && args.returnTo !== 'escalated' && openStatuses.includes(args.returnTo) ? args.returnTo : 'in_progress';
      return need('note', args.note) ?? { ok: true, state: { ...next, status: back, escalationDueAt: null } };
    }
    case 'resolve':
      return need('note', args.note) ?? { ok: true, state: { ...next, status: 'resolved', resolvedAt: now, resultText: args.note! } };
    case 'close':
      // 不满意结案: closing a reviewed ticket keeps its dissatisfied rating, and the 三率 count it so.
      if (s.status === 'reviewing')
        return { ok: true, state: { ...next, status: 'closed', closedAt: now, closeReason: 'dissatisfied_limit', rating: 'dissatisfied' } };
      if (args.unratedTimeout) return { ok: true, state: { ...next, status: 'closed', closedAt: now, closeReason: 'unrated_timeout' } };
      return { ok: true, state: { ...next, status: 'closed', closedAt: now, closeReason: 'follow_up', rating: args.rating ?? s.rating } };
    case 'rate': {
      const missing = need('rating', args.rating);
      if (missing) return missing;
      if (args.rating !== 'dissatisfied') return { ok: true, state: { ...next, status: 'closed', rating: args.rating!, closedAt: now, closeReason: 'rated' } };
      return reopen({ ...next, rating: 'dissatisfied' }, now, opts.reopenLimit, args.reworkDueAt);
    }
    case 'reopen':
      // Reopening is a follow-up finding the result wanting: an earlier "satisfied" no longer stands.
      return reopen({ ...next, rating: 'dissatisfied' }, now, opts.reopenLimit, args.reworkDueAt);
    case 'merge':
      return (
        need('mergeIntoId', args.mergeIntoId) ?? {
          ok: true,
          state: { ...next, status: 'merged', mergedIntoId: args.mergeIntoId!, closedAt: now, closeReason: 'merged' },
        }
      );
  }
}

function reopen(s: TicketState, now: Date, limit: number, reworkDueAt: Date | undefined): { ok: true; state: TicketState } {
  const cleared = { resolvedAt: null, closedAt: null, closeReason: null };
  // Past the limit, or nobody to send it back to: the secretary reviews it (督办).
  if (s.reopenCount >= limit || s.assigneeId === null) return { ok: true, state: { ...s, ...cleared, status: 'reviewing' } };
  const due = reworkDueAt ?? s.resolutionDueAt;
  return {
    ok: true,
    state: { ...s, ...cleared, status: 'assigned', reopenCount: s.reopenCount + 1, resolutionDueAt: due, dispatchDueAt: due, dispatchNote: null },
  };
}

/** A ticket being worked again after a dissatisfied rating (重新办理): the worker's task marks it as rework. */
export const isRework = (t: { status: string; reopenCount: number }) => t.reopenCount > 0 && ['assigned', 'in_progress', 'escalated'].includes(t.status);

export const isTerminal = (s: TicketStatus) => terminal.includes(s);

/**
 * A rating is given once per round: a round starts when the ticket is resolved. Rated at or after the last resolution
 * (or rated and not resolved since, as after a dissatisfied reopen) means this round's rating is in.
 */
export function isRatedThisRound(ratedAt: Date | null, resolvedAt: Date | null): boolean {
  if (!ratedAt) return false;
  return !resolvedAt || ratedAt.getTime() >= resolvedAt.getTime();
}
