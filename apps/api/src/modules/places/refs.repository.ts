import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { CommunityId } from '../../platform/db/scope.js';

type Db = Kysely<DB> | Transaction<DB>;
const none = [-1];

/**
 * Small reads other modules make of places (names and references by id, ADR 0016): they name no table of places
 * themselves. Lists of ids are read in one query each, never one per row.
 */

export function communityByCode(db: Db, code: string) {
  return db.selectFrom('communities').select(['id', 'name', 'code']).where('code', '=', code).executeTakeFirst();
}
/** Every community, for the system administrator's ranking across subdistricts. */
export function allCommunities(db: Db) {
  return db.selectFrom('communities').select(['id', 'name']).orderBy('id').execute();
}
export function communitiesOfSubdistrict(db: Db, subdistrictId: number) {
  return db.selectFrom('communities').select(['id', 'name']).where('subdistrict_id', '=', subdistrictId).orderBy('id').execute();
}
/** A community's compounds by name; `openOnly` leaves archived ones out (what a resident may choose). */
export function compoundsOf(db: Db, communityId: CommunityId, openOnly = false) {
  return db
    .selectFrom('compounds')
    .select(['id', 'name'])
    .where('community_id', '=', communityId)
    .$if(openOnly, (q) => q.where('archived_at', 'is', null))
    .orderBy('name')
    .execute();
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
export function findBuildingRef(db: Db, communityId: CommunityId, id: number) {
  return db.selectFrom('buildings').select(['id', 'compound_id']).where('community_id', '=', communityId).where('id', '=', id).executeTakeFirst();
}
/** A resident's name and sealed phone, for a ticket they report. */
export function residentContact(db: Db, communityId: CommunityId, id: number) {
  return db
    .selectFrom('residents')
    .select(['id', 'name', 'phone_enc', 'phone_masked', 'phone_hash'])
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .executeTakeFirst();
}
/** The account named as worker of the grid a compound belongs to (active or not: people knows). */
export async function gridWorkerOfCompound(db: Db, communityId: CommunityId, compoundId: number): Promise<number | null> {
  const row = await db
    .selectFrom('compounds as p')
    .innerJoin('grids as g', 'g.id', 'p.grid_id')
    .select('g.worker_account_id')
    .where('p.id', '=', compoundId)
    .where('p.community_id', '=', communityId)
    .executeTakeFirst();
  return row?.worker_account_id ?? null;
}

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

export function findResidentRef(db: Db, communityId: CommunityId, id: number) {
  return db.selectFrom('residents').select(['id', 'name', 'archived_at']).where('community_id', '=', communityId).where('id', '=', id).executeTakeFirst();
}
export function findGridRef(db: Db, communityId: CommunityId, id: number) {
  return db.selectFrom('grids').select(['id', 'name']).where('community_id', '=', communityId).where('id', '=', id).executeTakeFirst();
}
export function findCompoundRef(db: Db, communityId: CommunityId, id: number) {
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
  return (await communitiesOfSubdistrict(db, subdistrictId)).map((r) => r.id);
}

/** The subdistrict and district each community sits in (organisations serve areas, ADR 0027). */
export async function communityAreas(db: Db, ids: readonly number[]) {
  if (ids.length === 0) return new Map<number, { id: number; name: string; subdistrict_id: number; district_id: number }>();
  const rows = await db
    .selectFrom('communities as c')
    .innerJoin('subdistricts as s', 's.id', 'c.subdistrict_id')
    .select(['c.id', 'c.name', 'c.subdistrict_id', 's.district_id'])
    .where(sql<boolean>`c.id = any(${sql.val([...ids])}::bigint[])`)
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}
/** The communities within any of the given districts, subdistricts or communities. */
export async function communityIdsInAreas(db: Db, a: { districtIds: readonly number[]; subdistrictIds: readonly number[]; communityIds: readonly number[] }) {
  const rows = await db
    .selectFrom('communities as c')
    .innerJoin('subdistricts as s', 's.id', 'c.subdistrict_id')
    .select('c.id')
    .where((eb) =>
      eb.or([
        sql<boolean>`s.district_id = any(${sql.val([...a.districtIds, ...none])}::bigint[])`,
        sql<boolean>`c.subdistrict_id = any(${sql.val([...a.subdistrictIds, ...none])}::bigint[])`,
        sql<boolean>`c.id = any(${sql.val([...a.communityIds, ...none])}::bigint[])`,
      ]),
    )
    .orderBy('c.id')
    .execute();
  return rows.map((r) => r.id);
}
/** Names of districts and subdistricts by id (communities: communityRefs). */
export async function districtAndSubdistrictNames(db: Db, districtIds: readonly number[], subdistrictIds: readonly number[]) {
  const d = await db
    .selectFrom('districts')
    .select(['id', 'name'])
    .where(sql<boolean>`id = any(${sql.val([...districtIds, ...none])}::bigint[])`)
    .execute();
  const s = await db
    .selectFrom('subdistricts')
    .select(['id', 'name', 'district_id'])
    .where(sql<boolean>`id = any(${sql.val([...subdistrictIds, ...none])}::bigint[])`)
    .execute();
  return { districts: new Map(d.map((r) => [r.id, r.name])), subdistricts: new Map(s.map((r) => [r.id, r])) };
}

/**
 * Residents of a community by id with their tags (the sensitive ones sealed), age data, compound and grid: what the
 * care module, the help list (帮扶清单) and matching read of a person, one query per list of ids.
 */
export function residentPlaces(db: Db, communityId: CommunityId, ids: readonly number[]) {
  return db
    .selectFrom('residents as r')
    .leftJoin('households as h', 'h.id', 'r.household_id')
    .leftJoin('units as u', 'u.id', 'h.unit_id')
    .leftJoin('buildings as b', 'b.id', 'u.building_id')
    .leftJoin('compounds as p', 'p.id', 'b.compound_id')
    .select([
      'r.id',
      'r.name',
      'r.gender',
      'r.birth_date',
      'r.tags',
      'r.sensitive_enc',
      'r.archived_at',
      'r.phone_masked',
      'p.id as compound_id',
      'p.name as compound_name',
      'p.grid_id',
      'b.name as building_name',
      'u.name as unit_name',
      'h.room_no',
    ])
    .where('r.community_id', '=', communityId)
    .where(sql<boolean>`r.id = any(${sql.val([...ids, ...none])}::bigint[])`)
    .execute();
}
/** The grid of each of a community's compounds (matching places a ticket by its compound). */
export function compoundGrids(db: Db, communityId: CommunityId, ids: readonly number[]) {
  return db
    .selectFrom('compounds')
    .select(['id', 'grid_id'])
    .where('community_id', '=', communityId)
    .where(sql<boolean>`id = any(${sql.val([...ids, ...none])}::bigint[])`)
    .execute();
}

/** Who may vote in a place (ADR 0046): one row per household or adult resident, with a label and, for owners, the weight. */
export interface EligibleVoter {
  householdId: number;
  residentId: number | null;
  /** "金海花园 3号楼 1单元 301" (and the name, for adults and named owners). */
  label: string;
  /** Hundredths of a m² of exclusive floor area (owners), 0 otherwise. */
  weight: string;
}
/**
 * The eligible voters of a community or one compound, in address order, in one query: `households` — every household
 * with a resident living in it; `owners` — every home with its exclusive floor area recorded (专有部分, counted one per
 * home), named after its first owner; `adults` — every resident born on or before `bornBy` (18 on the close date).
 */
export async function eligibleVoters(
  db: Db,
  communityId: CommunityId,
  q: { mode: 'adults' | 'households' | 'owners'; compoundId: number | null; bornBy: string },
): Promise<EligibleVoter[]> {
  const address = sql<string>`concat_ws(' ', p.name, b.name, u.name, h.room_no)`;
  const base = db
    .selectFrom('households as h')
    .innerJoin('units as u', 'u.id', 'h.unit_id')
    .innerJoin('buildings as b', 'b.id', 'u.building_id')
    .innerJoin('compounds as p', 'p.id', 'b.compound_id')
    .where('h.community_id', '=', communityId)
    .where('p.archived_at', 'is', null)
    .$if(q.compoundId !== null, (w) => w.where('p.id', '=', q.compoundId!));
  if (q.mode === 'adults') {
    const rows = await base
      .innerJoin('residents as r', 'r.household_id', 'h.id')
      .where('r.archived_at', 'is', null)
      .where(sql<boolean>`r.birth_date <= ${q.bornBy}::date`)
      .select(['h.id as householdId', 'r.id as residentId', sql<string>`${address} || ' ' || r.name`.as('label'), sql<string>`'0'`.as('weight')])
      .orderBy('p.name')
      .orderBy('b.name')
      .orderBy('u.name')
      .orderBy('h.room_no')
      .orderBy('r.id')
      .execute();
    return rows;
  }
  const owner = sql<string | null>`(select r.name from residents r where r.household_id = h.id and r.is_owner and r.archived_at is null order by r.id limit 1)`;
  const ownerId = sql<number | null>`(select r.id from residents r where r.household_id = h.id and r.is_owner and r.archived_at is null order by r.id limit 1)`;
  const rows = await base
    .$if(q.mode === 'owners', (w) => w.where('h.floor_area_m2', 'is not', null))
    .$if(q.mode === 'households', (w) => w.where(sql<boolean>`exists (select 1 from residents r where r.household_id = h.id and r.archived_at is null)`))
    .select([
      'h.id as householdId',
      (q.mode === 'owners' ? ownerId : sql<number | null>`null`).as('residentId'),
      (q.mode === 'owners' ? sql<string>`${address} || coalesce(' ' || ${owner}, '')` : address).as('label'),
      (q.mode === 'owners' ? sql<string>`(h.floor_area_m2 * 100)::bigint::text` : sql<string>`'0'`).as('weight'),
    ])
    .orderBy('p.name')
    .orderBy('b.name')
    .orderBy('u.name')
    .orderBy('h.room_no')
    .orderBy('h.id')
    .execute();
  return rows.map((r) => ({ ...r, residentId: r.residentId === null ? null : Number(r.residentId) }));
}

/** Sets a household's exclusive floor area and which of its residents own it (places' side of owners' votes). */
export async function saveHouseholdOwnership(db: Db, communityId: CommunityId, householdId: number, floorAreaM2: number | null, ownerIds: number[]) {
  const h = await db
    .updateTable('households')
    .set({ floor_area_m2: floorAreaM2 })
    .where('community_id', '=', communityId)
    .where('id', '=', householdId)
    .returning('id')
    .executeTakeFirst();
  if (!h) return false;
  await db
    .updateTable('residents')
    .set({ is_owner: sql<boolean>`id = any(${sql.val([...ownerIds, ...none])}::bigint[])` })
    .where('community_id', '=', communityId)
    .where('household_id', '=', householdId)
    .execute();
  return true;
}
/** Households of a community by id with their address (小区 楼栋 单元 房号), for the party pairings (结对). */
export function householdAddresses(db: Db, communityId: CommunityId, ids: readonly number[]) {
  return db
    .selectFrom('households as h')
    .innerJoin('units as u', 'u.id', 'h.unit_id')
    .innerJoin('buildings as b', 'b.id', 'u.building_id')
    .innerJoin('compounds as p', 'p.id', 'b.compound_id')
    .select(['h.id', 'h.room_no', 'u.name as unit_name', 'b.name as building_name', 'p.name as compound_name'])
    .where('h.community_id', '=', communityId)
    .where(sql<boolean>`h.id = any(${sql.val([...ids, ...none])}::bigint[])`)
    .execute();
}
/** Names of a community's grids, compounds or buildings by id (pioneer posts and responsibility areas). */
export function placeNames(db: Db, communityId: CommunityId, kind: 'grid' | 'compound' | 'building', ids: readonly number[]) {
  const table = kind === 'grid' ? 'grids' : kind === 'compound' ? 'compounds' : 'buildings';
  return db
    .selectFrom(table)
    .select(['id', 'name'])
    .where('community_id', '=', communityId)
    .where(sql<boolean>`id = any(${sql.val([...ids, ...none])}::bigint[])`)
    .execute();
}
