import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';

/** Accounts are platform-wide (a login precedes any community), so these queries are keyed by account or session. */
export function findAccountByLogin(db: Kysely<DB>, username: string, phoneHash: string) {
  return db
    .selectFrom('accounts')
    .selectAll()
    .where((eb) => eb.or([eb('username', '=', username), eb('phone_hash', '=', phoneHash)]))
    .where('is_active', '=', true)
    .executeTakeFirst();
}

export function findSessionAccount(db: Kysely<DB>, sessionId: string) {
  return db
    .selectFrom('sessions as s')
    .innerJoin('accounts as a', 'a.id', 's.account_id')
    .leftJoin('communities as c', 'c.id', 'a.community_id')
    .select([
      'a.id', 'a.username', 'a.display_name', 'a.role', 'a.community_id', 'a.subdistrict_id', 'a.locale',
      'c.name as community_name', 'c.subdistrict_id as community_subdistrict_id',
    ])
    .where('s.id', '=', sessionId)
    .where('s.revoked_at', 'is', null)
    .where('s.expires_at', '>', new Date())
    .where('a.is_active', '=', true)
    .executeTakeFirst();
}

export async function communityIdsOfSubdistrict(db: Kysely<DB>, subdistrictId: number): Promise<number[]> {
  const rows = await db.selectFrom('communities').select('id').where('subdistrict_id', '=', subdistrictId).orderBy('id').execute();
  return rows.map((r) => r.id);
}

export function findSubdistrictName(db: Kysely<DB>, subdistrictId: number) {
  return db.selectFrom('subdistricts').select('name').where('id', '=', subdistrictId).executeTakeFirst();
}
