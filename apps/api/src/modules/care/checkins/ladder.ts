import type { CheckinLadder, LadderStepKind } from '@linli/contracts';

// Pure rules of the daily check-in (报平安): the window, the ladder's timing and the away pauses. No I/O.

/** The ladder a community starts with: minutes after the person's window closed. */
export const defaultLadder: CheckinLadder = {
  steps: [
    { kind: 'recipient', afterMinutes: 0 },
    { kind: 'helper', afterMinutes: 30 },
    { kind: 'family', afterMinutes: 60 },
    { kind: 'grid_worker', afterMinutes: 120 },
    { kind: 'visit_ticket', afterMinutes: 180 },
  ],
};

export const defaultDueBy = '10:00';

/** The first bad field of a ladder, as a field issue, or null when it is sound. */
export function ladderIssue(l: CheckinLadder): { field: string; rule: string } | null {
  const kinds = new Set<LadderStepKind>();
  for (const [i, s] of l.steps.entries()) {
    if (kinds.has(s.kind)) return { field: `steps.${i}.kind`, rule: 'repeated' };
    kinds.add(s.kind);
    const prev = l.steps[i - 1];
    if (prev && s.afterMinutes <= prev.afterMinutes) return { field: `steps.${i}.afterMinutes`, rule: 'invalid' };
    if (s.kind === 'visit_ticket' && i !== l.steps.length - 1) return { field: `steps.${i}.kind`, rule: 'invalid' };
  }
  return null;
}

/** When a person's window closes on a Beijing day: `dueBy` (HH:MM) Beijing time; China keeps no daylight saving. */
export function dueAtOf(day: string, dueBy: string): Date {
  return new Date(`${day}T${dueBy}:00+08:00`);
}

/** When the next step is due after `taken` steps, or null when the ladder is done. */
export function nextStepAt(dueAt: Date, l: CheckinLadder, taken: number): Date | null {
  const s = l.steps[taken];
  return s ? new Date(dueAt.getTime() + s.afterMinutes * 60_000) : null;
}

/** The steps due at `now` after `taken` were taken (a late sweep takes every step whose time has come, in order). */
export function dueSteps(dueAt: Date, l: CheckinLadder, taken: number, now: Date): Array<{ index: number; kind: LadderStepKind }> {
  const out: Array<{ index: number; kind: LadderStepKind }> = [];
  for (let i = taken; i < l.steps.length; i++) {
    if (dueAt.getTime() + l.steps[i]!.afterMinutes * 60_000 > now.getTime()) break;
    out.push({ index: i, kind: l.steps[i]!.kind });
  }
  return out;
}

/** Whether an away notice (dates inclusive, Beijing days) covers the day. */
export function isAwayOn(day: string, away: { startsOn: string; endsOn: string; cancelled?: boolean }): boolean {
  return !away.cancelled && away.startsOn <= day && day <= away.endsOn;
}

/** The field issue of an away notice whose end comes before its start, or null. */
export function awayIssue(a: { startsOn: string; endsOn: string }): { field: string; rule: string } | null {
  return a.endsOn < a.startsOn ? { field: 'endsOn', rule: 'before_start' } : null;
}

/** The status the board shows. */
export function statusOf(d: { status: string; checkedInAt: Date | null; dueAt: Date }, now: Date): 'done' | 'pending' | 'missed' | 'away' {
  if (d.checkedInAt) return 'done';
  if (d.status === 'away') return 'away';
  return now.getTime() > d.dueAt.getTime() ? 'missed' : 'pending';
}
