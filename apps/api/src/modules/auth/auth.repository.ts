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

export function insertSession(db: Kysely<DB>, v: { id: string; accountId: number; expiresAt: Date; ip: string; userAgent: string | null }) {
  return db.insertInto('sessions').values({ id: v.id, account_id: v.accountId, expires_at: v.expiresAt, ip: v.ip, user_agent: v.userAgent }).execute();
}

export function revokeSession(db: Kysely<DB>, sessionId: string) {
  return db.updateTable('sessions').set({ revoked_at: new Date() }).where('id', '=', sessionId).execute();
}

/** Ends every open session of an account but the one kept (the caller's own, after a password change). */
export function revokeOtherSessions(db: Kysely<DB>, accountId: number, keepSessionId: string | undefined) {
  return db
    .updateTable('sessions')
    .set({ revoked_at: new Date() })
    .where('account_id', '=', accountId)
    .where('revoked_at', 'is', null)
    .$if(keepSessionId !== undefined, (qb) => qb.where('id', '!=', keepSessionId!))
    .execute();
}

export function findMe(db: Kysely<DB>, accountId: number) {
  return db
    .selectFrom('accounts as a')
    .leftJoin('communities as c', 'c.id', 'a.community_id')
    .select(['a.id', 'a.username', 'a.display_name', 'a.role', 'a.community_id', 'a.locale', 'c.name as community_name'])
    .where('a.id', '=', accountId)
    .executeTakeFirstOrThrow();
}

export function findPasswordOf(db: Kysely<DB>, accountId: number) {
  return db.selectFrom('accounts').select(['password_hash', 'username']).where('id', '=', accountId).executeTakeFirstOrThrow();
}

export function setPassword(db: Kysely<DB>, accountId: number, passwordHash: string) {
  return db.updateTable('accounts').set({ password_hash: passwordHash, password_changed_at: new Date() }).where('id', '=', accountId).execute();
}

/** The health check's one round trip to the database. */
export function pingDatabase(db: Kysely<DB>) {
  return db.selectFrom('communities').select('id').limit(1).execute();
}
