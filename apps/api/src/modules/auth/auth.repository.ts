import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';

type Db = Kysely<DB>;

/** Auth owns sessions only (docs/data-ownership.md); accounts are people's, read through people/index.ts. */
export function findOpenSession(db: Db, sessionId: string) {
  return db
    .selectFrom('sessions')
    .select('account_id')
    .where('id', '=', sessionId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', new Date())
    .executeTakeFirst();
}
export function insertSession(db: Db, v: { id: string; accountId: number; expiresAt: Date; ip: string; userAgent: string | null }) {
  return db.insertInto('sessions').values({ id: v.id, account_id: v.accountId, expires_at: v.expiresAt, ip: v.ip, user_agent: v.userAgent }).execute();
}
export function revokeSession(db: Db, sessionId: string) {
  return db.updateTable('sessions').set({ revoked_at: new Date() }).where('id', '=', sessionId).execute();
}
/** Ends every open session of an account but the one kept (the caller's own, after a password change), if any. */
export function revokeOtherSessions(db: Db, accountId: number, keepSessionId: string | undefined, at = new Date()) {
  return db
    .updateTable('sessions')
    .set({ revoked_at: at })
    .where('account_id', '=', accountId)
    .where('revoked_at', 'is', null)
    .$if(keepSessionId !== undefined, (qb) => qb.where('id', '!=', keepSessionId!))
    .execute();
}
/** The health check's one round trip to the database. */
export function pingDatabase(db: Db) {
  return sql`select 1`.execute(db);
}
