import { helpCategories, partnerKindLabels, type HelpCategory } from '@linli/contracts';
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { CommunityId } from '../../platform/db/scope.js';
import { trustedCommunityId } from '../../platform/access/trusted-scope.js';
import { placeRefs } from '../places/index.js';
import { peopleRefs } from '../people/index.js';
import { partnerRefs, resourceCandidates } from '../partners/index.js';
import { categoriesOf, matchTerms } from './synonyms.js';
import { indexState, replaceCandidates, staleIndexes, type CandidateValues } from './matching.repository.js';

/** How old an index may be before the periodic refresh rebuilds it. */
export const STALE_MS = 5 * 60_000;
const teamKindWords: Record<string, string> = { pioneer: '党员先锋', volunteer: '志愿服务', arts: '文艺', squad: '巡逻', heads: '楼栋长' };
// Volunteers and volunteer teams do everyday help even when their words do not say so.
const everyday: HelpCategory[] = ['errands', 'companionship', 'cleaning'];

const uniq = <T>(xs: readonly T[]) => [...new Set(xs)];
function described(text: string, extra: readonly string[] = []) {
  const terms = matchTerms(text);
  return { terms, categories: uniq([...categoriesOf(terms), ...extra]) };
}

/**
 * Rebuilds a community's matching index from its owners' read models (partners, resources, teams, party members,
 * volunteers): jieba terms and synonyms are computed here, once, not at each suggestion (ADR 0038).
 */
export async function refreshMatchIndex(db: Kysely<DB>, communityId: CommunityId): Promise<number> {
  const rows: CandidateValues[] = [];
  for (const p of await partnerRefs.matchablePartners(db, communityId)) {
    const d = described(`${p.name} ${partnerKindLabels['zh-CN'][p.kind as 'other'] ?? ''} ${p.description ?? ''}`);
    rows.push({ kind: 'partner', ref_id: p.id, name: p.name, account_id: null, ...d, compound_id: null, grid_id: null, available: true });
  }
  const resources = [];
  for (let after: number | undefined; ;) {
    const page = await resourceCandidates(db, communityId, { afterId: after, limit: 5000 });
    resources.push(...page);
    if (page.length < 5000) break;
    after = page[page.length - 1]!.id;
  }
  const compoundGrid = new Map(
    (await placeRefs.compoundGrids(db, communityId, uniq(resources.map((r) => r.placeId).filter((x): x is number => x != null)))).map((c) => [c.id, c.grid_id]),
  );
  for (const r of resources) {
    const own = (helpCategories as readonly string[]).includes(r.category) ? [r.category as HelpCategory] : [];
    const d = described(`${r.title} ${r.category} ${r.description ?? ''} ${r.providerName}`, own);
    rows.push({
      kind: 'resource',
      ref_id: r.id,
      name: `${r.title}（${r.providerName}）`,
      account_id: null,
      ...d,
      compound_id: r.placeId,
      grid_id: r.placeId != null ? (compoundGrid.get(r.placeId) ?? null) : null,
      available: r.capacity == null || r.capacity > 0,
    });
  }
  const people = await peopleRefs.matchablePeople(db, communityId);
  const residentIds = uniq([
    ...people.partyMembers.map((m) => m.resident_id),
    ...people.volunteers.map((v) => v.resident_id).filter((x): x is number => x != null),
    ...people.teams.map((t) => t.leader_resident_id).filter((x): x is number => x != null),
  ]);
  const residents = new Map((await placeRefs.residentPlaces(db, communityId, residentIds)).map((r) => [r.id, r]));
  for (const t of people.teams) {
    const d = described(`${t.name} ${teamKindWords[t.kind] ?? ''} ${t.description ?? ''}`, t.kind === 'volunteer' ? everyday : []);
    const leader = t.leader_resident_id != null ? residents.get(t.leader_resident_id) : undefined;
    rows.push({
      kind: 'team',
      ref_id: t.id,
      name: t.name,
      account_id: t.account_id,
      ...d,
      compound_id: leader?.compound_id ?? null,
      grid_id: leader?.grid_id ?? null,
      available: true,
    });
  }
  for (const m of people.partyMembers) {
    const r = residents.get(m.resident_id);
    if (!r || r.archived_at) continue;
    const d = described(m.work_unit ?? '', ['companionship']);
    rows.push({
      kind: 'party_member',
      ref_id: m.id,
      name: r.name,
      account_id: m.account_id,
      ...d,
      compound_id: r.compound_id,
      grid_id: m.grid_id ?? r.grid_id,
      available: m.status !== 'outside',
    });
  }
  for (const v of people.volunteers) {
    const r = v.resident_id != null ? residents.get(v.resident_id) : undefined;
    rows.push({
      kind: 'volunteer',
      ref_id: v.id,
      name: v.display_name,
      account_id: v.id,
      terms: [],
      categories: everyday,
      compound_id: r?.compound_id ?? null,
      grid_id: r?.grid_id ?? null,
      available: true,
    });
  }
  // One candidate per (kind, ref): a party member with two accounts is still one.
  const seen = new Set<string>();
  const unique = rows.filter((r) => !seen.has(`${r.kind}:${r.ref_id}`) && seen.add(`${r.kind}:${r.ref_id}`));
  await db.transaction().execute((trx) => replaceCandidates(trx, communityId, unique));
  return unique.length;
}

/** Builds the index the first time a community asks. */
export async function ensureMatchIndex(db: Kysely<DB>, communityId: CommunityId) {
  if (!(await indexState(db, communityId))) await refreshMatchIndex(db, communityId);
}

/** The periodic refresh: every index older than STALE_MS is rebuilt (communities that never asked have none). */
export async function refreshStaleIndexes(db: Kysely<DB>, now: Date) {
  const stale = await staleIndexes(db, new Date(now.getTime() - STALE_MS));
  for (const s of stale) await refreshMatchIndex(db, trustedCommunityId(s.community_id));
  return stale.length;
}
