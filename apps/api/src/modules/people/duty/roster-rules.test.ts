import { describe, expect, it } from 'vitest';
import { swapStatuses } from '@linli/contracts';
import { beijingInstant, datesBetween, isCheckinOpen, nextSwapStatus, timeRangeIssue, tomorrowOf, weekOf, weekdayOf } from './roster-rules.js';

describe('duty roster rules', () => {
  it('reads Beijing wall time and weekdays', () => {
    expect(beijingInstant('2026-12-07', '08:30').toISOString()).toBe('2026-12-07T00:30:00.000Z');
    expect(weekdayOf('2026-12-07')).toBe(1);
    expect(weekdayOf('2026-12-13')).toBe(7);
    expect(weekOf(new Date('2026-12-09T20:00:00Z'))).toEqual({ from: '2026-12-07', to: '2026-12-13' });
    expect(tomorrowOf(new Date('2026-12-06T17:00:00Z'))).toBe('2026-12-08');
  });
  it('refuses a shift that ends before it starts, and bad times', () => {
    expect(timeRangeIssue('08:00', '12:00')).toBeNull();
    expect(timeRangeIssue('12:00', '08:00')).toEqual({ field: 'endsAt', rule: 'after_start' });
    expect(timeRangeIssue('12:00', '12:00')).toEqual({ field: 'endsAt', rule: 'after_start' });
    expect(timeRangeIssue('24:00', '25:00')).toEqual({ field: 'startsAt', rule: 'invalid' });
    expect(timeRangeIssue('8:00', '09:00')).toEqual({ field: 'startsAt', rule: 'invalid' });
  });
  it('lists dates, and refuses backwards or too long ranges', () => {
    expect(datesBetween('2026-12-30', '2027-01-02')).toEqual(['2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02']);
    expect(datesBetween('2026-12-02', '2026-12-01')).toBeNull();
    expect(datesBetween('2026-01-01', '2026-12-31')).toBeNull();
  });
  it('opens check-in in the window around the start, never after the end', () => {
    const shift = { startsAt: beijingInstant('2026-12-07', '08:00'), endsAt: beijingInstant('2026-12-07', '09:00') };
    const w = { beforeMinutes: 30, afterMinutes: 120 };
    expect(isCheckinOpen(beijingInstant('2026-12-07', '07:29'), shift, w)).toBe(false);
    expect(isCheckinOpen(beijingInstant('2026-12-07', '07:30'), shift, w)).toBe(true);
    expect(isCheckinOpen(beijingInstant('2026-12-07', '09:00'), shift, w)).toBe(true);
    expect(isCheckinOpen(beijingInstant('2026-12-07', '09:01'), shift, w)).toBe(false);
  });
  it('moves a swap only along its allowed steps', () => {
    expect(nextSwapStatus('asked', 'accept', false)).toBe('accepted');
    expect(nextSwapStatus('asked', 'accept', true)).toBe('approved');
    expect(nextSwapStatus('asked', 'approve', false)).toBeNull();
    expect(nextSwapStatus('accepted', 'approve', false)).toBe('approved');
    expect(nextSwapStatus('accepted', 'accept', false)).toBeNull();
    for (const s of ['approved', 'declined', 'rejected', 'withdrawn'] as const)
      for (const a of ['accept', 'decline', 'approve', 'reject', 'withdraw'] as const) expect(nextSwapStatus(s, a, true)).toBeNull();
    expect(swapStatuses).toContain('asked');
  });
});
