import { sql, type Insertable, type Kysely, type Updateable } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { inScope, type CommunityId, type Scope } from '../../platform/db/scope.js';

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

/** One roster import at a time per community: two imports of the same roster never both create a resident. */
export async function lockCommunityRoster(db: Db, communityId: number) {
  await sql`select pg_advisory_xact_lock(${sql.lit(41_000)}, ${sql.val(communityId)}::int)`.execute(db);
}

/** The registered (not archived) residents of a community, with what a re-import compares. */
export function residentsToMatch(db: Db, communityId: CommunityId) {
  return db
    .selectFrom('residents')
    .select(['id', 'name', 'gender', 'birth_date', 'household_id', 'phone_hash', 'id_card_hash', 'hukou_local', 'tags', 'relation', 'notes', 'sensitive_enc'])
    .where('community_id', '=', communityId)
    .where('archived_at', 'is', null)
    .execute();
}
export type MatchableResident = Awaited<ReturnType<typeof residentsToMatch>>[number];

export function setHouseholdType(db: Db, communityId: CommunityId, id: number, householdType: string) {
  return db.updateTable('households').set({ household_type: householdType }).where('community_id', '=', communityId).where('id', '=', id).execute();
}
