import { describe, expect, it } from 'vitest';
import { isSignupOpen, parseWeeklyRrule, timesIssue, weeklyOccurrences, weeklyRrule } from './occurrences.js';

const at = (s: string) => new Date(s);

describe('activity times and weekly series', () => {
  it('an end before the start is named; a window closing before it opens too', () => {
    expect(timesIssue({ startsAt: at('2026-12-07T09:00:00+08:00'), endsAt: at('2026-12-07T08:00:00+08:00') })).toEqual({
      code: 'ACTIVITY_ENDS_BEFORE_START',
      field: 'endsAt',
    });
    expect(
      timesIssue({
        startsAt: at('2026-12-07T09:00:00+08:00'),
        endsAt: at('2026-12-07T10:00:00+08:00'),
        signupOpensAt: at('2026-12-05T09:00:00+08:00'),
        signupClosesAt: at('2026-12-04T09:00:00+08:00'),
      }),
    ).toMatchObject({ field: 'signupClosesAt' });
    expect(timesIssue({ startsAt: at('2026-12-07T09:00:00+08:00'), endsAt: at('2026-12-07T10:00:00+08:00') })).toBeNull();
  });

  it('Monday and Thursday yoga until the end of the month: 8 occurrences at the same Beijing wall time', () => {
    const occ = weeklyOccurrences(at('2026-12-07T19:00:00+08:00'), at('2026-12-07T20:00:00+08:00'), { weekdays: [1, 4], until: '2026-12-31' });
    if (!Array.isArray(occ)) throw new Error('expected occurrences');
    expect(occ.map((o) => o.startsAt.toISOString())).toEqual([
      '2026-12-07T11:00:00.000Z',
      '2026-12-10T11:00:00.000Z',
      '2026-12-14T11:00:00.000Z',
      '2026-12-17T11:00:00.000Z',
      '2026-12-21T11:00:00.000Z',
      '2026-12-24T11:00:00.000Z',
      '2026-12-28T11:00:00.000Z',
      '2026-12-31T11:00:00.000Z',
    ]);
    expect(occ[1]!.endsAt.toISOString()).toBe('2026-12-10T12:00:00.000Z');
  });

  it('a first start off the weekdays, an until before the start or a series past 200 are refused', () => {
    expect(weeklyOccurrences(at('2026-12-08T19:00:00+08:00'), at('2026-12-08T20:00:00+08:00'), { weekdays: [1], until: '2026-12-31' })).toEqual({
      field: 'recurrence.weekdays',
      rule: 'invalid',
    });
    expect(weeklyOccurrences(at('2026-12-07T19:00:00+08:00'), at('2026-12-07T20:00:00+08:00'), { weekdays: [1], until: '2026-12-01' })).toMatchObject({
      field: 'recurrence.until',
    });
    expect(
      weeklyOccurrences(at('2026-12-07T19:00:00+08:00'), at('2026-12-07T20:00:00+08:00'), { weekdays: [1, 2, 3, 4, 5, 6, 7], until: '2027-12-31' }),
    ).toMatchObject({ rule: 'too_big' });
  });

  it('the RRULE ends at the last Beijing moment of the until date, in UTC, and reads back', () => {
    const rule = weeklyRrule({ weekdays: [4, 1], until: '2026-12-31' });
    expect(rule).toBe('FREQ=WEEKLY;BYDAY=MO,TH;UNTIL=20261231T155959Z');
    expect(parseWeeklyRrule(rule)).toEqual({ byDay: ['MO', 'TH'], until: new Date('2026-12-31T15:59:59Z') });
  });

  it('sign-up is open inside the window, closing at the start by default, and only while published', () => {
    const a = { status: 'published', signup_opens_at: at('2026-12-01T08:00:00Z'), signup_closes_at: null, starts_at: at('2026-12-07T11:00:00Z') };
    expect(isSignupOpen(a, at('2026-11-30T08:00:00Z'))).toBe(false);
    expect(isSignupOpen(a, at('2026-12-03T08:00:00Z'))).toBe(true);
    expect(isSignupOpen(a, at('2026-12-07T11:00:00Z'))).toBe(false);
    expect(isSignupOpen({ ...a, status: 'cancelled' }, at('2026-12-03T08:00:00Z'))).toBe(false);
  });
});
