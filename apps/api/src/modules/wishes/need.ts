import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { Scope } from '../../platform/db/scope.js';
import { findWish } from './wishes.repository.js';

/** What the matching module reads of a wish: its text, category and the compound (a place id) it is in. */
export async function wishNeed(
  db: Kysely<DB>,
  scope: Scope,
  wishId: number,
): Promise<{ text: string; category: string | null; placeId: number | null; communityId: number } | undefined> {
  const w = await findWish(db, scope, wishId);
  return w ? { text: w.text, category: w.category, placeId: w.compound_id, communityId: w.community_id } : undefined;
}
