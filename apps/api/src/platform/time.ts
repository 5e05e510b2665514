/** ISO 8601 in UTC, the form the API answers; null stays null. */
export function iso(d: Date | string): string;
export function iso(d: Date | string | null): string | null;
export function iso(d: Date | string | null): string | null {
  return d === null ? null : new Date(d).toISOString();
}

export { beijingDate, beijingText } from '@linli/contracts/time';
