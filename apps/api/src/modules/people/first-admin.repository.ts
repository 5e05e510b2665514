import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';

type Db = Kysely<DB> | Transaction<DB>;

/** Installation-wide, on purpose: the question is whether any account at all exists. */
export async function hasAnyAccount(db: Db): Promise<boolean> {
  return (await db.selectFrom('accounts').select('id').limit(1).executeTakeFirst()) !== undefined;
}

export async function replaceSetupToken(db: Db, tokenHash: string): Promise<void> {
  await db.deleteFrom('setup_tokens').execute();
  await db.insertInto('setup_tokens').values({ token_hash: tokenHash }).execute();
}

export async function clearSetupTokens(db: Db): Promise<void> {
  await db.deleteFrom('setup_tokens').execute();
}

/** The stored token hashes, locked until the transaction ends so that two setups run one after the other. */
export async function lockSetupTokens(trx: Transaction<DB>): Promise<string[]> {
  const rows = await trx.selectFrom('setup_tokens').select('token_hash').forUpdate().execute();
  return rows.map((r) => r.token_hash);
}

export async function insertSystemAdmin(trx: Transaction<DB>, values: { username: string; display_name: string; password_hash: string }) {
  return trx
    .insertInto('accounts')
    .values({ ...values, role: 'system_admin', community_id: null, subdistrict_id: null })
    .returning(['id', 'username'])
    .executeTakeFirstOrThrow();
}
