import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';

type Db = Kysely<DB> | Transaction<DB>;

/**
 * What other modules may read of places' tables (docs/data-ownership.md), exported through places/index.ts. The
 * `*View` builders are derived tables a caller joins (`.innerJoin(residentView(db).as('r'), …)`), so a list can still
 * filter and sort on a name in one query while the SQL naming places' tables stays here.
 */
export function residentView(db: Db) {
  return db
    .selectFrom('residents as r')
    .leftJoin('households as h', 'h.id', 'r.household_id')
    .leftJoin('units as u', 'u.id', 'h.unit_id')
    .leftJoin('buildings as b', 'b.id', 'u.building_id')
    .leftJoin('compounds as p', 'p.id', 'b.compound_id')
    .select([
      'r.id',
      'r.community_id',
      'r.name',
      'r.gender',
      'r.phone_masked',
      'r.phone_hash',
      'p.name as compound_name',
      'b.name as building_name',
      'u.name as unit_name',
      'h.room_no',
    ]);
}
export function gridView(db: Db) {
  return db.selectFrom('grids').select(['id', 'community_id', 'name', 'worker_account_id']);
}
export function compoundView(db: Db) {
  return db.selectFrom('compounds').select(['id', 'community_id', 'name', 'grid_id']);
}

export function findResidentRef(db: Db, communityId: number, id: number) {
  return db.selectFrom('residents').select(['id', 'name', 'archived_at']).where('community_id', '=', communityId).where('id', '=', id).executeTakeFirst();
}
export function findGridRef(db: Db, communityId: number, id: number) {
  return db.selectFrom('grids').select(['id', 'name']).where('community_id', '=', communityId).where('id', '=', id).executeTakeFirst();
}
export function findCompoundRef(db: Db, communityId: number, id: number) {
  return db.selectFrom('compounds').select(['id', 'name']).where('community_id', '=', communityId).where('id', '=', id).executeTakeFirst();
}
export function findSubdistrictRef(db: Db, id: number) {
  return db.selectFrom('subdistricts').select(['id', 'name']).where('id', '=', id).executeTakeFirst();
}
/** Name and subdistrict of each of the given communities. */
export async function communityRefs(db: Db, ids: readonly number[]) {
  if (ids.length === 0) return new Map<number, { id: number; name: string; subdistrict_id: number }>();
  const rows = await db
    .selectFrom('communities')
    .select(['id', 'name', 'subdistrict_id'])
    .where(sql<boolean>`id = any(${sql.val([...ids])}::bigint[])`)
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}
export async function communityIdsOfSubdistrict(db: Db, subdistrictId: number): Promise<number[]> {
  const rows = await db.selectFrom('communities').select('id').where('subdistrict_id', '=', subdistrictId).orderBy('id').execute();
  return rows.map((r) => r.id);
}
