import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { CommunityId } from '../../platform/db/scope.js';

type Db = Kysely<DB> | Transaction<DB>;

/** The encrypted personal data of these residents, for a 花名册 printed in full by someone who may see it. */
export function residentSecretsOf(db: Db, communityId: CommunityId, ids: readonly number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('residents')
    .select(['id', 'phone_enc', 'id_card_enc', 'sensitive_enc'])
    .where('community_id', '=', communityId)
    .where(sql<boolean>`id = any(${sql.val([...ids])}::bigint[])`)
    .execute();
}
