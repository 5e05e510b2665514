import { describe, expect, it } from 'vitest';
import { defaultPointsRules, monthBounds, monthsBefore, pointsForHours } from './rules.js';

describe('points rules', () => {
  it('gives 1 point per counted hour, at most 2 h per activity, half points kept', () => {
    expect(pointsForHours(defaultPointsRules, 0.5, 'activity')).toBe(0.5);
    expect(pointsForHours(defaultPointsRules, 3, 'activity')).toBe(2);
    expect(pointsForHours(defaultPointsRules, 3, 'shift')).toBe(3);
    expect(pointsForHours(defaultPointsRules, 0, 'activity')).toBe(0);
  });
  it('adds the bonus for a kind of service and follows a community rate', () => {
    const rules = { ...defaultPointsRules, pointsPerHour: 2, hourCapPerActivity: null, roleBonus: { shift: 1 } };
    expect(pointsForHours(rules, 3, 'activity')).toBe(6);
    expect(pointsForHours(rules, 1.5, 'shift')).toBe(4);
  });
  it('cuts months at Beijing midnight and counts months back', () => {
    const { from, to } = monthBounds('2026-12');
    expect(from.toISOString()).toBe('2026-11-30T16:00:00.000Z');
    expect(to.toISOString()).toBe('2026-12-31T16:00:00.000Z');
    expect(monthsBefore(new Date('2026-12-02T00:00:00Z'), 24).toISOString()).toBe('2024-12-02T00:00:00.000Z');
  });
});
