import { sql, type ExpressionBuilder, type Kysely, type Transaction, type Updateable } from 'kysely';
import type { DB } from '../../platform/db/schema.js';

type Db = Kysely<DB> | Transaction<DB>;
const none = [-1];

const columns = [
  'id',
  'kind',
  'department_type',
  'name',
  'contact_name',
  'contact_phone',
  'address',
  'subdistrict_id',
  'community_id',
  'partner_id',
  'archived_at',
] as const;

/**
 * Who may see an organisation: those managed by one of `subdistrictIds` or `communityIds`, or serving an area in
 * `served` (the reader's communities and the subdistricts and districts they sit in). Null sees all (system admin).
 */
export interface OrgVisibility {
  all: boolean;
  organisationId?: number | null;
  subdistrictIds: readonly number[];
  communityIds: readonly number[];
  served: { districtIds: readonly number[]; subdistrictIds: readonly number[]; communityIds: readonly number[] };
}

export interface OrgFilter {
  kind?: string;
  q?: string;
  includeArchived?: boolean;
  /** Only those serving the community with these areas. */
  serving?: { districtId: number; subdistrictId: number; communityId: number };
}

function visible(v: OrgVisibility) {
  return (eb: ExpressionBuilder<DB, 'organisations'>) => {
    if (v.all) return sql<boolean>`true`;
    if (v.organisationId != null) return eb('organisations.id', '=', v.organisationId);
    const areas = servingAny(v.served);
    return eb.or([
      sql<boolean>`organisations.subdistrict_id = any(${sql.val([...v.subdistrictIds, ...none])}::bigint[])`,
      sql<boolean>`organisations.community_id = any(${sql.val([...v.communityIds, ...none])}::bigint[])`,
      areas,
    ]);
  };
}

/** An organisation with an area row in any of the given areas. */
function servingAny(a: { districtIds: readonly number[]; subdistrictIds: readonly number[]; communityIds: readonly number[] }) {
  return sql<boolean>`exists (select 1 from organisation_areas oa where oa.organisation_id = organisations.id and (
    (oa.area_kind = 'district' and oa.area_id = any(${sql.val([...a.districtIds, ...none])}::bigint[]))
    or (oa.area_kind = 'subdistrict' and oa.area_id = any(${sql.val([...a.subdistrictIds, ...none])}::bigint[]))
    or (oa.area_kind = 'community' and oa.area_id = any(${sql.val([...a.communityIds, ...none])}::bigint[]))))`;
}

export async function listOrganisations(db: Db, v: OrgVisibility, f: OrgFilter, page: { offset: number; limit: number }) {
  let q = db.selectFrom('organisations').where(visible(v));
  if (!f.includeArchived) q = q.where('archived_at', 'is', null);
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([eb('name', 'like', like), eb('contact_name', 'like', like)]));
  }
  if (f.serving)
    q = q.where(servingAny({ districtIds: [f.serving.districtId], subdistrictIds: [f.serving.subdistrictId], communityIds: [f.serving.communityId] }));
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q.select(columns).orderBy('kind').orderBy('name').orderBy('id').offset(page.offset).limit(page.limit).execute();
  return { total: Number(total.n), rows };
}

export function findOrganisation(db: Db, v: OrgVisibility, id: number) {
  return db.selectFrom('organisations').select(columns).where('id', '=', id).where(visible(v)).executeTakeFirst();
}
export type OrganisationRow = NonNullable<Awaited<ReturnType<typeof findOrganisation>>>;

/** By id, for modules that already hold the id from their own scoped rows (escalations), and for the contact's own. */
export async function organisationsByIds(db: Db, ids: readonly number[]) {
  if (ids.length === 0) return new Map<number, OrganisationRow>();
  const rows = await db
    .selectFrom('organisations')
    .select(columns)
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

export function insertOrganisation(db: Db, v: Omit<DB['organisations'], 'id' | 'created_at' | 'archived_at'> & { archived_at?: never }) {
  return db.insertInto('organisations').values(v).returning('id').executeTakeFirstOrThrow();
}

export async function updateOrganisation(db: Db, id: number, v: Updateable<DB['organisations']>) {
  const set = Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined));
  if (Object.keys(set).length === 0) return;
  await db.updateTable('organisations').set(set).where('id', '=', id).execute();
}

export async function areasOf(db: Db, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('organisation_areas')
    .select(['organisation_id', 'area_kind', 'area_id'])
    .where('organisation_id', 'in', [...ids])
    .orderBy('id')
    .execute();
}

export async function replaceAreas(db: Db, id: number, areas: readonly { kind: string; id: number }[]) {
  await db.deleteFrom('organisation_areas').where('organisation_id', '=', id).execute();
  if (areas.length === 0) return;
  await db
    .insertInto('organisation_areas')
    .values(areas.map((a) => ({ organisation_id: id, area_kind: a.kind, area_id: a.id })))
    .onConflict((oc) => oc.columns(['organisation_id', 'area_kind', 'area_id']).doNothing())
    .execute();
}

/** Whether the organisation (not archived) serves the community, given the community's subdistrict and district. */
export async function servesArea(db: Db, id: number, c: { districtId: number; subdistrictId: number; communityId: number }): Promise<boolean> {
  const row = await db
    .selectFrom('organisations')
    .select('id')
    .where('id', '=', id)
    .where('archived_at', 'is', null)
    .where(servingAny({ districtIds: [c.districtId], subdistrictIds: [c.subdistrictId], communityIds: [c.communityId] }))
    .executeTakeFirst();
  return Boolean(row);
}

/** Subdistrict offices serving a subdistrict (the whistle's first stop). */
export function subdistrictOffices(db: Db, subdistrictId: number) {
  return db
    .selectFrom('organisations')
    .select(columns)
    .where('kind', '=', 'subdistrict_office')
    .where('archived_at', 'is', null)
    .where(servingAny({ districtIds: [], subdistrictIds: [subdistrictId], communityIds: [] }))
    .orderBy('id')
    .execute();
}
