import type { Insertable, Kysely, Updateable } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { inScope, type Scope } from '../../platform/db/scope.js';

type Db = Kysely<DB>;

/** A roster import job, within the actor's scope. */
export function findRosterJob(db: Db, scope: Scope, id: number) {
  return db.selectFrom('import_jobs').selectAll().where('id', '=', id).where('kind', '=', 'roster').where(inScope(scope, 'community_id')).executeTakeFirst();
}

/** Any roster import job by id, for the background job that runs it (no actor: the job row was checked when queued). */
export function findImportJobById(db: Db, id: number) {
  return db.selectFrom('import_jobs').selectAll().where('id', '=', id).where('kind', '=', 'roster').executeTakeFirst();
}

export function insertImportJob(db: Db, row: Insertable<DB['import_jobs']>) {
  return db.insertInto('import_jobs').values(row).returning('id').executeTakeFirstOrThrow();
}

/** Moves a ready job to importing; answers undefined when another request got there first. */
export function claimImportJob(db: Db, id: number) {
  return db.updateTable('import_jobs').set({ status: 'importing' }).where('id', '=', id).where('status', '=', 'ready').returning('id').executeTakeFirst();
}

export function updateImportJob(db: Db, id: number, v: Updateable<DB['import_jobs']>) {
  return db.updateTable('import_jobs').set(v).where('id', '=', id).execute();
}
