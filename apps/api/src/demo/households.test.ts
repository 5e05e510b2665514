import { describe, expect, it } from 'vitest';
import { household } from './households.js';
import { prng } from './prng.js';
import { householdProblems } from '../../test/demo-households.js';

describe('demo households', () => {
  const sample = Array.from({ length: 4000 }, (_, i) => household(prng(i)));

  it('are believable: opposite-sex spouses with their own surnames, parents 20–40 years older, names of their decade', () => {
    const bad = sample.map((h) => householdProblems(h.members)).filter((p) => p.length);
    expect(bad).toEqual([]);
  });

  it('mix the kinds of households a community holds, and most children carry the father’s surname', () => {
    const kinds = new Set(sample.map((h) => h.kind));
    expect(kinds.size).toBe(7);
    const children = sample.flatMap((h) => {
      const father = h.members.find((m) => m.male && (m.relation === '户主' || m.relation === '配偶'));
      return h.members.filter((m) => m.relation === '子女').map((c) => c.surname === father?.surname);
    });
    const share = children.filter(Boolean).length / children.length;
    expect(share).toBeGreaterThan(0.8);
    expect(share).toBeLessThan(1);
    const sizes = sample.map((h) => h.members.length);
    expect(Math.min(...sizes)).toBe(1);
    expect(Math.max(...sizes)).toBeGreaterThanOrEqual(5);
  });

  it('is the same every time (seeded)', () => {
    expect(household(prng(42))).toEqual(household(prng(42)));
    expect(household(prng(42))).not.toEqual(household(prng(43)));
  });

  it('the rules catch what the old demo did', () => {
    const base = { name: '王建国', male: true, year: 1955, relation: '户主' as const };
    expect(householdProblems([base, { name: '王秀兰', male: true, year: 1957, relation: '配偶' }])).toEqual(
      expect.arrayContaining(['spouses of the same sex', 'spouse carries the head’s surname']),
    );
    expect(householdProblems([base, { name: '李子涵', male: false, year: 1942, relation: '配偶' }])).toEqual(
      expect.arrayContaining(['李子涵 (1942) has a name of another decade', 'spouses 13 years apart']),
    );
  });
});
