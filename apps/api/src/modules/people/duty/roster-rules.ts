// Pure rules of the duty roster (值守排班, ADR 0044): Beijing wall time, generating dates, the check-in window, swaps.
import type { SwapStatus } from '@linli/contracts';

const BEIJING_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;
/** Generating covers at most this many days at once (about two months). */
export const maxGenerateDays = 62;

/** A valid HH:MM (00:00–23:59), or null. */
export function parseHhmm(v: string): string | null {
  return /^([01]\d|2[0-3]):[0-5]\d$/.test(v) ? v : null;
}

/** The field of a start–end pair that is wrong, or null. A shift ends on the day it starts and after it starts. */
export function timeRangeIssue(startsAt: string, endsAt: string): { field: 'startsAt' | 'endsAt'; rule: string } | null {
  if (!parseHhmm(startsAt)) return { field: 'startsAt', rule: 'invalid' };
  if (!parseHhmm(endsAt)) return { field: 'endsAt', rule: 'invalid' };
  if (endsAt <= startsAt) return { field: 'endsAt', rule: 'after_start' };
  return null;
}

/** The instant of a Beijing wall time on a Beijing date. */
export function beijingInstant(day: string, hhmm: string): Date {
  return new Date(Date.parse(`${day}T${hhmm}:00Z`) - BEIJING_MS);
}

/** 1 = Monday … 7 = Sunday of a YYYY-MM-DD date. */
export function weekdayOf(day: string): number {
  const d = new Date(`${day}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

/** Every date from `from` to `to`, both included; null when the range is backwards or too long. */
export function datesBetween(from: string, to: string): string[] | null {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  if (b < a || (b - a) / DAY_MS + 1 > maxGenerateDays) return null;
  const out: string[] = [];
  for (let t = a; t <= b; t += DAY_MS) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

/** Monday and Sunday of the Beijing week of a moment. */
export function weekOf(now: Date): { from: string; to: string } {
  const today = new Date(now.getTime() + BEIJING_MS).toISOString().slice(0, 10);
  const monday = Date.parse(`${today}T00:00:00Z`) - (weekdayOf(today) - 1) * DAY_MS;
  return { from: new Date(monday).toISOString().slice(0, 10), to: new Date(monday + 6 * DAY_MS).toISOString().slice(0, 10) };
}

/** The date `n` days after a YYYY-MM-DD date. */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** The Beijing date after the one of `now`. */
export function tomorrowOf(now: Date): string {
  return new Date(now.getTime() + BEIJING_MS + DAY_MS).toISOString().slice(0, 10);
}

export interface CheckinWindow {
  beforeMinutes: number;
  afterMinutes: number;
}
/** Check-in is open from `beforeMinutes` before the start until `afterMinutes` after it (never after the end). */
export function isCheckinOpen(now: Date, shift: { startsAt: Date; endsAt: Date }, w: CheckinWindow): boolean {
  const opens = shift.startsAt.getTime() - w.beforeMinutes * 60_000;
  const closes = Math.min(shift.startsAt.getTime() + w.afterMinutes * 60_000, shift.endsAt.getTime());
  return now.getTime() >= opens && now.getTime() <= closes;
}

/** A shift is covered when the people on it reach its headcount. */
export const isCovered = (assigned: number, headcount: number) => assigned >= headcount;

export type SwapAction = 'accept' | 'decline' | 'approve' | 'reject' | 'withdraw';
/**
 * The swap's next status, or null when the step is not allowed from this status. The other person accepts or declines
 * an asked swap; staff approve or reject an accepted one; the asker withdraws while nothing is decided. With
 * `autoApprove` (the community's setting) an accept is the approval.
 */
export function nextSwapStatus(status: SwapStatus, action: SwapAction, autoApprove: boolean): SwapStatus | null {
  if (status === 'asked') {
    if (action === 'accept') return autoApprove ? 'approved' : 'accepted';
    if (action === 'decline') return 'declined';
    if (action === 'withdraw') return 'withdrawn';
    return null;
  }
  if (status === 'accepted') {
    if (action === 'approve') return 'approved';
    if (action === 'reject') return 'rejected';
    if (action === 'withdraw') return 'withdrawn';
    return null;
  }
  return null;
}
