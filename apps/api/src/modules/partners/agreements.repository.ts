import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { CommunityId } from '../../platform/db/scope.js';

type Db = Kysely<DB> | Transaction<DB>;

const columns = [
  'id',
  'community_id',
  'partner_id',
  'kind',
  'title',
  'signed_on',
  'starts_on',
  'ends_on',
  'commitments',
  'space_given',
  'resources_promised',
  'status',
  'remind_days',
  'reminded_at',
] as const;
const sorts = { endsOn: 'ends_on', signedOn: 'signed_on', id: 'id' } as const;

export interface AgreementFilter {
  partnerId?: number;
  kind?: string;
  /** effective status on `today` */
  status?: 'active' | 'ended' | 'terminated';
  today: string;
}

function filtered(db: Db, communityId: CommunityId, f: AgreementFilter) {
  let q = db.selectFrom('agreements').where('community_id', '=', communityId);
  if (f.partnerId !== undefined) q = q.where('partner_id', '=', f.partnerId);
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.status === 'terminated') q = q.where('status', '=', 'terminated');
  if (f.status === 'active') q = q.where('status', '=', 'active').where((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>=', f.today)]));
  if (f.status === 'ended') q = q.where((eb) => eb.or([eb('status', '=', 'ended'), eb.and([eb('status', '=', 'active'), eb('ends_on', '<', f.today)])]));
  return q;
}

export async function listAgreements(
  db: Db,
  communityId: CommunityId,
  f: AgreementFilter,
  page: { offset: number; limit: number; sort?: string; order: 'asc' | 'desc' },
) {
  const q = filtered(db, communityId, f);
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const sortColumn = sorts[(page.sort ?? 'id') as keyof typeof sorts] ?? 'id';
  const rows = await q.select(columns).orderBy(sql.ref(sortColumn), page.order).orderBy('id').offset(page.offset).limit(page.limit).execute();
  return { total: Number(total.n), rows };
}

export function agreementsAfter(db: Db, communityId: CommunityId, f: AgreementFilter, afterId: number, limit: number) {
  return filtered(db, communityId, f).select(columns).where('id', '>', afterId).orderBy('id').limit(limit).execute();
}

export function findAgreement(db: Db, communityId: CommunityId, id: number) {
  return db.selectFrom('agreements').select(columns).where('community_id', '=', communityId).where('id', '=', id).executeTakeFirst();
}
export type AgreementRow = NonNullable<Awaited<ReturnType<typeof findAgreement>>>;

export function agreementCommunity(db: Db, id: number) {
  return db.selectFrom('agreements').select(['community_id']).where('id', '=', id).executeTakeFirst();
}

export interface AgreementValues {
  partner_id: number;
  kind: string;
  title: string;
  signed_on: string;
  starts_on: string;
  ends_on: string | null;
  commitments: string | null;
  space_given: string | null;
  resources_promised: string | null;
  status: string;
  remind_days: number;
  reminded_at: Date | null;
  created_by: number | null;
}

export function insertAgreement(db: Db, communityId: CommunityId, v: Omit<AgreementValues, 'status' | 'reminded_at'>) {
  return db
    .insertInto('agreements')
    .values({ community_id: communityId, ...v })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function updateAgreement(db: Db, communityId: CommunityId, id: number, v: Partial<AgreementValues>) {
  const set = Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined));
  if (Object.keys(set).length === 0) return;
  await db
    .updateTable('agreements')
    .set({ ...set, updated_at: new Date() })
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .execute();
}

/** Active agreements with an end within the longest notice (365 days) and no reminder yet, across communities. */
export function agreementsNearingEnd(db: Db, today: string, horizon: string) {
  return db
    .selectFrom('agreements')
    .select(columns)
    .where('status', '=', 'active')
    .where('reminded_at', 'is', null)
    .where('ends_on', '>=', today)
    .where('ends_on', '<=', horizon)
    .orderBy('id')
    .limit(500)
    .execute();
}

/** Partners with an agreement in force on `today` (for the dashboard's active partners). */
export async function partnersWithValidAgreement(db: Db, communityIds: readonly number[], today: string) {
  if (communityIds.length === 0) return [];
  const rows = await db
    .selectFrom('agreements')
    .select(['partner_id'])
    .distinct()
    .where('community_id', 'in', [...communityIds])
    .where('status', '=', 'active')
    .where('starts_on', '<=', today)
    .where((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>=', today)]))
    .execute();
  return rows.map((r) => r.partner_id);
}
