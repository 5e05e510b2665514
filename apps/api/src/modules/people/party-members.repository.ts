import { sql } from 'kysely';
import { inScope, likeOf, type Scope, scopeOfOne, type CommunityId } from '../../platform/db/scope.js';
import { gridView, residentView, type ResidentReach } from '../places/index.js';
import { defined, isResidentReadable, type Db, type PageRequest } from './common.repository.js';

/** The party-member register: residents who are party members, with their status, work unit and grid. */
function partyMemberQuery(db: Db) {
  return (
    db
      .selectFrom('party_members as m')
      .innerJoin(residentView(db).as('r'), 'r.id', 'm.resident_id')
      .leftJoin(gridView(db).as('g'), 'g.id', 'm.grid_id')
      // The member's one active branch (a unique index keeps it to one row).
      .leftJoin('party_branch_members as bm', (j) => j.onRef('bm.party_member_id', '=', 'm.id').on('bm.left_on', 'is', null))
      .leftJoin('party_branches as b', 'b.id', 'bm.branch_id')
  );
}
const partyMemberColumns = [
  'm.id',
  'm.community_id',
  'm.resident_id',
  'r.name',
  'r.gender',
  'r.phone_masked',
  'm.status',
  'm.work_unit',
  'm.grid_id',
  'g.name as grid_name',
  'r.compound_name',
  'r.building_name',
  'r.unit_name',
  'r.room_no',
  'm.joined_on',
  'm.archived_at',
  'b.name as branch_name',
  'bm.role as branch_role',
] as const;
const partyMemberSorts = { name: 'r.name', status: 'm.status', joinedOn: 'm.joined_on', gridName: 'g.name', id: 'm.id' } as const;

export interface PartyMemberFilter {
  status?: string;
  gridId?: number;
  includeArchived?: boolean;
  q?: string;
  phoneHash?: string;
  reach: ResidentReach;
}

export async function listPartyMembers(db: Db, communityId: CommunityId, f: PartyMemberFilter, page: PageRequest) {
  let q = partyMemberQuery(db)
    .where('m.community_id', '=', communityId)
    .where(isResidentReadable(db, scopeOfOne(communityId), f.reach, 'm.resident_id'));
  if (!f.includeArchived) q = q.where('m.archived_at', 'is', null);
  if (f.status) q = q.where('m.status', '=', f.status as 'registered');
  if (f.gridId) q = q.where('m.grid_id', '=', f.gridId);
  if (f.q) {
    const like = likeOf(f.q);
    q = q.where((eb) => eb.or([eb('r.name', 'like', like), eb('m.work_unit', 'like', like), ...(f.phoneHash ? [eb('r.phone_hash', '=', f.phoneHash)] : [])]));
  }
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const sortColumn = partyMemberSorts[(page.sort ?? 'id') as keyof typeof partyMemberSorts] ?? 'm.id';
  const rows = await q.select(partyMemberColumns).orderBy(sql.ref(sortColumn), page.order).orderBy('m.id').offset(page.offset).limit(page.limit).execute();
  return { total: Number(total.n), rows };
}
export function findPartyMember(db: Db, scope: Scope, id: number, reach: ResidentReach) {
  return partyMemberQuery(db)
    .select(partyMemberColumns)
    .where('m.id', '=', id)
    .where(inScope(scope, 'm.community_id'))
    .where(isResidentReadable(db, scope, reach, 'm.resident_id'))
    .executeTakeFirst();
}
export type PartyMemberRow = NonNullable<Awaited<ReturnType<typeof findPartyMember>>>;

export function findPartyMemberByResident(db: Db, communityId: CommunityId, residentId: number) {
  return db
    .selectFrom('party_members')
    .select(['id', 'archived_at'])
    .where('community_id', '=', communityId)
    .where('resident_id', '=', residentId)
    .executeTakeFirst();
}
export function insertPartyMember(
  db: Db,
  communityId: CommunityId,
  v: { resident_id: number; status: 'registered' | 'in_service' | 'outside'; work_unit: string | null; grid_id: number | null; joined_on: string | null },
) {
  return db
    .insertInto('party_members')
    .values({ community_id: communityId, ...v })
    .returning('id')
    .executeTakeFirstOrThrow();
}
export function updatePartyMember(
  db: Db,
  communityId: CommunityId,
  id: number,
  v: { status?: 'registered' | 'in_service' | 'outside'; work_unit?: string | null; grid_id?: number | null; joined_on?: string | null; archived_at?: Date },
) {
  const set = defined(v);
  if (!set) return Promise.resolve();
  return db.updateTable('party_members').set(set).where('community_id', '=', communityId).where('id', '=', id).execute();
}
