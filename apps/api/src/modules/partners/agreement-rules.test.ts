import { describe, expect, it } from 'vitest';
import { effectiveStatus, endBeforeStart, reminderDay, renewalReminderDue } from './agreement-rules.js';

describe('agreement rules', () => {
  it('refuses an end before the start, allows the same day and no end', () => {
    expect(endBeforeStart('2026-01-10', '2026-01-09')).toBe(true);
    expect(endBeforeStart('2026-01-10', '2026-01-10')).toBe(false);
    expect(endBeforeStart('2026-01-10', null)).toBe(false);
  });
  it('reads an active agreement past its end as ended; terminated stays terminated', () => {
    expect(effectiveStatus('active', '2026-12-01', '2026-12-02')).toBe('ended');
    expect(effectiveStatus('active', '2026-12-02', '2026-12-02')).toBe('active');
    expect(effectiveStatus('active', null, '2030-01-01')).toBe('active');
    expect(effectiveStatus('terminated', '2030-01-01', '2026-12-02')).toBe('terminated');
  });
  it('reminds once, from remindDays before the end until the end', () => {
    expect(reminderDay('2027-01-09', 30)).toBe('2026-12-10');
    expect(reminderDay('2027-03-01', 1)).toBe('2027-02-28');
    const a = { status: 'active', ends_on: '2027-01-09', remind_days: 30, reminded_at: null };
    expect(renewalReminderDue(a, '2026-12-09')).toBe(false);
    expect(renewalReminderDue(a, '2026-12-10')).toBe(true);
    expect(renewalReminderDue(a, '2027-01-09')).toBe(true);
    expect(renewalReminderDue(a, '2027-01-10')).toBe(false);
    expect(renewalReminderDue({ ...a, reminded_at: new Date() }, '2026-12-20')).toBe(false);
    expect(renewalReminderDue({ ...a, status: 'terminated' }, '2026-12-20')).toBe(false);
    expect(renewalReminderDue({ ...a, ends_on: null }, '2026-12-20')).toBe(false);
  });
});
