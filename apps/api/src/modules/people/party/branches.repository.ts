import type { CommunityId } from '../../../platform/db/scope.js';
import { residentView } from '../../places/index.js';
import type { Db } from '../common.repository.js';

// SQL of compound party branches (小区党支部, ADR 0043): the people module's own tables, every call scoped by community.

export type BranchRole = 'secretary' | 'committee' | 'member';

export function listBranches(db: Db, communityId: CommunityId) {
  return db
    .selectFrom('party_branches')
    .select(['id', 'community_id', 'name', 'compound_id', 'founded_on'])
    .where('community_id', '=', communityId)
    .where('archived_at', 'is', null)
    .orderBy('name')
    .orderBy('id')
    .execute();
}
export type BranchRow = Awaited<ReturnType<typeof listBranches>>[number];

export function findBranch(db: Db, communityId: CommunityId, id: number) {
  return db
    .selectFrom('party_branches')
    .select(['id', 'community_id', 'name', 'compound_id', 'founded_on'])
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .where('archived_at', 'is', null)
    .executeTakeFirst();
}

export function insertBranch(db: Db, communityId: CommunityId, v: { name: string; compound_id: number | null; founded_on: string | null; created_by: number }) {
  return db
    .insertInto('party_branches')
    .values({ ...v, community_id: communityId })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** The active members of the given branches with their names, the secretary first, then committee, then by joining. */
export function activeMembersOf(db: Db, communityId: CommunityId, branchIds: readonly number[]) {
  if (branchIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('party_branch_members as bm')
    .innerJoin('party_members as m', 'm.id', 'bm.party_member_id')
    .innerJoin(residentView(db).as('r'), 'r.id', 'm.resident_id')
    .select(['bm.id', 'bm.branch_id', 'bm.party_member_id', 'bm.role', 'bm.joined_on', 'r.name'])
    .where('bm.community_id', '=', communityId)
    .where('bm.branch_id', 'in', [...branchIds])
    .where('bm.left_on', 'is', null)
    .orderBy((eb) => eb.case().when('bm.role', '=', 'secretary').then(0).when('bm.role', '=', 'committee').then(1).else(2).end())
    .orderBy('bm.id')
    .execute();
}

/** The member's active branch membership, if any (in any branch of the community). */
export function activeMembership(db: Db, communityId: CommunityId, partyMemberId: number) {
  return db
    .selectFrom('party_branch_members')
    .select(['id', 'branch_id'])
    .where('community_id', '=', communityId)
    .where('party_member_id', '=', partyMemberId)
    .where('left_on', 'is', null)
    .executeTakeFirst();
}

/** The branch's active secretary, if any. */
export function activeSecretary(db: Db, communityId: CommunityId, branchId: number) {
  return db
    .selectFrom('party_branch_members')
    .select(['id', 'party_member_id'])
    .where('community_id', '=', communityId)
    .where('branch_id', '=', branchId)
    .where('role', '=', 'secretary')
    .where('left_on', 'is', null)
    .executeTakeFirst();
}

export function insertMembership(
  db: Db,
  communityId: CommunityId,
  v: { branch_id: number; party_member_id: number; role: BranchRole; joined_on: string; created_by: number },
) {
  return db
    .insertInto('party_branch_members')
    .values({ ...v, community_id: communityId })
    .returning('id')
    .executeTakeFirstOrThrow();
}
