/**
 * Opening hours of a venue, pure (ADR 0047). Periods are per weekday (1 = Monday … 7 = Sunday) in Beijing wall time
 * ('HH:MM'; '24:00' closes at midnight). Beijing keeps UTC+8 all year, so wall time is UTC shifted by eight hours.
 * A venue with no periods is open at any time (a square, a yard).
 */
export interface OpeningPeriod {
  weekday: number;
  opens: string;
  closes: string;
}

const BEIJING_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 24 * 3600_000;

/** Minutes since midnight of 'HH:MM' ('24:00' is 1440); NaN when malformed. */
export function minutesOf(hhmm: string): number {
  const m = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(hhmm);
  if (!m) return NaN;
  const total = Number(m[1]) * 60 + Number(m[2]);
  return total > 1440 ? NaN : total;
}

/** The Beijing wall clock of an instant: the day number since 1970 (Beijing), weekday 1–7 and minutes of the day. */
export function beijingClock(at: Date): { day: number; weekday: number; minutes: number } {
  const local = at.getTime() + BEIJING_OFFSET_MS;
  const day = Math.floor(local / DAY_MS);
  const minutes = Math.round((local - day * DAY_MS) / 60_000);
  // 1970-01-01 was a Thursday (4).
  const weekday = ((day + 3) % 7) + 1;
  return { day, weekday, minutes };
}

/** The periods' problem, if any: each needs a weekday 1–7 and opens before it closes. Returns the bad index. */
export function invalidPeriod(periods: readonly OpeningPeriod[]): number | null {
  for (const [i, p] of periods.entries()) {
    const opens = minutesOf(p.opens);
    const closes = minutesOf(p.closes);
    if (!Number.isInteger(p.weekday) || p.weekday < 1 || p.weekday > 7 || Number.isNaN(opens) || Number.isNaN(closes) || opens >= closes) return i;
  }
  return null;
}

/**
 * Whether a booking from `startsAt` to `endsAt` lies inside one opening period. A booking may not run over midnight
 * (an end exactly at midnight is the same day's 24:00). Returns null when it fits, else the field that falls outside.
 */
export function outsideOpeningHours(periods: readonly OpeningPeriod[], startsAt: Date, endsAt: Date): 'startsAt' | 'endsAt' | null {
  if (periods.length === 0) return null;
  const start = beijingClock(startsAt);
  const end = beijingClock(endsAt);
  const endMinutes = end.day === start.day + 1 && end.minutes === 0 ? 1440 : end.day === start.day ? end.minutes : Infinity;
  const sameDay = periods.filter((p) => p.weekday === start.weekday);
  const opening = sameDay.filter((p) => minutesOf(p.opens) <= start.minutes && start.minutes < minutesOf(p.closes));
  if (opening.length === 0) return 'startsAt';
  return opening.some((p) => endMinutes <= minutesOf(p.closes)) ? null : 'endsAt';
}

const WEEKDAYS_ZH = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'];

/** The hours in words for an error or a printout: "周一 09:00–17:00；周二 …" (empty periods: 全天开放). */
export function describeOpeningHours(periods: readonly OpeningPeriod[]): string {
  if (periods.length === 0) return '全天开放';
  return [...periods]
    .sort((a, b) => a.weekday - b.weekday || minutesOf(a.opens) - minutesOf(b.opens))
    .map((p) => `${WEEKDAYS_ZH[p.weekday] ?? p.weekday} ${p.opens}–${p.closes}`)
    .join('；');
}
