export type { Scope } from '../../platform/db/scope.js';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { inScope, type Scope, type CommunityId } from '../../platform/db/scope.js';

type Db = Kysely<DB> | Transaction<DB>;

const columns = ['id', 'community_id', 'name', 'kind', 'contact_name', 'contact_phone_masked', 'address', 'description', 'joined_on', 'archived_at'] as const;
const sorts = { name: 'name', kind: 'kind', joinedOn: 'joined_on', id: 'id' } as const;

export interface PartnerFilter {
  kind?: string;
  q?: string;
  includeArchived?: boolean;
}

export async function listPartners(
  db: Db,
  communityId: CommunityId,
  f: PartnerFilter,
  page: { offset: number; limit: number; sort?: string; order: 'asc' | 'desc' },
) {
  let q = db.selectFrom('partners').where('community_id', '=', communityId);
  if (!f.includeArchived) q = q.where('archived_at', 'is', null);
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([eb('name', 'like', like), eb('contact_name', 'like', like), eb('description', 'like', like)]));
  }
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const sortColumn = sorts[(page.sort ?? 'id') as keyof typeof sorts] ?? 'id';
  const rows = await q.select(columns).orderBy(sql.ref(sortColumn), page.order).orderBy('id').offset(page.offset).limit(page.limit).execute();
  return { total: Number(total.n), rows };
}

export function findPartner(db: Db, scope: Scope, id: number) {
  return db.selectFrom('partners').select(columns).where('id', '=', id).where(inScope(scope, 'community_id')).executeTakeFirst();
}
export type PartnerRow = NonNullable<Awaited<ReturnType<typeof findPartner>>>;

export interface PartnerValues {
  name: string;
  kind: string;
  contact_name: string | null;
  contact_phone_enc: string | null;
  contact_phone_masked: string | null;
  address: string | null;
  description: string | null;
  joined_on: string | null;
  archived_at: Date;
}

export function insertPartner(db: Db, communityId: CommunityId, v: Omit<PartnerValues, 'archived_at'>) {
  return db
    .insertInto('partners')
    .values({ community_id: communityId, ...v })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function updatePartner(db: Db, communityId: CommunityId, id: number, v: Partial<PartnerValues>) {
  const set = Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined));
  if (Object.keys(set).length === 0) return;
  await db.updateTable('partners').set(set).where('community_id', '=', communityId).where('id', '=', id).execute();
}
