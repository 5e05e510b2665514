import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { CommunityId } from '../../platform/db/scope.js';

type Db = Kysely<DB> | Transaction<DB>;

/** SQL of the small reads other modules make of care (index.ts shapes them). */

export function recipientRows(db: Db, communityId: CommunityId, ids: readonly number[]) {
  return db
    .selectFrom('care_recipients')
    .select(['id', 'resident_id', 'tier', 'status'])
    .where('community_id', '=', communityId)
    .where(sql<boolean>`id = any(${sql.val([...ids, -1])}::bigint[])`)
    .execute();
}
export function activePairingAccounts(db: Db, communityId: CommunityId, recipientId: number) {
  return db
    .selectFrom('care_pairings')
    .select(['id', 'account_id', 'helper_kind', 'helper_name', 'ladder_order'])
    .where('community_id', '=', communityId)
    .where('recipient_id', '=', recipientId)
    .where('active', '=', true)
    .where('account_id', 'is not', null)
    .orderBy('ladder_order')
    .orderBy('id')
    .execute();
}
export function familyContactsOf(db: Db, communityId: CommunityId, recipientId: number) {
  return db.selectFrom('care_recipients').select(['family_contacts']).where('community_id', '=', communityId).where('id', '=', recipientId).executeTakeFirst();
}
