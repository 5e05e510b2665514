/** ISO 8601 in UTC, the form the API answers; null stays null. */
export function iso(d: Date | string): string;
export function iso(d: Date | string | null): string | null;
export function iso(d: Date | string | null): string | null {
  return d === null ? null : new Date(d).toISOString();
}

export { beijingDate, beijingText } from '@linli/contracts/time';

/**
 * The bound for "due by `now`" against a column PostgreSQL stamped with now(): JS clocks count milliseconds and
 * now() microseconds, so a row stamped within now's millisecond is due too. Compare with `column < dueBefore(now)`.
 */
export const dueBefore = (now: Date): Date => new Date(now.getTime() + 1);
