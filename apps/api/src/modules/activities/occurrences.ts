import type { ActivityRecurrence } from '@linli/contracts';

// Pure rules of the calendar (ADR 0048): a weekly series is stored as one row per occurrence, generated here, and the
// first row keeps an RRULE that the calendar feed hands to calendar clients. Beijing has no daylight saving, so the
// same wall time each week is the start plus whole days.

const DAY_MS = 86_400_000;
const BEIJING_MS = 8 * 3_600_000;
export const MAX_OCCURRENCES = 200;
const icalDays = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

/** 1 = Monday … 7 = Sunday, of a moment in Beijing time. */
export function beijingWeekday(d: Date): number {
  const js = new Date(d.getTime() + BEIJING_MS).getUTCDay();
  return js === 0 ? 7 : js;
}

/** The last moment of a Beijing date, in UTC. */
export function endOfBeijingDay(date: string): Date {
  return new Date(Date.parse(`${date}T23:59:59+08:00`));
}

export type TimesIssue =
  { code: 'ACTIVITY_ENDS_BEFORE_START'; field: string } | { code: 'VALIDATION_FAILED'; field: string; rule: string; params?: Record<string, number> };

/** What is wrong with an activity's times, or null. */
export function timesIssue(t: { startsAt: Date; endsAt: Date; signupOpensAt?: Date | null; signupClosesAt?: Date | null }): TimesIssue | null {
  if (t.endsAt.getTime() <= t.startsAt.getTime()) return { code: 'ACTIVITY_ENDS_BEFORE_START', field: 'endsAt' };
  if (t.endsAt.getTime() - t.startsAt.getTime() > 7 * DAY_MS) return { code: 'VALIDATION_FAILED', field: 'endsAt', rule: 'too_big', params: { max: 7 } };
  if (t.signupOpensAt && t.signupClosesAt && t.signupClosesAt.getTime() <= t.signupOpensAt.getTime())
    return { code: 'ACTIVITY_ENDS_BEFORE_START', field: 'signupClosesAt' };
  if (t.signupClosesAt && t.signupClosesAt.getTime() > t.endsAt.getTime()) return { code: 'VALIDATION_FAILED', field: 'signupClosesAt', rule: 'invalid' };
  return null;
}

export interface Occurrence {
  startsAt: Date;
  endsAt: Date;
  /** Shift of the sign-up window against the first occurrence, in ms. */
  shiftMs: number;
}

/**
 * The occurrences of a weekly series: every listed weekday from the first start up to and including `until` (a
 * Beijing date). The first start must fall on one of the weekdays (RFC 5545 counts DTSTART as the first instance).
 */
export function weeklyOccurrences(
  startsAt: Date,
  endsAt: Date,
  r: ActivityRecurrence,
): Occurrence[] | { field: string; rule: string; params?: Record<string, number> } {
  const days = new Set(r.weekdays);
  if (!days.has(beijingWeekday(startsAt))) return { field: 'recurrence.weekdays', rule: 'invalid' };
  const last = endOfBeijingDay(r.until).getTime();
  if (last < startsAt.getTime()) return { field: 'recurrence.until', rule: 'invalid' };
  const out: Occurrence[] = [];
  for (let shift = 0; startsAt.getTime() + shift <= last; shift += DAY_MS) {
    const s = new Date(startsAt.getTime() + shift);
    if (!days.has(beijingWeekday(s))) continue;
    if (out.length === MAX_OCCURRENCES) return { field: 'recurrence.until', rule: 'too_big', params: { max: MAX_OCCURRENCES } };
    out.push({ startsAt: s, endsAt: new Date(endsAt.getTime() + shift), shiftMs: shift });
  }
  return out;
}

/** The RRULE text kept on the series' first row (UNTIL in UTC, as RFC 5545 wants with a zoned DTSTART). */
export function weeklyRrule(r: ActivityRecurrence): string {
  const until = endOfBeijingDay(r.until)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  const byDay = [...new Set(r.weekdays)].sort((a, b) => a - b).map((d) => icalDays[d - 1]);
  return `FREQ=WEEKLY;BYDAY=${byDay.join(',')};UNTIL=${until}`;
}

/** The stored RRULE back as weekdays and the UNTIL moment, for the feed. */
export function parseWeeklyRrule(rule: string): { byDay: (typeof icalDays)[number][]; until: Date } | null {
  const parts = Object.fromEntries(rule.split(';').map((p) => p.split('=') as [string, string]));
  if (parts.FREQ !== 'WEEKLY' || !parts.BYDAY || !parts.UNTIL) return null;
  const u = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(parts.UNTIL);
  if (!u) return null;
  const byDay = parts.BYDAY.split(',').filter((d): d is (typeof icalDays)[number] => (icalDays as readonly string[]).includes(d));
  return { byDay, until: new Date(Date.UTC(+u[1]!, +u[2]! - 1, +u[3]!, +u[4]!, +u[5]!, +u[6]!)) };
}

/** Whether a sign-up is taken now: published, inside its window (closing at the start by default). */
export function isSignupOpen(a: { status: string; signup_opens_at: Date | null; signup_closes_at: Date | null; starts_at: Date }, now: Date): boolean {
  if (a.status !== 'published') return false;
  if (a.signup_opens_at && now < a.signup_opens_at) return false;
  return now < (a.signup_closes_at ?? a.starts_at);
}
