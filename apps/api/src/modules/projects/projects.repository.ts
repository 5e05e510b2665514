import { sql, type Insertable, type Kysely, type Transaction, type Updateable } from 'kysely';
import type { DB, ProjectsTable } from '../../platform/db/schema.js';
import type { CommunityId } from '../../platform/db/scope.js';

type Db = Kysely<DB> | Transaction<DB>;
const anyOf = (ids: readonly number[]) => sql<boolean>`project_id = any(${sql.val([...ids, -1])}::bigint[])`;

/** SQL of 为民办实事 projects (ADR 0047); every call scoped to one community. */
export function projectRows(db: Db, cid: CommunityId, status?: string) {
  let q = db.selectFrom('projects').selectAll().where('community_id', '=', cid);
  if (status) q = q.where('status', '=', status as ProjectsTable['status']['__select__']);
  return q.orderBy('id', 'desc').limit(500).execute();
}
export function projectById(db: Db, cid: CommunityId, id: number) {
  return db.selectFrom('projects').selectAll().where('community_id', '=', cid).where('id', '=', id).executeTakeFirst();
}
export function projectForUpdate(trx: Transaction<DB>, cid: CommunityId, id: number) {
  return trx.selectFrom('projects').selectAll().where('community_id', '=', cid).where('id', '=', id).forUpdate().executeTakeFirst();
}
export function insertProject(db: Db, row: Insertable<ProjectsTable>) {
  return db.insertInto('projects').values(row).returning('id').executeTakeFirstOrThrow();
}
export function updateProject(db: Db, cid: CommunityId, id: number, patch: Updateable<ProjectsTable>) {
  return db
    .updateTable('projects')
    .set({ ...patch, updated_at: sql<Date>`now()` })
    .where('community_id', '=', cid)
    .where('id', '=', id)
    .execute();
}
export function insertFunding(db: Db, rows: Array<{ community_id: number; project_id: number; source: string; amount_fen: number }>) {
  return rows.length ? db.insertInto('project_funding').values(rows).execute() : Promise.resolve([]);
}
export function insertMilestone(db: Db, row: { community_id: number; project_id: number; title: string; due_on: string | null }) {
  return db.insertInto('project_milestones').values(row).returning('id').executeTakeFirstOrThrow();
}
export function markMilestoneDone(db: Db, cid: CommunityId, projectId: number, id: number) {
  return db
    .updateTable('project_milestones')
    .set({ done_at: sql<Date>`now()` })
    .where('community_id', '=', cid)
    .where('project_id', '=', projectId)
    .where('id', '=', id)
    .where('done_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
}
export function insertClaim(db: Db, row: Insertable<DB['project_claims']>) {
  return db.insertInto('project_claims').values(row).returning('id').executeTakeFirstOrThrow();
}
export function insertRating(db: Db, row: Insertable<DB['project_ratings']>) {
  return db.insertInto('project_ratings').values(row).returning('id').executeTakeFirstOrThrow();
}
export function insertEvent(db: Db, row: Insertable<DB['project_events']>) {
  return db.insertInto('project_events').values(row).execute();
}

/** Funding, milestones, claims and rating summaries of a page of projects, one query each. */
export async function detailsOf(db: Db, cid: CommunityId, ids: readonly number[]) {
  const [funding, milestones, claims, ratings] = await Promise.all([
    db.selectFrom('project_funding').selectAll().where('community_id', '=', cid).where(anyOf(ids)).orderBy('id').execute(),
    db.selectFrom('project_milestones').selectAll().where('community_id', '=', cid).where(anyOf(ids)).orderBy('id').execute(),
    db.selectFrom('project_claims').selectAll().where('community_id', '=', cid).where(anyOf(ids)).orderBy('id').execute(),
    db
      .selectFrom('project_ratings')
      .select(['project_id', sql<number>`count(*)::int`.as('n'), sql<number>`avg(rating)::float8`.as('avg')])
      .where('community_id', '=', cid)
      .where(anyOf(ids))
      .groupBy('project_id')
      .execute(),
  ]);
  return { funding, milestones, claims, ratings };
}

/** Projects in progress now and completed in [from, to): the dashboard. */
export async function dashboardCounts(db: Db, cid: CommunityId, from: Date, to: Date) {
  const row = await db
    .selectFrom('projects')
    .select([
      sql<number>`count(*) filter (where status in ('claimed', 'in_progress'))::int`.as('in_progress'),
      sql<number>`count(*) filter (where completed_at >= ${from} and completed_at < ${to})::int`.as('completed'),
    ])
    .where('community_id', '=', cid)
    .executeTakeFirstOrThrow();
  return { inProgress: Number(row.in_progress), completedThisYear: Number(row.completed) };
}
