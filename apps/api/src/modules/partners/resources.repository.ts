import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { CommunityId } from '../../platform/db/scope.js';

type Db = Kysely<DB> | Transaction<DB>;

const columns = [
  'id',
  'community_id',
  'title',
  'description',
  'category',
  'kind',
  'price_kind',
  'price_note',
  'provider_kind',
  'provider_name',
  'partner_id',
  'organisation_id',
  'team_id',
  'resident_id',
  'compound_id',
  'audience',
  'availability',
  'capacity',
  'contact_name',
  'contact_phone',
  'contact_phone_masked',
  'is_public',
  'archived_at',
  'updated_at',
] as const;
const sorts = { title: 'title', category: 'category', id: 'id', updatedAt: 'updated_at' } as const;

export interface ResourceFilter {
  category?: string;
  kind?: string;
  providerKind?: string;
  partnerId?: number;
  compoundId?: number;
  q?: string;
  includeArchived?: boolean;
  publicOnly?: boolean;
}

function filtered(db: Db, communityId: CommunityId, f: ResourceFilter) {
  let q = db.selectFrom('resources').where('community_id', '=', communityId);
  if (!f.includeArchived) q = q.where('archived_at', 'is', null);
  if (f.publicOnly) q = q.where('is_public', '=', true);
  if (f.category) q = q.where('category', '=', f.category);
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.providerKind) q = q.where('provider_kind', '=', f.providerKind);
  if (f.partnerId !== undefined) q = q.where('partner_id', '=', f.partnerId);
  // An offer for the whole community (no compound) belongs in every compound's circle.
  if (f.compoundId !== undefined) q = q.where((eb) => eb.or([eb('compound_id', '=', f.compoundId!), eb('compound_id', 'is', null)]));
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([eb('title', 'like', like), eb('description', 'like', like), eb('provider_name', 'like', like)]));
  }
  return q;
}

export async function listResources(
  db: Db,
  communityId: CommunityId,
  f: ResourceFilter,
  page: { offset: number; limit: number; sort?: string; order: 'asc' | 'desc' },
) {
  const q = filtered(db, communityId, f);
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const sortColumn = sorts[(page.sort ?? 'id') as keyof typeof sorts] ?? 'id';
  const rows = await q.select(columns).orderBy(sql.ref(sortColumn), page.order).orderBy('id').offset(page.offset).limit(page.limit).execute();
  return { total: Number(total.n), rows };
}

/** Keyset batches in id order (the ledger and the public list). */
export function resourcesAfter(db: Db, communityId: CommunityId, f: ResourceFilter, afterId: number, limit: number) {
  return filtered(db, communityId, f).select(columns).where('id', '>', afterId).orderBy('id').limit(limit).execute();
}

export function findResource(db: Db, communityId: CommunityId, id: number) {
  return db.selectFrom('resources').select(columns).where('id', '=', id).where('community_id', '=', communityId).executeTakeFirst();
}
export type ResourceRow = NonNullable<Awaited<ReturnType<typeof findResource>>>;

export function resourceCommunity(db: Db, id: number) {
  return db.selectFrom('resources').select(['community_id']).where('id', '=', id).executeTakeFirst();
}

export interface ResourceValues {
  title: string;
  description: string | null;
  category: string;
  kind: string;
  price_kind: string;
  price_note: string | null;
  provider_kind: string;
  provider_name: string;
  partner_id: number | null;
  organisation_id: number | null;
  team_id: number | null;
  resident_id: number | null;
  compound_id: number | null;
  audience: string | null;
  availability: string | null;
  capacity: number | null;
  contact_name: string | null;
  contact_phone: string | null;
  contact_phone_enc: string | null;
  contact_phone_masked: string | null;
  is_public: boolean;
  created_by: number | null;
  archived_at: Date;
  updated_at: Date;
}

export function insertResource(db: Db, communityId: CommunityId, v: Omit<ResourceValues, 'archived_at' | 'updated_at'>) {
  return db
    .insertInto('resources')
    .values({ community_id: communityId, ...v })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function updateResource(db: Db, communityId: CommunityId, id: number, v: Partial<ResourceValues>) {
  const set = Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined));
  if (Object.keys(set).length === 0) return;
  await db
    .updateTable('resources')
    .set({ ...set, updated_at: new Date() })
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .execute();
}

export async function countResources(db: Db, communityId: CommunityId) {
  const r = await filtered(db, communityId, { includeArchived: true })
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
