import { sql } from 'kysely';
import { inScope, likeOf, type Scope } from '../../platform/db/scope.js';
import { defined, type Db, type PageRequest } from './common.repository.js';

/**
 * Which accounts a caller may see: accounts of the listed communities (null: every account), plus, for a subdistrict
 * admin, the subdistrict-level accounts of their subdistrict.
 */
export interface AccountScope {
  communityIds: Scope;
  subdistrictId: number | null;
}
const accountInScope = (scope: AccountScope) =>
  scope.communityIds.ids === null
    ? sql<boolean>`true`
    : scope.subdistrictId === null
      ? inScope(scope.communityIds, 'a.community_id')
      : sql<boolean>`(${inScope(scope.communityIds, 'a.community_id')} or a.subdistrict_id = ${scope.subdistrictId})`;

const accountColumns = [
  'a.id',
  'a.username',
  'a.display_name',
  'a.role',
  'a.community_id',
  'a.subdistrict_id',
  'a.organisation_id',
  'a.phone_masked',
  'a.is_active',
  'a.created_at',
] as const;
const accountSorts = { username: 'a.username', displayName: 'a.display_name', role: 'a.role', createdAt: 'a.created_at', id: 'a.id' } as const;

export async function listAccounts(
  db: Db,
  scope: AccountScope,
  f: { communityId?: number; role?: string; isActive?: boolean; q?: string; phoneHash?: string },
  page: PageRequest,
) {
  let q = db.selectFrom('accounts as a').where(accountInScope(scope));
  if (f.communityId) q = q.where('a.community_id', '=', f.communityId);
  if (f.role) q = q.where('a.role', '=', f.role);
  if (f.isActive !== undefined) q = q.where('a.is_active', '=', f.isActive);
  if (f.q) {
    const like = likeOf(f.q);
    q = q.where((eb) =>
      eb.or([eb('a.username', 'like', like), eb('a.display_name', 'like', like), ...(f.phoneHash ? [eb('a.phone_hash', '=', f.phoneHash)] : [])]),
    );
  }
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const sortColumn = accountSorts[(page.sort ?? 'id') as keyof typeof accountSorts] ?? 'a.id';
  const rows = await q.select(accountColumns).orderBy(sql.ref(sortColumn), page.order).orderBy('a.id').offset(page.offset).limit(page.limit).execute();
  return { total: Number(total.n), rows };
}
export function findAccount(db: Db, scope: AccountScope, id: number) {
  return db.selectFrom('accounts as a').select(accountColumns).where('a.id', '=', id).where(accountInScope(scope)).executeTakeFirst();
}
export type AccountRow = NonNullable<Awaited<ReturnType<typeof findAccount>>>;

export function findAccountIdByUsername(db: Db, username: string) {
  return db.selectFrom('accounts').select('id').where('username', '=', username).executeTakeFirst();
}
export function findAccountIdByPhoneHash(db: Db, phoneHash: string) {
  return db.selectFrom('accounts').select('id').where('phone_hash', '=', phoneHash).executeTakeFirst();
}
// Accounts are keyed by id; which ones a caller may touch is checked by findAccount's AccountScope first.
export function insertAccount(
  db: Db,
  communityId: number | null,
  v: {
    username: string;
    display_name: string;
    role: string;
    password_hash: string;
    subdistrict_id: number | null;
    organisation_id?: number | null;
    phone_enc: string | null;
    phone_masked: string | null;
    phone_hash: string | null;
  },
) {
  return db
    .insertInto('accounts')
    .values({ community_id: communityId, ...v })
    .returning('id')
    .executeTakeFirstOrThrow();
}
export function updateAccount(
  db: Db,
  communityId: number | null,
  id: number,
  v: {
    display_name?: string;
    role?: string;
    is_active?: boolean;
    community_id?: number | null;
    subdistrict_id?: number | null;
    password_hash?: string;
    password_changed_at?: Date;
  },
) {
  const set = defined(v);
  if (!set) return Promise.resolve();
  return db
    .updateTable('accounts')
    .set(set)
    .where('id', '=', id)
    .where((eb) => (communityId === null ? eb('community_id', 'is', null) : eb('community_id', '=', communityId)))
    .execute();
}
