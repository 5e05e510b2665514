import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { capped, countedMinutes, minutesBetween } from './rounding.js';
import { hoursToNextStar, starOf } from './stars.js';

describe('rounding of service minutes (ADR 0041)', () => {
  it('counts the Chongqing way: ≤15 min nothing, 15–45 half an hour, 45–60 a whole hour, per started hour', () => {
    const cases: Array<[number, number]> = [
      [0, 0],
      [10, 0],
      [15, 0],
      [16, 30],
      [30, 30],
      [44, 30],
      [45, 60],
      [59, 60],
      [60, 60],
      [75, 60],
      [76, 90],
      [105, 120],
      [150, 150],
      [-20, 0],
    ];
    for (const [raw, counted] of cases) expect([raw, countedMinutes('chongqing', raw)]).toEqual([raw, counted]);
  });

  it('half_hour floors to half hours and exact keeps every minute', () => {
    expect(countedMinutes('half_hour', 59)).toBe(30);
    expect(countedMinutes('half_hour', 60)).toBe(60);
    expect(countedMinutes('exact', 47)).toBe(47);
  });

  it('never counts less than whole hours served, nor more than an hour above what was served, in half-hour steps', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 24 * 60 }), (raw) => {
        const c = countedMinutes('chongqing', raw);
        expect(c % 30).toBe(0);
        expect(c).toBeGreaterThanOrEqual(Math.floor(raw / 60) * 60);
        expect(c).toBeLessThanOrEqual(raw + 15);
        expect(c).toBeGreaterThanOrEqual(raw - 15);
      }),
    );
  });

  it('is monotonic: more minutes never count fewer hours', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 0, max: 300 }), (a, d) => {
        for (const rule of ['chongqing', 'half_hour', 'exact'] as const) expect(countedMinutes(rule, a + d)).toBeGreaterThanOrEqual(countedMinutes(rule, a));
      }),
    );
  });

  it('caps per activity by what is already counted', () => {
    expect(capped(90, 120, 60)).toBe(60);
    expect(capped(90, 120, 150)).toBe(0);
    expect(capped(90, null, 1000)).toBe(90);
  });

  it('measures whole minutes, negative when the end is first', () => {
    expect(minutesBetween(new Date('2026-12-01T01:00:00Z'), new Date('2026-12-01T02:30:59Z'))).toBe(90);
    expect(minutesBetween(new Date('2026-12-01T02:00:00Z'), new Date('2026-12-01T01:00:00Z'))).toBe(-60);
  });
});

describe('stars (一星…五星)', () => {
  it('rises at 100 / 300 / 600 / 1,000 / 1,500 hours by default', () => {
    expect(starOf(99 * 60)).toBe(0);
    expect(starOf(100 * 60)).toBe(1);
    expect(starOf(299.5 * 60)).toBe(1);
    expect(starOf(300 * 60)).toBe(2);
    expect(starOf(600 * 60)).toBe(3);
    expect(starOf(1000 * 60)).toBe(4);
    expect(starOf(1500 * 60)).toBe(5);
    expect(starOf(9000 * 60)).toBe(5);
    expect(hoursToNextStar(90 * 60)).toBe(10);
    expect(hoursToNextStar(1600 * 60)).toBeNull();
  });

  it('follows a community’s own thresholds, and never goes down as hours grow', () => {
    expect(starOf(10 * 60, [10, 20, 30, 40, 50])).toBe(1);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200_000 }), fc.integer({ min: 0, max: 10_000 }), (m, d) => {
        expect(starOf(m + d)).toBeGreaterThanOrEqual(starOf(m));
      }),
    );
  });
});
