import type { VoteEligibility, VoteMatter, VoteOutcome } from '@linli/contracts/vote-labels';

// The counting rule of a vote (表决), pure. Fractions are compared as integers (part × den against num × whole, in
// BigInt), never as floats: 2/3 of 3 owners is met by 2, and 0.1 m² rounding never tips a result. Floor area is
// carried in hundredths of a square metre (the column is numeric(10,2)).

/** A share: `strict` means "more than" (过半数), otherwise "at least" (三分之二以上). */
export interface Fraction {
  num: number;
  den: number;
  strict: boolean;
}
export interface VoteRule {
  /** Participation needed, of the eligible. */
  quorum: Fraction;
  /** Yes needed, of those who took part (abstentions take part). */
  threshold: Fraction;
  /** Owners: count and floor area must both meet each share. */
  weighted: boolean;
  /** Fixed by law (民法典 art. 278) rather than set by the vote. */
  statutory: boolean;
}
export interface Side {
  count: number;
  /** Hundredths of a m² for owners; equal to count otherwise. */
  weight: bigint;
}
export interface TallyInput {
  eligible: Side;
  yes: Side;
  no: Side;
  abstain: Side;
}
export interface TallyResult {
  outcome: VoteOutcome;
  quorumMet: boolean;
  eligible: Side;
  participated: Side;
  yes: Side;
  no: Side;
  abstain: Side;
  rule: VoteRule;
}

const twoThirds: Fraction = { num: 2, den: 3, strict: false };
const overHalf: Fraction = { num: 1, den: 2, strict: true };
const threeQuarters: Fraction = { num: 3, den: 4, strict: false };
/** 居民会议 (城市居民委员会组织法): more than half attend, decisions by more than half of those present. */
export const defaultCustomRule = { quorum: overHalf, threshold: overHalf };

/**
 * The rule a vote counts by. Owners deciding an ordinary or a major matter follow 民法典 art. 278 whatever the vote
 * says; every other vote uses its own quorum and threshold (default: more than half, as for a 居民会议).
 */
export function ruleFor(eligibility: VoteEligibility, matter: VoteMatter, custom?: { quorum: Fraction; threshold: Fraction } | null): VoteRule {
  const weighted = eligibility === 'owners';
  if (weighted && matter === 'ordinary') return { quorum: twoThirds, threshold: overHalf, weighted, statutory: true };
  if (weighted && matter === 'major') return { quorum: twoThirds, threshold: threeQuarters, weighted, statutory: true };
  const c = custom ?? defaultCustomRule;
  return { quorum: c.quorum, threshold: c.threshold, weighted, statutory: false };
}

/** Why a custom share is not usable, or null: whole numbers, 0 ≤ num ≤ den, den ≥ 1, den ≤ 1000. */
export function fractionIssue(f: Fraction): 'invalid' | null {
  const ok = Number.isInteger(f.num) && Number.isInteger(f.den) && f.den >= 1 && f.den <= 1000 && f.num >= 0 && f.num <= f.den;
  // "More than all" can never be met.
  return ok && !(f.strict && f.num === f.den) ? null : 'invalid';
}

/** Whether `part` of `whole` meets the share. A whole of nothing meets no share. */
export function meets(part: bigint, whole: bigint, f: Fraction): boolean {
  if (whole <= 0n) return false;
  const lhs = part * BigInt(f.den);
  const rhs = BigInt(f.num) * whole;
  return f.strict ? lhs > rhs : lhs >= rhs;
}

function meetsSide(part: Side, whole: Side, f: Fraction, weighted: boolean): boolean {
  return meets(BigInt(part.count), BigInt(whole.count), f) && (!weighted || meets(part.weight, whole.weight, f));
}

/** Counts a vote: no quorum when too few took part, else passed when the yes share is met on every measure. */
export function tally(input: TallyInput, rule: VoteRule): TallyResult {
  const participated: Side = {
    count: input.yes.count + input.no.count + input.abstain.count,
    weight: input.yes.weight + input.no.weight + input.abstain.weight,
  };
  const quorumMet = meetsSide(participated, input.eligible, rule.quorum, rule.weighted);
  const passed = quorumMet && meetsSide(input.yes, participated, rule.threshold, rule.weighted);
  return { outcome: !quorumMet ? 'no_quorum' : passed ? 'passed' : 'failed', quorumMet, participated, ...input, rule };
}

/** Hundredths of a m² as the decimal text the API shows ("1234.50"). */
export function areaText(weight: bigint): string {
  const neg = weight < 0n;
  const abs = neg ? -weight : weight;
  return `${neg ? '-' : ''}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
}

/** Whether a resident born on `birthDate` (YYYY-MM-DD) is 18 on `onDate` (YYYY-MM-DD): the day of the 18th birthday counts. */
export function isAdultOn(birthDate: string, onDate: string): boolean {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = onDate.split('-').map(Number) as [number, number, number];
  const age = y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
  return age >= 18;
}
/** The latest birth date of someone 18 on `onDate` (a 29 February birthday counts from 1 March in common years). */
export function latestAdultBirthDate(onDate: string): string {
  const [y, m, d0] = onDate.split('-').map(Number) as [number, number, number];
  const by = y - 18;
  const isLeap = (by % 4 === 0 && by % 100 !== 0) || by % 400 === 0;
  const d = m === 2 && d0 === 29 && !isLeap ? 28 : d0;
  return `${String(by).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
