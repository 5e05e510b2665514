import type { EscalationReplyKind, EscalationStatus } from '@linli/contracts';
import type { WorkCalendar } from '../../platform/calendar/work-calendar.js';

const BEIJING_MS = 8 * 3600_000;
const dayOf = (t: number) => new Date(t + BEIJING_MS).toISOString().slice(0, 10);
const isWorkday = (t: number, calendar: WorkCalendar) => {
  const set = calendar(dayOf(t));
  if (set !== undefined) return set;
  const wd = new Date(t + BEIJING_MS).getUTCDay();
  return wd !== 0 && wd !== 6;
};

/**
 * The default deadline of an escalation: the end (18:00 Beijing) of the n-th working day after the day it is sent,
 * counting the national calendar's 放假调休 (platform/calendar).
 */
export function workdaysAfter(start: Date, n: number, calendar: WorkCalendar): Date {
  // Noon of the start's Beijing day, so stepping by 24h never crosses a day boundary.
  let t = Date.parse(`${dayOf(start.getTime())}T12:00:00+08:00`);
  let left = n;
  while (left > 0) {
    t += 24 * 3600_000;
    if (isWorkday(t, calendar)) left--;
  }
  return new Date(Date.parse(`${dayOf(t)}T18:00:00+08:00`));
}

export const openStatuses: readonly EscalationStatus[] = ['requested', 'pending', 'accepted', 'info_requested'];
export const endedStatuses: readonly EscalationStatus[] = ['answered', 'declined', 'withdrawn'];
export const isOpen = (s: string) => (openStatuses as readonly string[]).includes(s);

/** Which statuses each reply starts from and where it leads. `info` (the community supplies what was asked) is staff's. */
export function applyReply(
  status: EscalationStatus,
  kind: EscalationReplyKind,
  o: { accepted: boolean },
): { ok: true; status: EscalationStatus } | { ok: false; reason: 'wrong_state' } {
  switch (kind) {
    case 'accept':
      return status === 'pending' || status === 'info_requested' ? { ok: true, status: 'accepted' } : { ok: false, reason: 'wrong_state' };
    case 'ask_info':
      return status === 'pending' || status === 'accepted' ? { ok: true, status: 'info_requested' } : { ok: false, reason: 'wrong_state' };
    case 'info':
      return status === 'info_requested' ? { ok: true, status: o.accepted ? 'accepted' : 'pending' } : { ok: false, reason: 'wrong_state' };
    case 'decline':
    case 'answer':
      return status === 'pending' || status === 'accepted' || status === 'info_requested'
        ? { ok: true, status: kind === 'answer' ? 'answered' : 'declined' }
        : { ok: false, reason: 'wrong_state' };
  }
}

/** Replies that need a text: asking, declining (the reason), answering (the result), supplying information. */
export const replyNeedsText = (kind: EscalationReplyKind) => kind !== 'accept';

/** Open and past its deadline. */
export const isOverdue = (e: { status: string; due_at: Date }, now: Date) => isOpen(e.status) && e.status !== 'requested' && e.due_at.getTime() < now.getTime();

/** Hours from sending to the answer (or to now while open), one decimal; null before it was sent. */
export function responseHours(e: { status: string; sent_at: Date | null; answered_at: Date | null; ended_at: Date | null }, now: Date): number | null {
  if (!e.sent_at) return null;
  const end = e.answered_at ?? e.ended_at ?? now;
  return Math.round(((end.getTime() - e.sent_at.getTime()) / 3600_000) * 10) / 10;
}

/** Which reminder is due: one a day before the deadline, one at it; each is sent once. */
export function reminderDue(
  e: { status: string; due_at: Date; reminded_before_at: Date | null; reminded_due_at: Date | null },
  now: Date,
): 'before' | 'due' | null {
  if (!isOpen(e.status) || e.status === 'requested') return null;
  const left = e.due_at.getTime() - now.getTime();
  if (left <= 0 && !e.reminded_due_at) return 'due';
  if (left > 0 && left <= 24 * 3600_000 && !e.reminded_before_at) return 'before';
  return null;
}
