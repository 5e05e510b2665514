import type { Selectable } from 'kysely';
import type { VoteEligibility, VoteMatter, VoteOutcome, VoteStatus, VoteSummary, VoteTally } from '@linli/contracts';
import type { VotesTable } from '../../../platform/db/schema.js';
import { iso } from '../../../platform/time.js';
import { areaText, ruleFor, tally, type Fraction, type Side, type VoteRule } from './tally.js';
import type { TallyRow } from './votes.repository.js';

type VoteRow = Selectable<VotesTable>;

const fraction = (num: number | null, den: number | null, strict: boolean | null): Fraction | null =>
  num === null || den === null ? null : { num, den, strict: strict ?? false };

/** The rule a stored vote counts by. */
export function ruleOfRow(v: VoteRow): VoteRule {
  const quorum = fraction(v.quorum_num, v.quorum_den, v.quorum_strict);
  const threshold = fraction(v.threshold_num, v.threshold_den, v.threshold_strict);
  return ruleFor(v.eligibility as VoteEligibility, v.matter as VoteMatter, quorum && threshold ? { quorum, threshold } : null);
}

const side = (n: string, w: string | null): Side => ({ count: Number(n), weight: BigInt(w ?? '0') });
const shown = (s: Side, weighted: boolean) => ({ count: s.count, area: weighted ? areaText(s.weight) : '' });

/** Counts an aggregate row by the vote's rule, into the shape the API shows. */
export function tallyOf(row: TallyRow, rule: VoteRule): VoteTally {
  const r = tally(
    { eligible: side(row.eligible, row.eligible_w), yes: side(row.yes, row.yes_w), no: side(row.no, row.no_w), abstain: side(row.abstain, row.abstain_w) },
    rule,
  );
  const w = rule.weighted;
  return {
    outcome: r.outcome,
    quorumMet: r.quorumMet,
    eligible: shown(r.eligible, w),
    participated: shown(r.participated, w),
    yes: shown(r.yes, w),
    no: shown(r.no, w),
    abstain: shown(r.abstain, w),
    byChannel: { phone: Number(row.phone), paper: Number(row.paper) },
  };
}

export function presentVoteSummary(v: VoteRow, compoundName: string | null, counts: { voters: number; ballots: number }): VoteSummary {
  return {
    id: v.id,
    communityId: v.community_id,
    title: v.title,
    matter: v.matter as VoteMatter,
    eligibility: v.eligibility as VoteEligibility,
    compoundId: v.compound_id,
    compoundName,
    topicId: v.topic_id,
    status: v.status as VoteStatus,
    outcome: v.outcome as VoteOutcome | null,
    opensAt: iso(v.opens_at),
    closesAt: iso(v.closes_at),
    publishedAt: iso(v.published_at),
    publicityUntil: iso(v.publicity_until),
    voterCount: counts.voters,
    ballotCount: counts.ballots,
  };
}
