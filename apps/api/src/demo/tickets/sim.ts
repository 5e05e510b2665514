import { openTicketStatuses, type Rating, type TicketAction, type TicketStatus } from '@linli/contracts';
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
  args?: Omit<TransitionArgs, 'mergeIntoId' | 'partnerId'> & { mergeIntoIndex?: number };
  comment?: string | null;
  /** escalate: the organisation it goes to (the escalations module's row is written beside the ticket). */
  escalation?: { organisationId: number; organisationName: string; contactAccountId: number | null };
}

/** An escalation as the escalations module would have kept it; its timeline rows point at it by index. */
export interface PlayedEscalation {
  organisationId: number;
  organisationName: string;
  contactAccountId: number | null;
  sentAt: Date;
  sentBy: number | null;
  dueAt: Date;
  reason: string;
  statusBefore: TicketStatus;
  acceptedAt: Date | null;
  answeredAt: Date | null;
  resultText: string | null;
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
  rows: Array<StepRows & { at: Date; mergeIntoIndex?: number; escalationIndex?: number }>;
  reminders: Array<{ kind: string; at: Date }>;
  escalations: PlayedEscalation[];
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
  const escalations: PlayedEscalation[] = [];
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

  // The department takes up an escalation about two hours after it was sent (sooner if it answers sooner).
  const replyRow = (index: number, kind: 'accept' | 'answer', at: Date, note: string | null) => {
    const e = escalations[index]!;
    const by: Who = e.contactAccountId ? { accountId: e.contactAccountId } : { label: 'system' };
    const step = stepRows({
      communityId: p.communityId,
      ticketId: 0,
      action: `escalation_${kind}`,
      actor: asActor(by),
      actorLabel: labelOf(by),
      note,
      isPublic: true,
      data: { escalationId: 0, organisationId: e.organisationId, organisationName: e.organisationName, kind },
      changes: { escalationId: 0, organisationId: e.organisationId, organisationName: e.organisationName, kind },
    });
    rows.push({ ...step, at, escalationIndex: index });
  };
  const acceptBy = (until: Date) => {
    const e = escalations.at(-1);
    if (!e || e.acceptedAt || e.answeredAt) return;
    const at = new Date(Math.min(e.sentAt.getTime() + 2 * HOUR, until.getTime() - 60_000));
    if (at > now || at <= e.sentAt) return;
    e.acceptedAt = at;
    replyRow(escalations.length - 1, 'accept', at, null);
  };

  for (const s of p.steps) {
    if (s.at > now) break;
    if (s.at < updatedAt) throw new Error(`demo ticket "${p.title}": step ${s.action} goes back in time`);
    remindUntil(s.at);
    const { mergeIntoIndex, ...args } = s.args ?? {};
    const open = state.status === 'escalated' ? escalations.length - 1 : -1;
    if (open >= 0) acceptBy(s.at);
    let by = s.by;
    let note = s.note ?? s.comment ?? null;
    if (s.action === 'respond' && open >= 0) {
      // The organisation answers; the ticket returns to where it was, as the escalations module ends it.
      const e = escalations[open]!;
      e.answeredAt = s.at;
      e.resultText = note;
      replyRow(open, 'answer', s.at, note);
      by = e.contactAccountId ? { accountId: e.contactAccountId } : s.by;
      note = `${e.organisationName}办结答复：${note ?? ''}`;
    }
    const input = {
      ...args,
      ...(s.action === 'respond' && open >= 0 ? { returnTo: escalations[open]!.statusBefore } : {}),
      note,
      ...('accountId' in by ? { actorAccountId: by.accountId } : {}),
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
    let escalationIndex: number | undefined;
    let data: Record<string, unknown> = {
      assigneeKind: args.assigneeKind,
      assigneeId: args.assigneeId,
      rating: args.rating as Rating | undefined,
      ...(s.action === 'close' && args.unratedTimeout ? { reason: 'unrated_timeout' } : {}),
    };
    if (s.action === 'escalate' && s.escalation && args.dueAt) {
      escalationIndex = escalations.length;
      escalations.push({
        ...s.escalation,
        sentAt: s.at,
        sentBy: 'accountId' in by ? by.accountId : null,
        dueAt: args.dueAt,
        reason: note ?? '',
        statusBefore: before.status,
        acceptedAt: null,
        answeredAt: null,
        resultText: null,
      });
      data = { organisationId: s.escalation.organisationId, organisationName: s.escalation.organisationName, dueAt: args.dueAt.toISOString(), escalationId: 0 };
    }
    if (s.action === 'respond' && open >= 0) {
      escalationIndex = open;
      data = { escalationId: 0, organisationName: escalations[open]!.organisationName, outcome: 'answered' };
    }
    const step = stepRows({
      communityId: p.communityId,
      ticketId: 0,
      action: s.action,
      fromStatus: before.status,
      toStatus: state.status,
      actor: asActor(by),
      actorLabel: labelOf(by),
      channel: s.channel ?? null,
      note,
      isPublic: !['assign', 'return', 'merge'].includes(s.action),
      data,
      reason: s.action === 'close' && args.unratedTimeout ? 'unrated_timeout' : note,
    });
    rows.push({ ...step, at: s.at, mergeIntoIndex, escalationIndex });
    updatedAt = s.at;
  }
  remindUntil(now);
  if (state.status === 'escalated') acceptBy(now);
  // A department's acceptance is written when the next step is played; the timeline is in time order (a stable sort).
  rows.sort((a, b) => a.at.getTime() - b.at.getTime());
  return { state, ratedAt, ratingComment, updatedAt, openUntil, rows, reminders, escalations };
}
