import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { CommunityId } from '../../platform/db/scope.js';

type Db = Kysely<DB> | Transaction<DB>;

/** Small reads other modules make of partners (ADR 0016). */

export function findPartnerRef(db: Db, communityId: CommunityId, id: number) {
  return db.selectFrom('partners').select(['id', 'name']).where('community_id', '=', communityId).where('id', '=', id).executeTakeFirst();
}
export function partnerNames(db: Db, ids: number[]) {
  return db
    .selectFrom('partners')
    .select(['id', 'name'])
    .where('id', 'in', ids.length ? ids : [-1])
    .execute();
}

/** A community's active partners with what matching indexes of them (ADR 0038). */
export function matchablePartners(db: Db, communityId: CommunityId) {
  return db
    .selectFrom('partners')
    .select(['id', 'name', 'kind', 'description', 'address'])
    .where('community_id', '=', communityId)
    .where('archived_at', 'is', null)
    .execute();
}
