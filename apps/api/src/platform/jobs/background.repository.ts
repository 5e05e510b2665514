import { sql, type Kysely, type Selectable } from 'kysely';
import type { BackgroundJobsTable, DB } from '../db/schema.js';

type Db = Kysely<DB>;
export type BackgroundJobRow = Selectable<BackgroundJobsTable>;

export function insertJob(
  db: Db,
  v: { kind: string; subjectId: number; communityId: number | null; actorId: number | null; total?: number | null; maxAttempts?: number },
) {
  return db
    .insertInto('background_jobs')
    .values({
      kind: v.kind,
      subject_id: v.subjectId,
      community_id: v.communityId,
      actor_id: v.actorId,
      total: v.total ?? null,
      max_attempts: v.maxAttempts ?? 3,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export function findJobOf(db: Db, kind: string, subjectId: number) {
  return db.selectFrom('background_jobs').selectAll().where('kind', '=', kind).where('subject_id', '=', subjectId).executeTakeFirst();
}

/**
 * Leases queued jobs of these kinds, and running ones whose lease ran out (their process died) while attempts are left.
 * SKIP LOCKED: processes claiming at the same moment take different rows.
 */
export async function claimJobs(
  db: Db,
  v: { kinds: string[]; owner: string; now: Date; until: Date; limit: number; busyIds: number[] },
): Promise<BackgroundJobRow[]> {
  if (v.kinds.length === 0 || v.limit <= 0) return [];
  const { rows } = await sql<BackgroundJobRow>`
    update background_jobs
    set status = 'running', locked_by = ${v.owner}, locked_until = ${v.until}, heartbeat_at = ${v.now}, attempts = attempts + 1,
      started_at = coalesce(started_at, ${v.now}), error = null
    where id in (
      select id from background_jobs
      where kind in (${sql.join(v.kinds)})
        and (status = 'queued' or (status = 'running' and locked_until <= ${v.now}))
        and attempts < max_attempts
        ${v.busyIds.length ? sql`and id not in (${sql.join(v.busyIds)})` : sql``}
      order by id limit ${v.limit}
      for update skip locked
    )
    returning *`.execute(db);
  return rows.sort((a, b) => a.id - b.id);
}

/** Running jobs whose process died on their last attempt: failed, with the reason. Answers them for their module to close. */
export async function failAbandonedJobs(db: Db, now: Date, busyIds: number[]): Promise<BackgroundJobRow[]> {
  const { rows } = await sql<BackgroundJobRow>`
    update background_jobs
    set status = 'failed', finished_at = ${now}, locked_by = null, locked_until = null,
      error = 'the process running it stopped ' || attempts || ' time(s); no attempt left'
    where id in (
      select id from background_jobs where status = 'running' and locked_until <= ${now} and attempts >= max_attempts
        ${busyIds.length ? sql`and id not in (${sql.join(busyIds)})` : sql``}
      for update skip locked
    )
    returning *`.execute(db);
  return rows;
}

export function extendLeases(db: Db, owner: string, ids: number[], now: Date, until: Date) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .updateTable('background_jobs')
    .set({ locked_until: until, heartbeat_at: now })
    .where('id', 'in', ids)
    .where('locked_by', '=', owner)
    .where('status', '=', 'running')
    .returning('id')
    .execute();
}

export function recordProgress(db: Db, id: number, owner: string, progress: number, total: number | null) {
  return db
    .updateTable('background_jobs')
    .set((eb) => ({ progress: sql<number>`greatest(${eb.ref('progress')}, ${progress})`, total: total ?? eb.ref('total') }))
    .where('id', '=', id)
    .where('locked_by', '=', owner)
    .where('status', '=', 'running')
    .execute();
}

export function finishJob(
  db: Db,
  id: number,
  owner: string,
  v: { status: 'done' | 'failed'; error?: string | null; resultFile?: string | null; progress?: number; now: Date },
) {
  return db
    .updateTable('background_jobs')
    .set((eb) => ({
      status: v.status,
      error: v.error ?? null,
      result_file: v.resultFile ?? null,
      finished_at: v.now,
      locked_by: null,
      locked_until: null,
      progress: v.progress === undefined ? eb.ref('progress') : sql<number>`greatest(${eb.ref('progress')}, ${v.progress})`,
    }))
    .where('id', '=', id)
    .where('locked_by', '=', owner)
    .returning('id')
    .executeTakeFirst();
}
