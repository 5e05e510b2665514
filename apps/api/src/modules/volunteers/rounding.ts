/**
 * How raw service minutes become counted hours (ADR 0041). Pure: no clock, no database.
 *
 * - `chongqing` (the default): each full hour counts 1 h; of the minutes left over, up to 15 count nothing, more than
 *   15 and under 45 count half an hour, 45 or more count a whole hour.
 * - `half_hour`: whole half hours only (floor to 30 minutes).
 * - `exact`: every minute counts.
 *
 * The answer is in minutes (0.5 h = 30) so sums stay exact integers.
 */
export const roundingRules = ['chongqing', 'half_hour', 'exact'] as const;
export type RoundingRule = (typeof roundingRules)[number];

export function isRoundingRule(v: string): v is RoundingRule {
  return (roundingRules as readonly string[]).includes(v);
}

export function countedMinutes(rule: RoundingRule, rawMinutes: number): number {
  if (!Number.isFinite(rawMinutes) || rawMinutes <= 0) return 0;
  const raw = Math.floor(rawMinutes);
  switch (rule) {
    case 'exact':
      return raw;
    case 'half_hour':
      return raw - (raw % 30);
    case 'chongqing': {
      const whole = Math.floor(raw / 60) * 60;
      const rest = raw - whole;
      return whole + (rest <= 15 ? 0 : rest < 45 ? 30 : 60);
    }
  }
}

/** Whole minutes between two instants (seconds dropped). Negative when `endedAt` is before `startedAt`. */
export function minutesBetween(startedAt: Date, endedAt: Date): number {
  return Math.trunc((endedAt.getTime() - startedAt.getTime()) / 60_000);
}

/** Minutes as hours for display and events: 90 -> 1.5. */
export function hoursOf(minutes: number): number {
  return Math.round((minutes / 60) * 100) / 100;
}

/** Counted minutes after an optional per-activity cap, given what the same volunteer already has for that activity. */
export function capped(counted: number, capMinutes: number | null, alreadyCounted: number): number {
  if (capMinutes == null) return counted;
  return Math.max(0, Math.min(counted, capMinutes - alreadyCounted));
}
