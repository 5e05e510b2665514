import type { Locale } from '@linli/contracts/i18n';
import { formatTime as format } from '../lib/time.js';

/** @deprecated Use formatTime of lib/time.ts: one format everywhere; locale and style no longer change it. */
export type TimeStyle = 'full' | 'short' | 'compact';
/** @deprecated Use formatTime of lib/time.ts. */
export const formatTime = (_locale: Locale, iso: string, _style: TimeStyle = 'full'): string => format(iso);

/** A date and time picked on a screen ("YYYY-MM-DD HH:mm"), read as Beijing time whatever the browser's zone: an ISO instant. */
export function beijingInstant(wallClock: string): string {
  return new Date(`${wallClock.replace(' ', 'T')}:00+08:00`).toISOString();
}
