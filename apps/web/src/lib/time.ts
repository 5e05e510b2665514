import { beijingDate, beijingText } from '@linli/contracts/time';

/**
 * THE way the web shows a moment: "2026-12-01 09:30" in Beijing time (the API stores UTC), the same on the console, the
 * phone, in both languages, and as the ledgers print it. One format, so a reader never compares 12/1 with 1/12.
 */
export function formatTime(iso: string | null | undefined): string {
  return iso ? beijingText(iso) : '';
}

/** A day: "2026-12-01" in Beijing time. */
export function formatDate(iso: string | null | undefined): string {
  return iso ? beijingDate(iso) : '';
}
