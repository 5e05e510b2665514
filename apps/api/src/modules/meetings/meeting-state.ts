import type { MeetingAction, MeetingStatus } from '@linli/contracts/meeting-labels';

/** Which states each action starts from (ADR 0045): planned → held → minuted, or planned → cancelled. */
export const allowedFrom: Record<MeetingAction, readonly MeetingStatus[]> = {
  hold: ['planned'],
  close: ['held'],
  cancel: ['planned'],
};

/** The parts of a meeting and the states in which each may still change. */
export type MeetingPart = 'details' | 'agenda' | 'attendance' | 'minutes' | 'outcome' | 'followUpDone';
const editableIn: Record<MeetingPart, readonly MeetingStatus[]> = {
  details: ['planned'],
  agenda: ['planned', 'held'],
  attendance: ['planned', 'held'],
  minutes: ['held'],
  outcome: ['held'],
  // Follow-ups are done after the meeting, also once its minutes are closed.
  followUpDone: ['held', 'minuted'],
};

export function canEdit(status: MeetingStatus, part: MeetingPart): boolean {
  return editableIn[part].includes(status);
}

export type MeetingFailure = { kind: 'wrong_state'; status: MeetingStatus } | { kind: 'missing'; field: 'reason' | 'minutes' };

/** The status after an action, or why it is refused. Pure. Closing needs minutes; cancelling needs a reason. */
export function nextStatus(
  status: MeetingStatus,
  action: MeetingAction,
  args: { reason?: string | null; minutes?: string | null } = {},
): { ok: true; status: MeetingStatus } | { ok: false; failure: MeetingFailure } {
  if (!allowedFrom[action].includes(status)) return { ok: false, failure: { kind: 'wrong_state', status } };
  const blank = (v: string | null | undefined) => !v || !v.trim();
  switch (action) {
    case 'hold':
      return { ok: true, status: 'held' };
    case 'close':
      return blank(args.minutes) ? { ok: false, failure: { kind: 'missing', field: 'minutes' } } : { ok: true, status: 'minuted' };
    case 'cancel':
      return blank(args.reason) ? { ok: false, failure: { kind: 'missing', field: 'reason' } } : { ok: true, status: 'cancelled' };
  }
}
