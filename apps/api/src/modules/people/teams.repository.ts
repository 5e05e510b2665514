import { sql } from 'kysely';
import { inScope, likeOf, type Scope, scopeOfOne, type CommunityId } from '../../platform/db/scope.js';
import { residentView, type ResidentReach } from '../places/index.js';
import { defined, isResidentReadable, type Db, type PageRequest } from './common.repository.js';

/** Teams (pioneer, volunteer, arts …) and their members, current and past. */
function teamQuery(db: Db) {
  return db
    .selectFrom('teams as t')
    .select([
      't.id',
      't.community_id',
      't.name',
      't.kind',
      't.description',
      't.archived_at',
      (eb) =>
        eb
          .selectFrom('team_members as tm')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('tm.team_id', '=', 't.id')
          .where('tm.left_at', 'is', null)
          .as('member_count'),
    ]);
}
const teamSorts = { name: 't.name', kind: 't.kind', memberCount: 'member_count', id: 't.id' } as const;

export async function listTeams(db: Db, communityId: CommunityId, f: { kind?: string; includeArchived?: boolean; q?: string }, page: PageRequest) {
  let q = db.selectFrom('teams as t').where('t.community_id', '=', communityId);
  if (!f.includeArchived) q = q.where('t.archived_at', 'is', null);
  if (f.kind) q = q.where('t.kind', '=', f.kind as 'pioneer');
  if (f.q) {
    const like = likeOf(f.q);
    q = q.where((eb) => eb.or([eb('t.name', 'like', like), eb('t.description', 'like', like)]));
  }
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  let rowsQuery = teamQuery(db).where('t.community_id', '=', communityId);
  if (!f.includeArchived) rowsQuery = rowsQuery.where('t.archived_at', 'is', null);
  if (f.kind) rowsQuery = rowsQuery.where('t.kind', '=', f.kind as 'pioneer');
  if (f.q) {
    const like = likeOf(f.q);
    rowsQuery = rowsQuery.where((eb) => eb.or([eb('t.name', 'like', like), eb('t.description', 'like', like)]));
  }
  const sortColumn = teamSorts[(page.sort ?? 'id') as keyof typeof teamSorts] ?? 't.id';
  const rows = await rowsQuery.orderBy(sql.ref(sortColumn), page.order).orderBy('t.id').offset(page.offset).limit(page.limit).execute();
  return { total: Number(total.n), rows };
}
export function findTeam(db: Db, scope: Scope, id: number) {
  return teamQuery(db).where('t.id', '=', id).where(inScope(scope, 't.community_id')).executeTakeFirst();
}
export type TeamRow = NonNullable<Awaited<ReturnType<typeof findTeam>>>;

/** The current leaders of the given teams in the order they joined: a resident's name, or a volunteer's id to name. */
export async function leadersOf(db: Db, communityId: CommunityId, teamIds: number[]) {
  if (teamIds.length === 0) return [];
  return db
    .selectFrom('team_members as tm')
    .leftJoin(residentView(db).as('r'), 'r.id', 'tm.resident_id')
    .select(['tm.team_id', 'r.name', 'tm.volunteer_id'])
    .where('tm.community_id', '=', communityId)
    .where(sql<boolean>`tm.team_id = any(${sql.val(teamIds)}::bigint[])`)
    .where('tm.is_leader', '=', true)
    .where('tm.left_at', 'is', null)
    .orderBy('tm.joined_at')
    .orderBy('tm.id')
    .execute();
}

/**
 * Current members; `is_readable`: the reader may read this resident's record (else the service hides the phone). A
 * volunteer member has no resident row here (name null): the service names them through the volunteers module.
 */
export function listTeamMembers(db: Db, communityId: CommunityId, teamId: number, reach: ResidentReach) {
  return db
    .selectFrom('team_members as tm')
    .leftJoin(residentView(db).as('r'), 'r.id', 'tm.resident_id')
    .select(['tm.id', 'tm.resident_id', 'tm.volunteer_id', 'r.name', 'r.phone_masked', 'tm.is_leader', 'tm.joined_at'])
    .select(isResidentReadable(db, scopeOfOne(communityId), reach, 'tm.resident_id').as('is_readable'))
    .where('tm.community_id', '=', communityId)
    .where('tm.team_id', '=', teamId)
    .where('tm.left_at', 'is', null)
    .orderBy('tm.is_leader', 'desc')
    .orderBy('tm.joined_at')
    .orderBy('tm.id')
    .execute();
}
export function findTeamMember(db: Db, communityId: CommunityId, teamId: number, id: number) {
  return db
    .selectFrom('team_members')
    .select(['id', 'resident_id', 'volunteer_id', 'is_leader', 'left_at'])
    .where('community_id', '=', communityId)
    .where('team_id', '=', teamId)
    .where('id', '=', id)
    .executeTakeFirst();
}
export function findActiveMembership(db: Db, communityId: CommunityId, teamId: number, who: { residentId?: number; volunteerId?: number }) {
  return db
    .selectFrom('team_members')
    .select('id')
    .where('community_id', '=', communityId)
    .where('team_id', '=', teamId)
    .where(who.volunteerId != null ? 'volunteer_id' : 'resident_id', '=', who.volunteerId ?? who.residentId ?? 0)
    .where('left_at', 'is', null)
    .executeTakeFirst();
}
export function insertTeam(
  db: Db,
  communityId: CommunityId,
  v: { name: string; kind: 'pioneer' | 'volunteer' | 'arts' | 'squad' | 'heads'; description: string | null },
) {
  return db
    .insertInto('teams')
    .values({ community_id: communityId, ...v })
    .returning('id')
    .executeTakeFirstOrThrow();
}
export function updateTeam(
  db: Db,
  communityId: CommunityId,
  id: number,
  v: { name?: string; kind?: 'pioneer' | 'volunteer' | 'arts' | 'squad' | 'heads'; description?: string | null },
) {
  const set = defined(v);
  if (!set) return Promise.resolve();
  return db.updateTable('teams').set(set).where('community_id', '=', communityId).where('id', '=', id).execute();
}
export function insertTeamMember(
  db: Db,
  communityId: CommunityId,
  v: { team_id: number; resident_id: number | null; volunteer_id: number | null; is_leader: boolean },
) {
  return db
    .insertInto('team_members')
    .values({ community_id: communityId, ...v })
    .returning('id')
    .executeTakeFirstOrThrow();
}
export function markTeamMemberLeft(db: Db, communityId: CommunityId, id: number, at: Date) {
  return db
    .updateTable('team_members')
    .set({ left_at: at })
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .where('left_at', 'is', null)
    .executeTakeFirst();
}
