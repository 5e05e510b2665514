import type { MatchCandidateKind } from '@linli/contracts';
import { isConcept } from './synonyms.js';

/** What a need brings to matching. */
export interface MatchNeed {
  terms: readonly string[];
  categories: readonly string[];
  compoundId: number | null;
  gridId: number | null;
}
/** One indexed candidate. */
export interface IndexedCandidate {
  kind: MatchCandidateKind;
  refId: number;
  name: string;
  accountId: number | null;
  categories: readonly string[];
  terms: readonly string[];
  compoundId: number | null;
  gridId: number | null;
}

/**
 * The weights of a suggestion (ADR 0038), also used by the repository's SQL so the database ranks the same way:
 * a service category in common 3, each shared term 2 (at most 3 terms), same compound 2, else same grid 1, someone
 * who can take an order on the phone 0.5.
 */
export const weights = { category: 3, term: 2, maxTerms: 3, compound: 2, grid: 1, claimant: 0.5 } as const;

export interface Ranked {
  score: number;
  reason: { 'zh-CN': string; en: string };
}

/** Score and reason of one candidate for one need; null when nothing of the need meets it (place alone is no match). */
export function rankCandidate(need: MatchNeed, c: IndexedCandidate): Ranked | null {
  const cats = c.categories.filter((x) => need.categories.includes(x));
  const shared = c.terms.filter((t) => need.terms.includes(t)).sort((a, b) => Number(isConcept(b)) - Number(isConcept(a)));
  if (cats.length === 0 && shared.length === 0) return null;
  const sameCompound = need.compoundId != null && c.compoundId === need.compoundId;
  const sameGrid = !sameCompound && need.gridId != null && c.gridId === need.gridId;
  const score =
    (cats.length ? weights.category : 0) +
    weights.term * Math.min(shared.length, weights.maxTerms) +
    (sameCompound ? weights.compound : sameGrid ? weights.grid : 0) +
    (c.accountId != null ? weights.claimant : 0);
  const zh: string[] = [];
  const en: string[] = [];
  const say = (z: string, e: string) => {
    zh.push(z);
    en.push(e);
  };
  if (sameCompound) say('同小区', 'same compound');
  else if (sameGrid) say('同网格', 'same grid');
  if (cats.length) say('服务类别相符', 'service category matches');
  if (shared.length) {
    const words = shared.slice(0, weights.maxTerms);
    zh.push(`关键词：${words.join('、')}`);
    en.push(`keywords: ${words.join(', ')}`);
  }
  return { score, reason: { 'zh-CN': zh.join(' · '), en: en.join(' · ') } };
}

const collator = new Intl.Collator('zh-CN');

/** Candidates ranked best first (score, then name for a stable order), at most `limit`; reasons worded for those only. */
export function rankCandidates(need: MatchNeed, candidates: readonly IndexedCandidate[], limit: number) {
  const cats = new Set(need.categories);
  const terms = new Set(need.terms);
  // A cheap first pass: only candidates sharing a category or a term are worded and sorted.
  const hits = candidates.filter((c) => c.categories.some((x) => cats.has(x)) || c.terms.some((t) => terms.has(t)));
  return hits
    .map((c) => ({ c, r: rankCandidate(need, c)! }))
    .sort((a, b) => b.r.score - a.r.score || collator.compare(a.c.name, b.c.name) || a.c.refId - b.c.refId)
    .slice(0, limit);
}
