import { describe, expect, it } from 'vitest';
import { coveragePercent, defaultIntervals as iv, isOverdue, nextVisitDue, requiredVisits } from './due.js';

const d = (s: string) => new Date(s);

describe('next visit due', () => {
  it('follows the tier: high weekly, key monthly, general quarterly, from the last visit or from intake', () => {
    const createdAt = d('2026-11-01T02:00:00Z');
    expect(nextVisitDue({ tier: 'high', createdAt, lastVisitAt: null, majorChangeAt: null }, iv).toISOString()).toBe('2026-11-08T02:00:00.000Z');
    expect(nextVisitDue({ tier: 'key', createdAt, lastVisitAt: d('2026-11-10T02:00:00Z'), majorChangeAt: null }, iv).toISOString()).toBe(
      '2026-12-10T02:00:00.000Z',
    );
    expect(nextVisitDue({ tier: 'general', createdAt, lastVisitAt: null, majorChangeAt: null }, iv).toISOString()).toBe('2027-01-30T02:00:00.000Z');
    expect(nextVisitDue({ tier: 'high', createdAt, lastVisitAt: null, majorChangeAt: null }, { ...iv, high: 3 }).toISOString()).toBe(
      '2026-11-04T02:00:00.000Z',
    );
  });
  it('a major change not yet followed by a visit makes the visit due within 24 hours; a visit after it clears that', () => {
    const r = {
      tier: 'general' as const,
      createdAt: d('2026-10-01T00:00:00Z'),
      lastVisitAt: d('2026-11-20T00:00:00Z'),
      majorChangeAt: d('2026-11-25T08:00:00Z'),
    };
    expect(nextVisitDue(r, iv).toISOString()).toBe('2026-11-26T08:00:00.000Z');
    expect(isOverdue(r, iv, d('2026-11-26T09:00:00Z'))).toBe(true);
    expect(isOverdue(r, iv, d('2026-11-26T07:00:00Z'))).toBe(false);
    expect(nextVisitDue({ ...r, lastVisitAt: d('2026-11-25T20:00:00Z') }, iv).toISOString()).toBe('2027-02-23T20:00:00.000Z');
    // A regular date earlier than 24 hours stays.
    expect(nextVisitDue({ ...r, tier: 'high', lastVisitAt: d('2026-11-18T09:00:00Z') }, iv).toISOString()).toBe('2026-11-25T09:00:00.000Z');
  });
});

describe('required visits in a month', () => {
  const start = d('2026-10-31T16:00:00Z'); // 2026-11-01 00:00 Beijing
  const end = d('2026-11-30T16:00:00Z');
  const base = { createdAt: d('2026-01-01T00:00:00Z'), lastVisitAt: null, majorChangeAt: null, visitsBefore: null };
  it('weekly needs four in thirty days, monthly one, quarterly one only when it falls due', () => {
    expect(requiredVisits({ ...base, tier: 'high' }, iv, start, end)).toBe(4);
    expect(requiredVisits({ ...base, tier: 'key' }, iv, start, end)).toBe(1);
    expect(requiredVisits({ ...base, tier: 'general', visitsBefore: d('2026-10-20T00:00:00Z') }, iv, start, end)).toBe(0);
    expect(requiredVisits({ ...base, tier: 'general', visitsBefore: d('2026-08-20T00:00:00Z') }, iv, start, end)).toBe(1);
  });
  it('counts only the days in care, and adds one for a major change in the month', () => {
    expect(requiredVisits({ ...base, tier: 'high', createdAt: d('2026-11-16T16:00:00Z') }, iv, start, end)).toBe(2);
    expect(requiredVisits({ ...base, tier: 'high', endedAt: d('2026-10-01T00:00:00Z') }, iv, start, end)).toBe(0);
    expect(requiredVisits({ ...base, tier: 'key', majorChangeAt: d('2026-11-10T00:00:00Z') }, iv, start, end)).toBe(2);
  });
  it('coverage is the share of recipients whose visits are done', () => {
    expect(coveragePercent([])).toBe(100);
    expect(coveragePercent([{ required: 0, done: 0 }])).toBe(100);
    expect(
      coveragePercent([
        { required: 4, done: 4 },
        { required: 1, done: 0 },
        { required: 1, done: 2 },
      ]),
    ).toBe(66);
  });
});
