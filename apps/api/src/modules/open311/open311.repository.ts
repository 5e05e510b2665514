import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { inScope, type Scope } from '../../platform/db/scope.js';

/** Open311 reads by jurisdiction (the community code) and by key hash: a client has no session scope. */
export function findCommunityByCode(db: Kysely<DB>, code: string) {
  return db.selectFrom('communities').select(['id', 'name', 'code']).where('code', '=', code).executeTakeFirst();
}

export function listCompounds(db: Kysely<DB>, communityId: number) {
  return db.selectFrom('compounds').select(['id', 'name']).where('community_id', '=', communityId).orderBy('name').execute();
}

export async function hasCompound(db: Kysely<DB>, communityId: number, compoundId: number): Promise<boolean> {
  return Boolean(await db.selectFrom('compounds').select('id').where('community_id', '=', communityId).where('id', '=', compoundId).executeTakeFirst());
}

export function findActiveClient(db: Kysely<DB>, keyHash: string) {
  return db.selectFrom('open311_clients').selectAll().where('key_hash', '=', keyHash).where('is_active', '=', true).executeTakeFirst();
}

export interface RequestFilter {
  codes?: string[];
  serviceCode?: string;
  statusIn?: readonly string[];
  statusNotIn?: readonly string[];
  createdFrom?: Date;
  createdTo?: Date;
}

/** Requests of a community as Open311 shows them (merged tickets left out), newest first, at most 1,000. */
export function listRequests(db: Kysely<DB>, communityId: number, f: RequestFilter) {
  let q = db
    .selectFrom('tickets as t')
    .innerJoin('ticket_categories as c', 'c.id', 't.category_id')
    .innerJoin('communities as m', 'm.id', 't.community_id')
    .leftJoin('compounds as p', 'p.id', 't.compound_id')
    .leftJoin('accounts as aa', (j) => j.onRef('aa.id', '=', 't.assignee_id').on('t.assignee_kind', '=', 'account'))
    .leftJoin('partners as ap', (j) => j.onRef('ap.id', '=', 't.assignee_id').on('t.assignee_kind', '=', 'partner'))
    .select([
      't.code', 't.status', 't.description', 't.address_text', 't.created_at', 't.updated_at', 't.resolution_due_at', 'c.code as service_code',
      'c.name_zh as service_name', 'p.name as compound', 'm.name as community', 'aa.display_name as assignee', 'ap.name as partner',
      (eb) =>
        eb
          .selectFrom('ticket_events as e')
          .select('e.note')
          .whereRef('e.ticket_id', '=', 't.id')
          .where('e.is_public', '=', true)
          .where('e.note', 'is not', null)
          .orderBy('e.id', 'desc')
          .limit(1)
          .as('status_notes'),
    ])
    .where('t.community_id', '=', communityId)
    .where('t.status', '<>', 'merged');
  if (f.codes) q = q.where('t.code', 'in', f.codes);
  if (f.serviceCode) q = q.where('c.code', '=', f.serviceCode);
  if (f.statusIn) q = q.where('t.status', 'in', [...f.statusIn]);
  if (f.statusNotIn) q = q.where('t.status', 'not in', [...f.statusNotIn]);
  if (f.createdFrom) q = q.where('t.created_at', '>=', f.createdFrom);
  if (f.createdTo) q = q.where('t.created_at', '<=', f.createdTo);
  return q.orderBy('t.created_at', 'desc').limit(1000).execute();
}
export type RequestRow = Awaited<ReturnType<typeof listRequests>>[number];

export function findTicketCode(db: Kysely<DB>, communityId: number, code: string) {
  return db.selectFrom('tickets').select('code').where('community_id', '=', communityId).where('code', '=', code).executeTakeFirst();
}

export function insertClient(db: Kysely<DB>, v: { communityId: number; name: string; keyHash: string; keyPrefix: string }) {
  return db
    .insertInto('open311_clients')
    .values({ community_id: v.communityId, name: v.name, key_hash: v.keyHash, key_prefix: v.keyPrefix })
    .onConflict((oc) => oc.column('key_hash').doNothing())
    .returning('id')
    .executeTakeFirst();
}

export function listClients(db: Kysely<DB>, communityId: number) {
  return db.selectFrom('open311_clients').select(['id', 'name', 'key_prefix', 'is_active', 'created_at']).where('community_id', '=', communityId).orderBy('id').execute();
}

export function findClient(db: Kysely<DB>, scope: Scope, id: number) {
  return db.selectFrom('open311_clients').select(['id', 'community_id']).where('id', '=', id).where(inScope(scope, 'community_id')).executeTakeFirst();
}

export function deactivateClient(db: Kysely<DB>, id: number) {
  return db.updateTable('open311_clients').set({ is_active: false }).where('id', '=', id).execute();
}
