import { openTicketStatuses, type Rating, type TicketAction } from '@linli/contracts';
import type { Actor } from '../../platform/access/actor.js';
// The demo replays each ticket's life through the tickets module's own state machine and step rows (ADR 0034), so the
// rows it writes are the ones the module would have written; demo/ is the documented exception to module boundaries.
import { transition, type TicketState, type TransitionArgs } from '../../modules/tickets/acting/ticket-state.js';
import { stepRows } from '../../modules/tickets/record-step.js';

const HOUR = 3600_000;

/** Who takes a step: a demo account, a resident (tracking page) or the system (sweeps). */
export type Who = { accountId: number } | { label: 'resident' | 'system' };

export interface Step {
  at: Date;
  action: TicketAction;
  by: Who;
  note?: string | null;
  channel?: string | null;
  args?: Omit<TransitionArgs, 'mergeIntoId'> & { mergeIntoIndex?: number };
  comment?: string | null;
}

export interface Play {
  createdAt: Date;
  communityId: number;
  channel: string;
  categoryId: number;
  title: string;
  responseDueAt: Date;
  resolutionDueAt: Date;
  createdBy: Who;
  meetingTitle: string | null;
  steps: Step[];
}

type StepRows = ReturnType<typeof stepRows>;
export interface Played {
  state: TicketState;
  ratedAt: Date | null;
  ratingComment: string | null;
  updatedAt: Date;
  /** When the ticket stopped being worked on (resolved, rejected, merged), or null while it is open. */
  openUntil: Date | null;
  /** Timeline and audit rows, in order, each with its time; merge steps name the target by its index in the year. */
  rows: Array<StepRows & { at: Date; mergeIntoIndex?: number }>;
  reminders: Array<{ kind: string; at: Date }>;
}

const asActor = (by: Who) => ('accountId' in by ? ({ accountId: by.accountId, requestId: null } as unknown as Actor) : null);
const labelOf = (by: Who) => ('label' in by ? by.label : null);
const isOpen = (s: TicketState) => (openTicketStatuses as readonly string[]).includes(s.status);

const initial: Omit<TicketState, 'resolutionDueAt'> = {
  status: 'submitted',
  firstResponseAt: null,
  resolvedAt: null,
  closedAt: null,
  closeReason: null,
  reopenCount: 0,
  rating: null,
  assigneeKind: null,
  assigneeId: null,
  escalatedToPartnerId: null,
  escalationDueAt: null,
  mergedIntoId: null,
  resultText: null,
  dispatchDueAt: null,
  dispatchNote: null,
};

/**
 * Plays a ticket's steps up to `now` through the state machine (a step it refuses is a bug in the demo script and
 * throws), with the reminders the reminder sweep would have written while the ticket was open near or past a deadline.
 */
export function play(p: Play, now: Date, reopenLimit: number): Played {
  let state: TicketState = { ...initial, resolutionDueAt: p.resolutionDueAt };
  let ratedAt: Date | null = null;
  let ratingComment: string | null = null;
  let updatedAt = p.createdAt;
  let openUntil: Date | null = null;
  const rows: Played['rows'] = [];
  const reminders: Played['reminders'] = [];
  const created = stepRows({
    communityId: p.communityId,
    ticketId: 0,
    action: 'created',
    fromStatus: null,
    toStatus: 'submitted',
    actor: asActor(p.createdBy),
    actorLabel: labelOf(p.createdBy),
    channel: p.channel,
    note: p.meetingTitle,
    isPublic: true,
    changes: { channel: p.channel, categoryId: p.categoryId, title: p.title },
    reason: 'accountId' in p.createdBy ? null : 'resident',
  });
  rows.push({ ...created, at: p.createdAt });

  const lead = (due: Date) => Math.min(2 * HOUR, (due.getTime() - p.createdAt.getTime()) / 4);
  const pending = [
    { kind: 'response_due_soon', at: new Date(p.responseDueAt.getTime() - lead(p.responseDueAt)), response: true },
    { kind: 'response_overdue', at: p.responseDueAt, response: true },
    { kind: 'resolution_due_soon', at: new Date(p.resolutionDueAt.getTime() - lead(p.resolutionDueAt)), response: false },
    { kind: 'resolution_overdue', at: p.resolutionDueAt, response: false },
  ].sort((a, b) => a.at.getTime() - b.at.getTime());
  const remindUntil = (until: Date) => {
    while (pending.length && pending[0]!.at <= until) {
      const r = pending.shift()!;
      if (!isOpen(state) || (r.response && state.firstResponseAt)) continue;
      reminders.push({ kind: r.kind, at: r.at });
      const step = stepRows({
        communityId: p.communityId,
        ticketId: 0,
        action: 'reminded',
        actor: null,
        actorLabel: 'system',
        note: r.kind,
        isPublic: false,
        changes: { kind: r.kind },
      });
      rows.push({ ...step, at: r.at });
    }
  };

  for (const s of p.steps) {
    if (s.at > now) break;
    if (s.at < updatedAt) throw new Error(`demo ticket "${p.title}": step ${s.action} goes back in time`);
    remindUntil(s.at);
    const { mergeIntoIndex, ...args } = s.args ?? {};
    const input = {
      ...args,
      note: s.note ?? s.comment ?? null,
      ...('accountId' in s.by ? { actorAccountId: s.by.accountId } : {}),
      ...(mergeIntoIndex !== undefined ? { mergeIntoId: -1 } : {}),
    };
    const result = transition(state, s.action, input, { now: s.at, reopenLimit });
    if (!result.ok) throw new Error(`demo ticket "${p.title}": ${s.action} refused (${JSON.stringify(result.failure)})`);
    const rated = s.action === 'rate' || (s.action === 'close' && args.rating);
    if (rated) {
      ratedAt = s.at;
      ratingComment = s.comment ?? s.note ?? null;
    }
    const before = state;
    state = result.state;
    if (isOpen(before) && !isOpen(state)) openUntil = s.at;
    if (!isOpen(before) && isOpen(state)) openUntil = null;
    const step = stepRows({
      communityId: p.communityId,
      ticketId: 0,
      action: s.action,
      fromStatus: before.status,
      toStatus: state.status,
      actor: asActor(s.by),
      actorLabel: labelOf(s.by),
      channel: s.channel ?? null,
      note: s.note ?? s.comment ?? null,
      isPublic: !['assign', 'return', 'merge'].includes(s.action),
      data: {
        assigneeKind: args.assigneeKind,
        assigneeId: args.assigneeId,
        partnerId: args.partnerId,
        rating: args.rating as Rating | undefined,
        ...(s.action === 'close' && args.unratedTimeout ? { reason: 'unrated_timeout' } : {}),
      },
      reason: s.action === 'close' && args.unratedTimeout ? 'unrated_timeout' : (s.note ?? null),
    });
    rows.push({ ...step, at: s.at, mergeIntoIndex });
    updatedAt = s.at;
  }
  remindUntil(now);
  return { state, ratedAt, ratingComment, updatedAt, openUntil, rows, reminders };
}
