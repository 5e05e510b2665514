export type { Scope } from '../../platform/db/scope.js';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Insertable } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { inScope, type Scope, type CommunityId } from '../../platform/db/scope.js';
import type { Reach, ResidentReach } from './places.policy.js';

type Db = Kysely<DB> | Transaction<DB>;

/**
 * SQL condition: the place (aliases p = compound, b = building, u = unit) is within the reach. Residents without a
 * household have no place, so only a whole-community reach (null) sees them.
 */
const withinReach = (reach: Reach) =>
  reach === null
    ? sql<boolean>`true`
    : reach.kind === 'grids'
      ? sql<boolean>`p.grid_id in (select g.id from grids g where g.worker_account_id = ${reach.accountId})`
      : sql<boolean>`exists (select 1 from building_heads bh where bh.account_id = ${reach.accountId} and bh.building_id = b.id and (bh.unit_id is null or bh.unit_id = u.id))`;

export function listCommunities(db: Db, scope: Scope, onlyId?: number) {
  return db
    .selectFrom('communities as c')
    .innerJoin('subdistricts as s', 's.id', 'c.subdistrict_id')
    .innerJoin('districts as d', 'd.id', 's.district_id')
    .select([
      'c.id',
      'c.name',
      'c.code',
      'c.address',
      'c.timezone',
      'c.subdistrict_id',
      's.name as subdistrict_name',
      'd.name as district_name',
      'd.city',
      (eb) => eb.selectFrom('compounds').select(eb.fn.countAll<number>().as('n')).whereRef('compounds.community_id', '=', 'c.id').as('compounds'),
      (eb) => eb.selectFrom('households').select(eb.fn.countAll<number>().as('n')).whereRef('households.community_id', '=', 'c.id').as('households'),
      (eb) =>
        eb
          .selectFrom('residents')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('residents.community_id', '=', 'c.id')
          .where('residents.archived_at', 'is', null)
          .as('residents'),
    ])
    .where(inScope(scope, 'c.id'))
    .$if(onlyId !== undefined, (qb) => qb.where('c.id', '=', onlyId!))
    .orderBy('c.id')
    .execute();
}

export function listGrids(db: Db, communityId: CommunityId) {
  return db
    .selectFrom('grids as g')
    .select(['g.id', 'g.community_id', 'g.name', 'g.code', 'g.worker_account_id'])
    .where('g.community_id', '=', communityId)
    .orderBy('g.name')
    .execute();
}
export function insertGrid(db: Db, communityId: CommunityId, v: { name: string; code: string | null; worker_account_id: number | null }) {
  return db
    .insertInto('grids')
    .values({ community_id: communityId, ...v })
    .returningAll()
    .executeTakeFirstOrThrow();
}
export function findGridIn(db: Db, scope: Scope, id: number) {
  return db.selectFrom('grids').selectAll().where('id', '=', id).where(inScope(scope, 'community_id')).executeTakeFirst();
}
export function updateGrid(db: Db, communityId: CommunityId, id: number, v: { name?: string; code?: string | null; worker_account_id?: number | null }) {
  return db.updateTable('grids').set(v).where('community_id', '=', communityId).where('id', '=', id).execute();
}
export function listCompounds(db: Db, communityId: CommunityId) {
  return compoundQuery(db).where('p.community_id', '=', communityId).where('p.archived_at', 'is', null).orderBy('p.name').execute();
}
export function findCompound(db: Db, scope: Scope, id: number) {
  return compoundQuery(db).where('p.id', '=', id).where(inScope(scope, 'p.community_id')).executeTakeFirst();
}
function compoundQuery(db: Db) {
  return db
    .selectFrom('compounds as p')
    .leftJoin('grids as g', 'g.id', 'p.grid_id')
    .select([
      'p.id',
      'p.community_id',
      'p.grid_id',
      'g.name as grid_name',
      'p.name',
      'p.address',
      (eb) => eb.selectFrom('buildings').select(eb.fn.countAll<number>().as('n')).whereRef('buildings.compound_id', '=', 'p.id').as('building_count'),
      (eb) =>
        eb
          .selectFrom('households as h')
          .innerJoin('units as u', 'u.id', 'h.unit_id')
          .innerJoin('buildings as b', 'b.id', 'u.building_id')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('b.compound_id', '=', 'p.id')
          .as('household_count'),
    ]);
}
export function insertCompound(db: Db, communityId: CommunityId, v: { name: string; address: string | null; grid_id: number | null }) {
  return db
    .insertInto('compounds')
    .values({ community_id: communityId, ...v })
    .returning('id')
    .executeTakeFirstOrThrow();
}
export function updateCompound(db: Db, communityId: CommunityId, id: number, v: { name?: string; address?: string | null; grid_id?: number | null }) {
  return db.updateTable('compounds').set(v).where('community_id', '=', communityId).where('id', '=', id).execute();
}
export function findGrid(db: Db, communityId: CommunityId, id: number) {
  return db.selectFrom('grids').selectAll().where('community_id', '=', communityId).where('id', '=', id).executeTakeFirst();
}

function buildingQuery(db: Db) {
  return db
    .selectFrom('buildings as b')
    .select([
      'b.id',
      'b.community_id',
      'b.compound_id',
      'b.name',
      'b.floors',
      (eb) => eb.selectFrom('units').select(eb.fn.countAll<number>().as('n')).whereRef('units.building_id', '=', 'b.id').as('unit_count'),
      (eb) =>
        eb
          .selectFrom('households as h')
          .innerJoin('units as u', 'u.id', 'h.unit_id')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('u.building_id', '=', 'b.id')
          .as('household_count'),
    ]);
}
export function listBuildings(db: Db, communityId: CommunityId, compoundId: number) {
  return buildingQuery(db)
    .where('b.community_id', '=', communityId)
    .where('b.compound_id', '=', compoundId)
    .orderBy(sql`length(b.name)`)
    .orderBy('b.name')
    .execute();
}
export function findBuilding(db: Db, scope: Scope, id: number) {
  return buildingQuery(db).where('b.id', '=', id).where(inScope(scope, 'b.community_id')).executeTakeFirst();
}
export function insertBuilding(db: Db, communityId: CommunityId, v: { compound_id: number; name: string; floors: number | null }) {
  return db
    .insertInto('buildings')
    .values({ community_id: communityId, ...v })
    .returning('id')
    .executeTakeFirstOrThrow();
}
export function updateBuilding(db: Db, communityId: CommunityId, id: number, v: { name?: string; floors?: number | null }) {
  return db.updateTable('buildings').set(v).where('community_id', '=', communityId).where('id', '=', id).execute();
}

/** The heads of the given buildings, with names, ordered for display. */
export function listBuildingHeads(db: Db, communityId: CommunityId, buildingIds: number[]) {
  if (buildingIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('building_heads as bh')
    .leftJoin('units as u', 'u.id', 'bh.unit_id')
    .select(['bh.building_id', 'bh.account_id', 'bh.unit_id', 'u.name as unit_name'])
    .where('bh.community_id', '=', communityId)
    .where('bh.building_id', 'in', buildingIds)
    .orderBy('bh.id')
    .execute();
}
/** Replaces a building's heads with the given ones. */
export async function replaceBuildingHeads(db: Db, communityId: CommunityId, buildingId: number, heads: Array<{ account_id: number; unit_id: number | null }>) {
  await db.deleteFrom('building_heads').where('community_id', '=', communityId).where('building_id', '=', buildingId).execute();
  if (heads.length)
    await db
      .insertInto('building_heads')
      .values(heads.map((h) => ({ community_id: communityId, building_id: buildingId, ...h })))
      .execute();
}
function unitQuery(db: Db) {
  return db
    .selectFrom('units as u')
    .select([
      'u.id',
      'u.community_id',
      'u.building_id',
      'u.name',
      (eb) => eb.selectFrom('households').select(eb.fn.countAll<number>().as('n')).whereRef('households.unit_id', '=', 'u.id').as('household_count'),
    ]);
}
export function listUnits(db: Db, communityId: CommunityId, buildingId: number) {
  return unitQuery(db)
    .where('u.community_id', '=', communityId)
    .where('u.building_id', '=', buildingId)
    .orderBy(sql`length(u.name)`)
    .orderBy('u.name')
    .execute();
}
export function findUnit(db: Db, scope: Scope, id: number) {
  return unitQuery(db).where('u.id', '=', id).where(inScope(scope, 'u.community_id')).executeTakeFirst();
}
export function insertUnit(db: Db, communityId: CommunityId, v: { building_id: number; name: string }) {
  return db
    .insertInto('units')
    .values({ community_id: communityId, ...v })
    .returning('id')
    .executeTakeFirstOrThrow();
}

function householdQuery(db: Db) {
  return db
    .selectFrom('households as h')
    .innerJoin('units as u', 'u.id', 'h.unit_id')
    .innerJoin('buildings as b', 'b.id', 'u.building_id')
    .innerJoin('compounds as p', 'p.id', 'b.compound_id')
    .select([
      'h.id',
      'h.community_id',
      'h.unit_id',
      'h.room_no',
      'u.name as unit_name',
      'b.name as building_name',
      'p.name as compound_name',
      (eb) =>
        eb
          .selectFrom('residents')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('residents.household_id', '=', 'h.id')
          .where('residents.archived_at', 'is', null)
          .as('resident_count'),
    ]);
}
export function listHouseholds(db: Db, communityId: CommunityId, unitId: number, reach: Reach) {
  return householdQuery(db)
    .where('h.community_id', '=', communityId)
    .where('h.unit_id', '=', unitId)
    .where(withinReach(reach))
    .orderBy(sql`length(h.room_no)`)
    .orderBy('h.room_no')
    .execute();
}
export function findHousehold(db: Db, scope: Scope, id: number, reach: Reach) {
  return householdQuery(db).where('h.id', '=', id).where(inScope(scope, 'h.community_id')).where(withinReach(reach)).executeTakeFirst();
}
export function insertHousehold(db: Db, communityId: CommunityId, v: { unit_id: number; room_no: string }) {
  return db
    .insertInto('households')
    .values({ community_id: communityId, ...v })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export interface ResidentFilter {
  compoundId?: number;
  buildingId?: number;
  unitId?: number;
  householdId?: number;
  tag?: string;
  hukouLocal?: boolean;
  includeArchived?: boolean;
  q?: string;
  phoneHash?: string;
  reach: Reach;
}

const residentSorts = { name: 'r.name', age: 'r.birth_date', createdAt: 'r.created_at', id: 'r.id' } as const;

function residentQuery(db: Db) {
  return db
    .selectFrom('residents as r')
    .leftJoin('households as h', 'h.id', 'r.household_id')
    .leftJoin('units as u', 'u.id', 'h.unit_id')
    .leftJoin('buildings as b', 'b.id', 'u.building_id')
    .leftJoin('compounds as p', 'p.id', 'b.compound_id');
}

export async function listResidents(
  db: Db,
  communityId: CommunityId,
  f: ResidentFilter,
  page: { offset: number; limit: number; sort?: string; order: 'asc' | 'desc' },
) {
  let q = residentQuery(db).where('r.community_id', '=', communityId).where(withinReach(f.reach));
  if (!f.includeArchived) q = q.where('r.archived_at', 'is', null);
  if (f.householdId) q = q.where('r.household_id', '=', f.householdId);
  if (f.unitId) q = q.where('u.id', '=', f.unitId);
  if (f.buildingId) q = q.where('b.id', '=', f.buildingId);
  if (f.compoundId) q = q.where('p.id', '=', f.compoundId);
  if (f.tag) q = q.where(sql<boolean>`${f.tag} = any(r.tags)`);
  if (f.hukouLocal !== undefined) q = q.where('r.hukou_local', '=', f.hukouLocal);
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([eb('r.name', 'like', like), ...(f.phoneHash ? [eb('r.phone_hash', '=', f.phoneHash)] : [])]));
  }
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const sortColumn = residentSorts[(page.sort ?? 'id') as keyof typeof residentSorts] ?? 'r.id';
  // Age ascending means birth date descending.
  const direction = page.sort === 'age' ? (page.order === 'asc' ? 'desc' : 'asc') : page.order;
  const rows = await q.select(residentColumns).orderBy(sql.ref(sortColumn), direction).orderBy('r.id').offset(page.offset).limit(page.limit).execute();
  return { total: total.n, rows };
}

const residentColumns = [
  'r.id',
  'r.community_id',
  'r.household_id',
  'r.name',
  'r.gender',
  'r.birth_date',
  'r.phone_masked',
  'r.id_card_masked',
  'r.hukou_local',
  'r.tags',
  'r.relation',
  'r.notes',
  'r.archived_at',
  'r.created_at',
  'r.updated_at',
  'p.name as compound_name',
  'b.name as building_name',
  'u.name as unit_name',
  'h.room_no',
] as const;

export function findResident(db: Db, scope: Scope, id: number, reach: Reach) {
  return residentQuery(db).select(residentColumns).where('r.id', '=', id).where(inScope(scope, 'r.community_id')).where(withinReach(reach)).executeTakeFirst();
}
export type ResidentRow = NonNullable<Awaited<ReturnType<typeof findResident>>>;

/** The ids of the residents in scope and within the reach, as a sub-query for other modules' queries (people). */
export function residentIdsWithinReach(db: Db, scope: Scope, reach: ResidentReach) {
  return residentQuery(db)
    .select('r.id')
    .where(inScope(scope, 'r.community_id'))
    .where(reach === 'none' ? sql<boolean>`false` : withinReach(reach));
}

export function findResidentSecrets(db: Db, scope: Scope, id: number, reach: Reach) {
  return residentQuery(db)
    .select(['r.id', 'r.community_id', 'r.phone_enc', 'r.id_card_enc', 'r.sensitive_enc', 'r.phone_hash', 'r.id_card_hash', 'r.archived_at'])
    .where('r.id', '=', id)
    .where(inScope(scope, 'r.community_id'))
    .where(withinReach(reach))
    .executeTakeFirst();
}

export function findResidentIdByIdCardHash(db: Db, communityId: CommunityId, hash: string, exceptId?: number) {
  return db
    .selectFrom('residents')
    .select('id')
    .where('community_id', '=', communityId)
    .where('id_card_hash', '=', hash)
    .where('archived_at', 'is', null)
    .$if(exceptId !== undefined, (qb) => qb.where('id', '!=', exceptId!))
    .executeTakeFirst();
}

export function existingIdCardHashes(db: Db, communityId: CommunityId, hashes: string[]) {
  if (hashes.length === 0) return Promise.resolve([] as { id_card_hash: string | null }[]);
  return db
    .selectFrom('residents')
    .select('id_card_hash')
    .where('community_id', '=', communityId)
    .where('archived_at', 'is', null)
    .where(sql<boolean>`id_card_hash = any(${sql.val(hashes)}::text[])`)
    .execute();
}

export type ResidentInsert = Omit<Insertable<DB['residents']>, 'hukou_local' | 'tags'> & { hukou_local: boolean; tags: string[] };

export function insertResidents(db: Db, rows: ResidentInsert[]) {
  return db.insertInto('residents').values(rows).returning('id').execute();
}
export function updateResident(db: Db, communityId: CommunityId, id: number, v: Omit<Partial<ResidentInsert>, 'created_at' | 'id' | 'community_id'>) {
  return db
    .updateTable('residents')
    .set({ ...v, updated_at: new Date() })
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .execute();
}

/** Lookup maps for the roster import: compound name → id, "compound|building" → id, unit and household keys. */
export async function loadPlaceIndex(db: Db, communityId: CommunityId) {
  const compounds = await db.selectFrom('compounds').select(['id', 'name']).where('community_id', '=', communityId).execute();
  const buildings = await db.selectFrom('buildings').select(['id', 'compound_id', 'name']).where('community_id', '=', communityId).execute();
  const units = await db.selectFrom('units').select(['id', 'building_id', 'name']).where('community_id', '=', communityId).execute();
  const households = await db.selectFrom('households').select(['id', 'unit_id', 'room_no', 'household_type']).where('community_id', '=', communityId).execute();
  return { compounds, buildings, units, households };
}
