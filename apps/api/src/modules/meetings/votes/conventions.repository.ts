import type { Insertable, Kysely, Transaction } from 'kysely';
import type { ConventionVersionsTable, DB } from '../../../platform/db/schema.js';
import type { CommunityId } from '../../../platform/db/scope.js';

type Db = Kysely<DB> | Transaction<DB>;

// SQL of conventions (小区公约) and their versions (ADR 0046).

export function insertConvention(trx: Transaction<DB>, row: { community_id: number; compound_id: number | null; title: string; created_by: number }) {
  return trx.insertInto('conventions').values(row).returning('id').executeTakeFirstOrThrow();
}
export function insertVersion(trx: Transaction<DB>, row: Insertable<ConventionVersionsTable>) {
  return trx.insertInto('convention_versions').values(row).returning('id').executeTakeFirstOrThrow();
}
export function listConventions(db: Db, communityId: CommunityId) {
  return db.selectFrom('conventions').selectAll().where('community_id', '=', communityId).where('archived_at', 'is', null).orderBy('id').execute();
}
export function findConvention(db: Db, communityId: CommunityId, id: number) {
  return db.selectFrom('conventions').selectAll().where('community_id', '=', communityId).where('id', '=', id).executeTakeFirst();
}
/** A convention by id alone: the phone reads a convention as a public notice. */
export function findPublicConvention(db: Db, id: number) {
  return db.selectFrom('conventions').selectAll().where('id', '=', id).where('archived_at', 'is', null).executeTakeFirst();
}
export function versionsOf(db: Db, conventionIds: number[]) {
  return db
    .selectFrom('convention_versions')
    .selectAll()
    .where('convention_id', 'in', conventionIds.length ? conventionIds : [-1])
    .orderBy('convention_id')
    .orderBy('version_no')
    .execute();
}
export function lockConvention(trx: Transaction<DB>, communityId: CommunityId, id: number) {
  return trx.selectFrom('conventions').selectAll().where('community_id', '=', communityId).where('id', '=', id).forUpdate().executeTakeFirst();
}
export async function nextVersionNo(trx: Transaction<DB>, conventionId: number) {
  const r = await trx
    .selectFrom('convention_versions')
    .select((eb) => eb.fn.max('version_no').as('n'))
    .where('convention_id', '=', conventionId)
    .executeTakeFirst();
  return Number(r?.n ?? 0) + 1;
}
export function findVersion(db: Db, communityId: CommunityId, conventionId: number, id: number) {
  return db
    .selectFrom('convention_versions')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('convention_id', '=', conventionId)
    .where('id', '=', id)
    .executeTakeFirst();
}
export function versionOfVote(db: Db, communityId: CommunityId, voteId: number) {
  return db.selectFrom('convention_versions').selectAll().where('community_id', '=', communityId).where('vote_id', '=', voteId).executeTakeFirst();
}
export function setVersionVote(trx: Transaction<DB>, id: number, voteId: number) {
  return trx.updateTable('convention_versions').set({ vote_id: voteId, status: 'voting' }).where('id', '=', id).execute();
}
/** The version a passed vote adopted becomes current; the one before is superseded. */
export async function adoptVersion(trx: Transaction<DB>, conventionId: number, versionId: number, at: Date) {
  await trx
    .updateTable('convention_versions')
    .set({ status: 'superseded' })
    .where('convention_id', '=', conventionId)
    .where('status', '=', 'current')
    .execute();
  await trx.updateTable('convention_versions').set({ status: 'current', adopted_at: at }).where('id', '=', versionId).execute();
}
export function rejectVersion(trx: Transaction<DB>, versionId: number) {
  return trx.updateTable('convention_versions').set({ status: 'rejected' }).where('id', '=', versionId).execute();
}
