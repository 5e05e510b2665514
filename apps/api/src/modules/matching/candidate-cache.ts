import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { CommunityId } from '../../platform/db/scope.js';
import { availableCandidates, indexState } from './matching.repository.js';
import { refreshMatchIndex } from './refresh.js';
import type { IndexedCandidate } from './rank.js';

/**
 * Each process keeps a copy of a community's index (ADR 0038): a suggestion then costs one primary-key read (is the
 * copy still the one the database holds?) and scoring in memory, a few milliseconds over 15,000 candidates. The copy
 * is read again, in one set-based query, whenever match_index_state says the index was rebuilt. At most MAX
 * communities are kept, the least recently asked dropped first. One set of copies per database handle, so test files
 * sharing a process (ADR 0051) and benches never read another database's community 1.
 */
const MAX = 64;
const byDb = new WeakMap<object, Map<number, { refreshedAt: number; rows: IndexedCandidate[] }>>();

export async function candidatesOf(db: Kysely<DB>, communityId: CommunityId): Promise<IndexedCandidate[]> {
  let state = await indexState(db, communityId);
  if (!state) {
    await refreshMatchIndex(db, communityId);
    state = await indexState(db, communityId);
  }
  const at = new Date(state!.refreshed_at).getTime();
  let copies = byDb.get(db);
  if (!copies) byDb.set(db, (copies = new Map()));
  const hit = copies.get(communityId);
  if (hit && hit.refreshedAt === at) {
    copies.delete(communityId);
    copies.set(communityId, hit);
    return hit.rows;
  }
  const rows = (await availableCandidates(db, communityId)).map((r) => ({
    kind: r.kind,
    refId: r.ref_id,
    name: r.name,
    accountId: r.account_id,
    categories: r.categories,
    terms: r.terms,
    compoundId: r.compound_id,
    gridId: r.grid_id,
  }));
  copies.delete(communityId);
  copies.set(communityId, { refreshedAt: at, rows });
  while (copies.size > MAX) copies.delete(copies.keys().next().value!);
  return rows;
}
