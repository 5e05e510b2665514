import type { Locale } from '@linli/contracts/i18n';

/** full: date and time; short: the console's lists (01/02 09:30); compact: the phone (1/2 09:30). */
export type TimeStyle = 'full' | 'short' | 'compact';
const styles: Record<TimeStyle, Intl.DateTimeFormatOptions> = {
  full: {},
  short: { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' },
  compact: { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' },
};

/** An instant as the community reads it: in Beijing time (the API stores UTC), in the UI's language. */
export function formatTime(locale: Locale, iso: string, style: TimeStyle = 'full'): string {
  return new Date(iso).toLocaleString(locale === 'en' ? 'en-GB' : 'zh-CN', { timeZone: 'Asia/Shanghai', ...styles[style] });
}

/** A date and time picked on a screen ("YYYY-MM-DD HH:mm"), read as Beijing time whatever the browser's zone: an ISO instant. */
export function beijingInstant(wallClock: string): string {
  return new Date(`${wallClock.replace(' ', 'T')}:00+08:00`).toISOString();
}
