import type { CareTier } from '@linli/contracts';

/** A community's visit intervals (care_settings, or the defaults of issue 12). */
export interface CareIntervals {
  high: number;
  key: number;
  general: number;
  majorChangeHours: number;
}
export const defaultIntervals: CareIntervals = { high: 7, key: 30, general: 90, majorChangeHours: 24 };

const DAY = 86_400_000;

export interface DueInput {
  tier: CareTier;
  createdAt: Date;
  lastVisitAt: Date | null;
  majorChangeAt: Date | null;
}

/**
 * When the next visit is due: the tier's interval after the last visit (or after being taken into care), but within
 * `majorChangeHours` of a major change (a hospital stay, a death in the family) not yet followed by a visit.
 */
export function nextVisitDue(r: DueInput, iv: CareIntervals): Date {
  const base = r.lastVisitAt ?? r.createdAt;
  let due = base.getTime() + iv[r.tier] * DAY;
  if (r.majorChangeAt && (!r.lastVisitAt || r.lastVisitAt < r.majorChangeAt)) {
    due = Math.min(due, r.majorChangeAt.getTime() + iv.majorChangeHours * 3_600_000);
  }
  return new Date(due);
}

export const isOverdue = (r: DueInput, iv: CareIntervals, now: Date) => nextVisitDue(r, iv) < now;

/**
 * Visits a recipient needs in a month [start, end): one per full interval of the days they were in care that month
 * (a weekly tier needs 4 in 30 days); a tier whose interval is longer than that needs one only when its due date falls
 * inside the month (a quarterly one, once a quarter). A major change in the month adds one.
 */
export function requiredVisits(r: DueInput & { endedAt?: Date | null; visitsBefore: Date | null }, iv: CareIntervals, start: Date, end: Date): number {
  const from = Math.max(start.getTime(), r.createdAt.getTime());
  const to = Math.min(end.getTime(), r.endedAt ? r.endedAt.getTime() : Infinity);
  if (to <= from) return 0;
  const days = Math.round((to - from) / DAY);
  const interval = iv[r.tier];
  let required: number;
  if (interval <= days) required = Math.floor(days / interval);
  else {
    const due = nextVisitDue({ tier: r.tier, createdAt: r.createdAt, lastVisitAt: r.visitsBefore, majorChangeAt: null }, iv);
    required = due.getTime() < to ? 1 : 0;
  }
  if (r.majorChangeAt && r.majorChangeAt.getTime() >= from && r.majorChangeAt.getTime() < to) required += 1;
  return required;
}

/** Share of recipients whose required visits are done, in whole per cent; 100 when nobody needed one. */
export function coveragePercent(rows: readonly { required: number; done: number }[]): number {
  const needing = rows.filter((r) => r.required > 0);
  if (needing.length === 0) return 100;
  return Math.floor((needing.filter((r) => r.done >= r.required).length * 100) / needing.length);
}
