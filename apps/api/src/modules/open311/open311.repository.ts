import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { inScope, type CommunityId, type Scope } from '../../platform/db/scope.js';

/** Open311's own table, open311_clients, read by key hash: a client has no session scope. Tickets and places are read through their index.ts. */
export function findActiveClient(db: Kysely<DB>, keyHash: string) {
  return db.selectFrom('open311_clients').selectAll().where('key_hash', '=', keyHash).where('is_active', '=', true).executeTakeFirst();
}

export function insertClient(db: Kysely<DB>, v: { communityId: CommunityId; name: string; keyHash: string; keyPrefix: string }) {
  return db
    .insertInto('open311_clients')
    .values({ community_id: v.communityId, name: v.name, key_hash: v.keyHash, key_prefix: v.keyPrefix })
    .onConflict((oc) => oc.column('key_hash').doNothing())
    .returning('id')
    .executeTakeFirst();
}

export function listClients(db: Kysely<DB>, communityId: CommunityId) {
  return db
    .selectFrom('open311_clients')
    .select(['id', 'name', 'key_prefix', 'is_active', 'created_at'])
    .where('community_id', '=', communityId)
    .orderBy('id')
    .execute();
}

export function findClient(db: Kysely<DB>, scope: Scope, id: number) {
  return db.selectFrom('open311_clients').select(['id', 'community_id']).where('id', '=', id).where(inScope(scope, 'community_id')).executeTakeFirst();
}

export function deactivateClient(db: Kysely<DB>, id: number) {
  return db.updateTable('open311_clients').set({ is_active: false }).where('id', '=', id).execute();
}
