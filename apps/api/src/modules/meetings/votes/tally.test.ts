import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { voteEligibilities, voteMatters } from '@linli/contracts/vote-labels';
import { areaText, fractionIssue, isAdultOn, latestAdultBirthDate, meets, ruleFor, tally, type Fraction, type Side, type TallyInput } from './tally.js';

const side = (count: number, m2 = count * 100): Side => ({ count, weight: BigInt(Math.round(m2 * 100)) });
const none = side(0, 0);
const owners = (matter: 'ordinary' | 'major') => ruleFor('owners', matter);

describe('vote tally (民法典 art. 278 and configured rules)', () => {
  it('owners: two thirds of owners and of area must take part, counted exactly', () => {
    // 3 owners of 100 m² each: 2 taking part is exactly two thirds (三分之二以上 includes it).
    const ok: TallyInput = { eligible: side(3, 300), yes: side(2, 200), no: none, abstain: none };
    expect(tally(ok, owners('ordinary'))).toMatchObject({ outcome: 'passed', quorumMet: true });
    // Two thirds of owners but not of area: no quorum.
    const small: TallyInput = { eligible: side(3, 300), yes: side(2, 199.99), no: none, abstain: none };
    expect(tally(small, owners('ordinary')).outcome).toBe('no_quorum');
    // Area but not owners.
    const big: TallyInput = { eligible: side(3, 300), yes: side(1, 250), no: none, abstain: none };
    expect(tally(big, owners('ordinary')).outcome).toBe('no_quorum');
  });

  it('owners, ordinary matter: more than half of participating owners AND area; exactly half fails', () => {
    const e = side(10, 1000);
    expect(tally({ eligible: e, yes: side(4, 400), no: side(4, 400), abstain: none }, owners('ordinary')).outcome).toBe('failed');
    expect(tally({ eligible: e, yes: side(5, 400), no: side(3, 400), abstain: none }, owners('ordinary')).outcome).toBe('failed');
    expect(tally({ eligible: e, yes: side(5, 400.01), no: side(3, 399.99), abstain: none }, owners('ordinary')).outcome).toBe('passed');
    // Abstentions take part and count against.
    expect(tally({ eligible: e, yes: side(4, 400), no: side(2, 200), abstain: side(2, 200) }, owners('ordinary')).outcome).toBe('failed');
  });

  it('owners, major matter (repair funds, rebuilding, common parts): three quarters of participating owners AND area', () => {
    const e = side(8, 800);
    expect(tally({ eligible: e, yes: side(6, 600), no: side(2, 200), abstain: none }, owners('major')).outcome).toBe('passed');
    expect(tally({ eligible: e, yes: side(6, 599.99), no: side(2, 200.01), abstain: none }, owners('major')).outcome).toBe('failed');
    expect(tally({ eligible: e, yes: side(5, 700), no: side(2, 50), abstain: side(1, 50) }, owners('major')).outcome).toBe('failed');
  });

  it('statutory rules ignore what the vote configures; other kinds count by head with their own shares', () => {
    const lax = { quorum: { num: 0, den: 1, strict: false }, threshold: { num: 0, den: 1, strict: false } };
    expect(ruleFor('owners', 'major', lax)).toMatchObject({ statutory: true, threshold: { num: 3, den: 4 } });
    expect(ruleFor('adults', 'major', lax)).toMatchObject({ statutory: false, weighted: false, quorum: lax.quorum });
    expect(ruleFor('households', 'ordinary')).toMatchObject({ quorum: { num: 1, den: 2, strict: true }, threshold: { num: 1, den: 2, strict: true } });
    const r = ruleFor('households', 'other', { quorum: { num: 1, den: 3, strict: false }, threshold: { num: 2, den: 3, strict: false } });
    // Weight is ignored for head counts.
    expect(tally({ eligible: side(9, 0), yes: side(2, 0), no: side(1, 0), abstain: none }, r).outcome).toBe('passed');
    expect(tally({ eligible: side(9, 0), yes: side(1, 0), no: side(1, 0), abstain: none }, r).outcome).toBe('no_quorum');
  });

  it('refuses shares that are not whole, above one or can never be met', () => {
    expect(fractionIssue({ num: 2, den: 3, strict: false })).toBeNull();
    expect(fractionIssue({ num: 0, den: 1, strict: false })).toBeNull();
    for (const f of [
      { num: 4, den: 3, strict: false },
      { num: 1, den: 0, strict: false },
      { num: 0.5, den: 1, strict: false },
      { num: -1, den: 2, strict: false },
      { num: 1, den: 1, strict: true },
    ])
      expect(fractionIssue(f)).toBe('invalid');
  });

  it('with nobody eligible nothing is met', () => {
    expect(tally({ eligible: none, yes: none, no: none, abstain: none }, owners('ordinary')).outcome).toBe('no_quorum');
    expect(meets(0n, 0n, { num: 0, den: 1, strict: false })).toBe(false);
  });

  it('ages: 18 on the close date, the birthday itself counts, 29 February handled', () => {
    expect(isAdultOn('2008-12-02', '2026-12-02')).toBe(true);
    expect(isAdultOn('2008-12-03', '2026-12-02')).toBe(false);
    expect(latestAdultBirthDate('2026-12-02')).toBe('2008-12-02');
    expect(latestAdultBirthDate('2028-02-29')).toBe('2010-02-28');
    expect(isAdultOn('2008-02-29', '2026-02-28')).toBe(false);
    expect(isAdultOn('2008-02-29', '2026-03-01')).toBe(true);
  });

  it('shows area in square metres with two decimals', () => {
    expect(areaText(123450n)).toBe('1234.50');
    expect(areaText(5n)).toBe('0.05');
  });
});

const fraction = fc
  .record({ den: fc.integer({ min: 1, max: 12 }), strict: fc.boolean() })
  .chain(({ den, strict }) => fc.integer({ min: 0, max: strict ? den - 1 : den }).map((num): Fraction => ({ num, den, strict })));
const ballots = fc
  .record({
    eligible: fc.integer({ min: 1, max: 60 }),
    yes: fc.nat(60),
    no: fc.nat(60),
    abstain: fc.nat(60),
    area: fc.array(fc.integer({ min: 1, max: 50000 }), { minLength: 60, maxLength: 60 }),
  })
  .filter((b) => b.yes + b.no + b.abstain <= b.eligible);
const inputOf = (b: { eligible: number; yes: number; no: number; abstain: number; area: number[] }): TallyInput => {
  const sum = (from: number, to: number) => BigInt(b.area.slice(from, to).reduce((a, x) => a + x, 0));
  return {
    eligible: { count: b.eligible, weight: sum(0, b.eligible) },
    yes: { count: b.yes, weight: sum(0, b.yes) },
    no: { count: b.no, weight: sum(b.yes, b.yes + b.no) },
    abstain: { count: b.abstain, weight: sum(b.yes + b.no, b.yes + b.no + b.abstain) },
  };
};

describe('vote tally properties', () => {
  it('agrees with exact rational arithmetic on every measure', () => {
    fc.assert(
      fc.property(ballots, fraction, fraction, fc.constantFrom(...voteEligibilities), fc.constantFrom(...voteMatters), (b, q, t, elig, matter) => {
        const rule = ruleFor(elig, matter, { quorum: q, threshold: t });
        const input = inputOf(b);
        const r = tally(input, rule);
        const ok = (p: bigint, w: bigint, f: Fraction) => w > 0n && (f.strict ? p * BigInt(f.den) > BigInt(f.num) * w : p * BigInt(f.den) >= BigInt(f.num) * w);
        const part = b.yes + b.no + b.abstain;
        const pw = input.yes.weight + input.no.weight + input.abstain.weight;
        const quorum = ok(BigInt(part), BigInt(b.eligible), rule.quorum) && (!rule.weighted || ok(pw, input.eligible.weight, rule.quorum));
        const pass = ok(BigInt(b.yes), BigInt(part), rule.threshold) && (!rule.weighted || ok(input.yes.weight, pw, rule.threshold));
        expect(r.outcome).toBe(!quorum ? 'no_quorum' : pass ? 'passed' : 'failed');
        expect(r.participated.count).toBe(part);
      }),
    );
  });

  it('turning a no into a yes never turns a pass into a fail, and passing always needs a quorum', () => {
    fc.assert(
      fc.property(
        ballots.filter((b) => b.no > 0),
        fc.constantFrom('ordinary', 'major') as fc.Arbitrary<'ordinary' | 'major'>,
        (b, matter) => {
          const rule = ruleFor('owners', matter);
          const before = tally(inputOf(b), rule);
          // Move the first "no" voter (with its area) over to yes.
          const i = inputOf(b);
          const moved = BigInt(b.area[b.yes]!);
          const after = tally(
            { ...i, yes: { count: i.yes.count + 1, weight: i.yes.weight + moved }, no: { count: i.no.count - 1, weight: i.no.weight - moved } },
            rule,
          );
          if (before.outcome === 'passed') expect(after.outcome).toBe('passed');
          if (after.outcome === 'passed') expect(after.quorumMet).toBe(true);
        },
      ),
    );
  });
});
