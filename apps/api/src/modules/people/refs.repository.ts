import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';

type Db = Kysely<DB> | Transaction<DB>;
const none = [-1];

/** Small reads other modules make of people (names and references by id, ADR 0016), one query per list of ids. */

export function displayNames(db: Db, ids: number[]) {
  return db
    .selectFrom('accounts')
    .select(['id', 'display_name as name'])
    .where('id', 'in', ids.length ? ids : none)
    .execute();
}
export function teamNames(db: Db, ids: number[]) {
  return db
    .selectFrom('teams')
    .select(['id', 'name'])
    .where('id', 'in', ids.length ? ids : none)
    .execute();
}
/** An active account of the community, by id: someone a ticket can be given to. */
export function activeAccountRef(db: Db, communityId: number, id: number) {
  return db
    .selectFrom('accounts')
    .select(['id', 'display_name as name'])
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .where('is_active', '=', true)
    .executeTakeFirst();
}
export function teamRef(db: Db, communityId: number, id: number) {
  return db.selectFrom('teams').select(['id', 'name']).where('community_id', '=', communityId).where('id', '=', id).executeTakeFirst();
}
/** Active accounts of a community in the roles that can carry a ticket (not admins). */
export function assignableAccounts(db: Db, communityId: number, roles: readonly string[]) {
  return db
    .selectFrom('accounts')
    .select(['id', 'display_name', 'role'])
    .where('community_id', '=', communityId)
    .where('is_active', '=', true)
    .where('role', 'in', [...roles])
    .orderBy('role')
    .orderBy('id')
    .execute();
}
/** Up to `limit` active accounts of a role in a community: enough to tell whether there is exactly one. */
export function someActiveInRole(db: Db, communityId: number, role: string, limit: number) {
  return db
    .selectFrom('accounts')
    .select('id')
    .where('community_id', '=', communityId)
    .where('role', '=', role)
    .where('is_active', '=', true)
    .limit(limit)
    .execute();
}
