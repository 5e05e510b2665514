import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { CommunityId } from '../../platform/db/scope.js';

type Db = Kysely<DB>;

/** The tags a community added to its dictionary (the built-in ones live in the contracts). */
export function listCommunityTags(db: Db, communityId: CommunityId) {
  return db.selectFrom('resident_tags').select(['id', 'label_zh', 'label_en', 'sensitive']).where('community_id', '=', communityId).orderBy('id').execute();
}

export function insertCommunityTag(db: Db, v: { community_id: CommunityId; label_zh: string; label_en: string; sensitive: boolean; created_by: number }) {
  return db.insertInto('resident_tags').values(v).returning('id').executeTakeFirstOrThrow();
}
