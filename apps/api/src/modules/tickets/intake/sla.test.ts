import { describe, expect, it } from 'vitest';
import { isOverdue } from '@linli/contracts';
import { dueAt } from './sla.js';

// Times written in Beijing time (+08:00) so the hand computation reads plainly.
const bj = (s: string) => new Date(`${s}+08:00`);

describe('SLA clocks', () => {
  it('counts calendar hours', () => {
    expect(dueAt(bj('2026-11-20T16:00:00'), 2, false)).toEqual(bj('2026-11-20T18:00:00'));
    expect(dueAt(bj('2026-11-20T16:00:00'), 7 * 24, false)).toEqual(bj('2026-11-27T16:00:00'));
  });

  it('counts working hours Monday to Friday 9:00–17:30', () => {
    // Friday 16:00 + 2 working hours: 1.5 h on Friday, 0.5 h on Monday → Monday 9:30.
    expect(dueAt(bj('2026-11-20T16:00:00'), 2, true)).toEqual(bj('2026-11-23T09:30:00'));
    // Saturday evening + 1 h → Monday 10:00.
    expect(dueAt(bj('2026-11-21T20:00:00'), 1, true)).toEqual(bj('2026-11-23T10:00:00'));
    // Monday 8:00 + 20 working hours: a day holds 8.5 h; Monday and Tuesday give 17 h, the last 3 h end Wednesday 12:00.
    expect(dueAt(bj('2026-11-23T08:00:00'), 20, true)).toEqual(bj('2026-11-25T12:00:00'));
  });

  it('counts whole days as working days: 7 × 24 h is 7 个工作日 (ADR 0035)', () => {
    // Friday 16:00 + 7 working days: Mon–Fri and the next Mon, Tue → Tuesday 1 December 16:00.
    expect(dueAt(bj('2026-11-20T16:00:00'), 7 * 24, true)).toEqual(bj('2026-12-01T16:00:00'));
    // Monday 8:00 starts at 9:00; one working day later is Tuesday 9:00.
    expect(dueAt(bj('2026-11-23T08:00:00'), 24, true)).toEqual(bj('2026-11-24T09:00:00'));
    // Saturday evening starts Monday 9:00; two working days later is Wednesday 9:00.
    expect(dueAt(bj('2026-11-21T20:00:00'), 48, true)).toEqual(bj('2026-11-25T09:00:00'));
    // Friday 18:00 (after hours) starts Monday 9:00 → Tuesday 9:00.
    expect(dueAt(bj('2026-11-20T18:00:00'), 24, true)).toEqual(bj('2026-11-24T09:00:00'));
  });

  it('skips public holidays and counts make-up working days (2026 National Day)', () => {
    const calendar = (day: string) =>
      (
        ({ '2026-10-01': false, '2026-10-02': false, '2026-10-05': false, '2026-10-06': false, '2026-10-07': false, '2026-10-10': true }) as Record<
          string,
          boolean
        >
      )[day];
    // Wednesday 30 September 16:00 + 2 working hours: 1.5 h that day, then 1–7 October are off → Thursday 8 October 9:30.
    expect(dueAt(bj('2026-09-30T16:00:00'), 2, true, calendar)).toEqual(bj('2026-10-08T09:30:00'));
    // Friday 9 October 17:00 + 1 h: 0.5 h that day, and Saturday 10 October is worked → Saturday 9:30.
    expect(dueAt(bj('2026-10-09T17:00:00'), 1, true, calendar)).toEqual(bj('2026-10-10T09:30:00'));
    // Without the calendar the same start ends on Monday 12 October.
    expect(dueAt(bj('2026-10-09T17:00:00'), 1, true)).toEqual(bj('2026-10-12T09:30:00'));
    // Wednesday 30 September 16:00 + 2 working days: 8 and 9 October → Friday 9 October 16:00.
    expect(dueAt(bj('2026-09-30T16:00:00'), 48, true, calendar)).toEqual(bj('2026-10-09T16:00:00'));
    // Friday 9 October 16:00 + 1 working day: Saturday 10 October is worked → Saturday 16:00.
    expect(dueAt(bj('2026-10-09T16:00:00'), 24, true, calendar)).toEqual(bj('2026-10-10T16:00:00'));
  });

  it('marks open tickets past a deadline as overdue', () => {
    const base = {
      status: 'accepted',
      firstResponseAt: null,
      responseDueAt: bj('2026-11-23T10:00:00'),
      resolvedAt: null,
      resolutionDueAt: bj('2026-11-30T10:00:00'),
    };
    expect(isOverdue(base, bj('2026-11-23T09:00:00'))).toBe(false);
    expect(isOverdue(base, bj('2026-11-23T11:00:00'))).toBe(true);
    expect(isOverdue({ ...base, firstResponseAt: bj('2026-11-23T09:30:00') }, bj('2026-11-23T11:00:00'))).toBe(false);
    expect(isOverdue({ ...base, status: 'closed' }, bj('2026-12-23T11:00:00'))).toBe(false);
  });
});
