import { Open311Error } from './format.js';

/** A comma-separated parameter as a list of distinct, trimmed values; undefined when absent or empty. */
export function listParam(value: string | undefined): string[] | undefined {
  const items = [
    ...new Set(
      (value ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
  return items.length ? items : undefined;
}

export const maxRangeDays = 90;
const dayMs = 86_400_000;

/**
 * The window of a list read: start_date and end_date as given; one alone reaches 90 days from the other, neither is the
 * last 90 days. A window longer than 90 days, or ending before it starts, answers 400.
 */
export function dateWindow(start: string | undefined, end: string | undefined, now = new Date()): { from: Date; to: Date } {
  const s = start ? new Date(start) : null;
  const e = end ? new Date(end) : null;
  if ((s && Number.isNaN(s.getTime())) || (e && Number.isNaN(e.getTime()))) throw new Open311Error(400, 400, 'start_date or end_date is not a valid date');
  const to = e ?? (s ? new Date(s.getTime() + maxRangeDays * dayMs) : now);
  const from = s ?? new Date(to.getTime() - maxRangeDays * dayMs);
  if (from.getTime() > to.getTime()) throw new Open311Error(400, 400, 'start_date is after end_date');
  if (to.getTime() - from.getTime() > maxRangeDays * dayMs) throw new Open311Error(400, 400, `start_date to end_date spans more than ${maxRangeDays} days`);
  return { from, to };
}

/**
 * A reporter's phone as kept (encrypted) on the ticket: a mainland mobile (with or without +86) as 11 digits, any other
 * number in E.164 (+ and 7 to 15 digits; 00 read as +). Anything else is not a phone we can call back: null, and the
 * request is still filed (the caller says so in service_notice).
 */
export function normalisePhone(raw: string | undefined): { phone: string | null; refused: boolean } {
  if (!raw?.trim()) return { phone: null, refused: false };
  let p = raw.replace(/[\s\-().]/g, '');
  if (p.startsWith('00')) p = `+${p.slice(2)}`;
  const mainland = /^(?:\+86)?(1[3-9]\d{9})$/.exec(p);
  if (mainland) return { phone: mainland[1]!, refused: false };
  if (/^\+[1-9]\d{6,14}$/.test(p)) return { phone: p, refused: false };
  return { phone: null, refused: true };
}

/** lat and long (WGS 84 degrees) together, within range; one without the other answers 400. */
export function locationOf(lat: string | undefined, long: string | undefined): { latitude: number; longitude: number } | null {
  if (!lat && !long) return null;
  if (!lat || !long) throw new Open311Error(400, 400, 'lat and long must be given together');
  const latitude = Number(lat);
  const longitude = Number(long);
  if (!(Math.abs(latitude) <= 90)) throw new Open311Error(400, 400, 'lat must be between -90 and 90');
  if (!(Math.abs(longitude) <= 180)) throw new Open311Error(400, 400, 'long must be between -180 and 180');
  return { latitude, longitude };
}
