import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { CommunityId } from '../../platform/db/scope.js';

type Db = Kysely<DB> | Transaction<DB>;

/** What matching reads of one offer (no contact, no personal data). */
export interface ResourceCandidate {
  id: number;
  title: string;
  description: string | null;
  category: string;
  kind: string;
  /** The compound the offer serves (null: the whole community). */
  placeId: number | null;
  providerKind: string;
  providerName: string;
  availability: string | null;
  capacity: number | null;
  priceNote: string | null;
}

/**
 * Active (not archived) offers of a community in id order, a keyset page at a time (afterId), for the matching
 * module (partners/index.ts). Default page 1000, at most 5000.
 */
export async function resourceCandidates(
  db: Db,
  communityId: CommunityId | number,
  opts: { afterId?: number; limit?: number } = {},
): Promise<ResourceCandidate[]> {
  const limit = Math.min(Math.max(opts.limit ?? 1000, 1), 5000);
  let q = db
    .selectFrom('resources')
    .select(['id', 'title', 'description', 'category', 'kind', 'compound_id', 'provider_kind', 'provider_name', 'availability', 'capacity', 'price_note'])
    .where('community_id', '=', communityId)
    .where('archived_at', 'is', null);
  if (opts.afterId !== undefined) q = q.where('id', '>', opts.afterId);
  const rows = await q.orderBy('id').limit(limit).execute();
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    description: r.description,
    category: r.category,
    kind: r.kind,
    placeId: r.compound_id,
    providerKind: r.provider_kind,
    providerName: r.provider_name,
    availability: r.availability,
    capacity: r.capacity,
    priceNote: r.price_note,
  }));
}
