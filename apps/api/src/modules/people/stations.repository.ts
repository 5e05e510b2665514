import { sql } from 'kysely';
import { inScope, likeOf, type Scope, type CommunityId } from '../../platform/db/scope.js';
import { compoundView } from '../places/index.js';
import { defined, type Db, type PageRequest } from './common.repository.js';

/** Service stations of a community, optionally tied to a compound. */
function stationQuery(db: Db) {
  return db
    .selectFrom('stations as s')
    .leftJoin(compoundView(db).as('p'), 'p.id', 's.compound_id')
    .select([
      's.id',
      's.community_id',
      's.compound_id',
      'p.name as compound_name',
      's.name',
      's.kind',
      's.address',
      's.opening_hours',
      's.phone',
      's.description',
      's.archived_at',
    ]);
}
const stationSorts = { name: 's.name', kind: 's.kind', compoundName: 'p.name', id: 's.id' } as const;

export async function listStations(
  db: Db,
  communityId: CommunityId,
  f: { kind?: string; compoundId?: number; includeArchived?: boolean; q?: string },
  page: PageRequest,
) {
  let q = stationQuery(db).where('s.community_id', '=', communityId);
  if (!f.includeArchived) q = q.where('s.archived_at', 'is', null);
  if (f.kind) q = q.where('s.kind', '=', f.kind);
  if (f.compoundId) q = q.where('s.compound_id', '=', f.compoundId);
  if (f.q) {
    const like = likeOf(f.q);
    q = q.where((eb) => eb.or([eb('s.name', 'like', like), eb('s.address', 'like', like)]));
  }
  const total = await q
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const sortColumn = stationSorts[(page.sort ?? 'id') as keyof typeof stationSorts] ?? 's.id';
  const rows = await q.orderBy(sql.ref(sortColumn), page.order).orderBy('s.id').offset(page.offset).limit(page.limit).execute();
  return { total: Number(total.n), rows };
}
export function findStation(db: Db, scope: Scope, id: number) {
  return stationQuery(db).where('s.id', '=', id).where(inScope(scope, 's.community_id')).executeTakeFirst();
}
export type StationRow = NonNullable<Awaited<ReturnType<typeof findStation>>>;

export interface StationValues {
  compound_id: number | null;
  name: string;
  kind: string;
  address: string | null;
  opening_hours: string | null;
  phone: string | null;
  description: string | null;
}
export function insertStation(db: Db, communityId: CommunityId, v: StationValues) {
  return db
    .insertInto('stations')
    .values({ community_id: communityId, ...v })
    .returning('id')
    .executeTakeFirstOrThrow();
}
export function updateStation(db: Db, communityId: CommunityId, id: number, v: Partial<StationValues>) {
  const set = defined(v);
  if (!set) return Promise.resolve();
  return db.updateTable('stations').set(set).where('community_id', '=', communityId).where('id', '=', id).execute();
}
