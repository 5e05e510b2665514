import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { CommunityId } from '../../platform/db/scope.js';

type Db = Kysely<DB> | Transaction<DB>;

/** A partner of the community with its kind (a merchant's offers are where perks attach later). */
export function partnerInCommunity(db: Db, communityId: CommunityId, id: number) {
  return db
    .selectFrom('partners')
    .select(['id', 'name', 'kind', 'archived_at'])
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function partnerNamesIn(db: Db, ids: number[]) {
  return db
    .selectFrom('partners')
    .select(['id', 'name'])
    .where('id', 'in', ids.length ? ids : [-1])
    .execute();
}
