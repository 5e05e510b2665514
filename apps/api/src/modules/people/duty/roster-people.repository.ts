import type { CommunityId } from '../../../platform/db/scope.js';
import { residentView } from '../../places/index.js';
import type { Db } from '../common.repository.js';

/** SQL of who can stand on a shift: squads, their members and the accounts they log in with (community first). */

const none = [-1];

export function teamNamesIn(db: Db, cid: CommunityId, ids: number[]) {
  return db
    .selectFrom('teams')
    .select(['id', 'name'])
    .where('community_id', '=', cid)
    .where('id', 'in', ids.length ? ids : none)
    .execute();
}
/** Active accounts of the community by id: display name and the resident they are, if any. */
export function accountsIn(db: Db, cid: CommunityId, ids: number[]) {
  return db
    .selectFrom('accounts')
    .select(['id', 'display_name', 'resident_id', 'role'])
    .where('community_id', '=', cid)
    .where('is_active', '=', true)
    .where('id', 'in', ids.length ? ids : none)
    .execute();
}
export function accountNamesIn(db: Db, ids: number[]) {
  return db
    .selectFrom('accounts')
    .select(['id', 'display_name'])
    .where('id', 'in', ids.length ? ids : none)
    .execute();
}
/** The resident an account is (for matching a squad member's assignment to the person who logs in). */
export async function residentOfAccount(db: Db, cid: CommunityId, accountId: number): Promise<number | null> {
  const r = await db.selectFrom('accounts').select('resident_id').where('community_id', '=', cid).where('id', '=', accountId).executeTakeFirst();
  return r?.resident_id ?? null;
}
/** Current members of a team with the active account each has in the community (null: no login yet). */
export function teamMembersWithAccounts(db: Db, cid: CommunityId, teamId: number) {
  return db
    .selectFrom('team_members as tm')
    .innerJoin(residentView(db).as('r'), 'r.id', 'tm.resident_id')
    .select(['tm.resident_id', 'r.name'])
    .select((eb) =>
      eb
        .selectFrom('accounts as a')
        .select('a.id')
        .whereRef('a.resident_id', '=', 'tm.resident_id')
        .where('a.community_id', '=', cid)
        .where('a.is_active', '=', true)
        .orderBy('a.id')
        .limit(1)
        .as('account_id'),
    )
    .where('tm.community_id', '=', cid)
    .where('tm.team_id', '=', teamId)
    .where('tm.left_at', 'is', null)
    .orderBy('tm.is_leader', 'desc')
    .orderBy('tm.id')
    .execute();
}
