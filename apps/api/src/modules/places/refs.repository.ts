import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';

type Db = Kysely<DB> | Transaction<DB>;
const none = [-1];

/**
 * Small reads other modules make of places (names and references by id, ADR 0016): they name no table of places
 * themselves. Lists of ids are read in one query each, never one per row.
 */

export function communityByCode(db: Db, code: string) {
  return db.selectFrom('communities').select(['id', 'name', 'code']).where('code', '=', code).executeTakeFirst();
}
export function communitiesOfSubdistrict(db: Db, subdistrictId: number) {
  return db.selectFrom('communities').select(['id', 'name']).where('subdistrict_id', '=', subdistrictId).orderBy('id').execute();
}
/** A community's compounds by name; `openOnly` leaves archived ones out (what a resident may choose). */
export function compoundsOf(db: Db, communityId: number, openOnly = false) {
  return db
    .selectFrom('compounds')
    .select(['id', 'name'])
    .where('community_id', '=', communityId)
    .$if(openOnly, (q) => q.where('archived_at', 'is', null))
    .orderBy('name')
    .execute();
}
export async function hasCompound(db: Db, communityId: number, compoundId: number): Promise<boolean> {
  return Boolean(await db.selectFrom('compounds').select('id').where('community_id', '=', communityId).where('id', '=', compoundId).executeTakeFirst());
}
export function compoundNames(db: Db, ids: number[]) {
  return db
    .selectFrom('compounds')
    .select(['id', 'name'])
    .where('id', 'in', ids.length ? ids : none)
    .execute();
}
export function buildingNames(db: Db, ids: number[]) {
  return db
    .selectFrom('buildings')
    .select(['id', 'name'])
    .where('id', 'in', ids.length ? ids : none)
    .execute();
}
export function findBuildingRef(db: Db, communityId: number, id: number) {
  return db.selectFrom('buildings').select(['id', 'compound_id']).where('community_id', '=', communityId).where('id', '=', id).executeTakeFirst();
}
/** A resident's name and sealed phone, for a ticket they report. */
export function residentContact(db: Db, communityId: number, id: number) {
  return db
    .selectFrom('residents')
    .select(['id', 'name', 'phone_enc', 'phone_masked', 'phone_hash'])
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .executeTakeFirst();
}
/** The account named as worker of the grid a compound belongs to (active or not: people knows). */
export async function gridWorkerOfCompound(db: Db, communityId: number, compoundId: number): Promise<number | null> {
  const row = await db
    .selectFrom('compounds as p')
    .innerJoin('grids as g', 'g.id', 'p.grid_id')
    .select('g.worker_account_id')
    .where('p.id', '=', compoundId)
    .where('p.community_id', '=', communityId)
    .executeTakeFirst();
  return row?.worker_account_id ?? null;
}
