import { describe, expect, it } from 'vitest';
import { addMonths, receiptNumber, reportDueState } from './report-due.js';

describe('双报到 re-report rules', () => {
  it('adds months on the calendar, ending short months on their last day', () => {
    expect(addMonths('2026-01-15', 6)).toBe('2026-07-15');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonths('2026-12-01', 1)).toBe('2027-01-01');
  });
  it('lists the never-reported as overdue, the due-soon as listed, the recent not at all', () => {
    expect(reportDueState(null, 6, '2026-12-02', 30)).toEqual({ listed: true, overdue: true, dueOn: null });
    expect(reportDueState('2026-05-01', 6, '2026-12-02', 30)).toEqual({ listed: true, overdue: true, dueOn: '2026-11-01' });
    expect(reportDueState('2026-06-20', 6, '2026-12-02', 30)).toEqual({ listed: true, overdue: false, dueOn: '2026-12-20' });
    expect(reportDueState('2026-06-20', 6, '2026-12-02', 0)).toEqual({ listed: false, overdue: false, dueOn: '2026-12-20' });
    expect(reportDueState('2026-12-01', 6, '2026-12-02', 30).listed).toBe(false);
    // A yearly rule (12 months) keeps the half-year reporter off the list.
    expect(reportDueState('2026-05-01', 12, '2026-12-02', 30).listed).toBe(false);
  });
  it('numbers receipts by year and running number', () => {
    expect(receiptNumber('2026-12-02', 7)).toBe('HZ2026-0007');
    expect(receiptNumber('2027-01-02', 12345)).toBe('HZ2027-12345');
  });
});
