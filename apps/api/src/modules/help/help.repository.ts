import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { inScope, type CommunityId, type Scope } from '../../platform/db/scope.js';

type Db = Kysely<DB> | Transaction<DB>;

/** What lists read: never the sealed request, circumstances or basis. */
const listColumns = [
  'n.id',
  'n.community_id',
  'n.resident_id',
  'n.category',
  'n.status',
  'n.helper_kind',
  'n.helper_id',
  'n.created_at',
  'n.closed_at',
] as const;

export interface HelpNeedFilter {
  status?: string;
  category?: string;
}

const withActions = (db: Db) =>
  db
    .selectFrom('help_needs as n')
    .select(listColumns)
    .select((eb) => [
      eb.selectFrom('help_actions as a').whereRef('a.need_id', '=', 'n.id').select(eb.fn.countAll<number>().as('c')).as('action_count'),
      sql<string | null>`(select max(a.acted_on)::text from help_actions a where a.need_id = n.id)`.as('last_acted_on'),
    ]);

export async function listHelpNeeds(db: Db, communityId: CommunityId, f: HelpNeedFilter, page: { offset: number; limit: number }) {
  let q = db.selectFrom('help_needs as n').where('n.community_id', '=', communityId);
  if (f.status) q = q.where('n.status', '=', f.status as 'open');
  if (f.category) q = q.where('n.category', '=', f.category);
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  let rows = withActions(db).where('n.community_id', '=', communityId);
  if (f.status) rows = rows.where('n.status', '=', f.status as 'open');
  if (f.category) rows = rows.where('n.category', '=', f.category);
  return { total: Number(total.n), rows: await rows.orderBy('n.id', 'desc').offset(page.offset).limit(page.limit).execute() };
}

export function findHelpNeed(db: Db, scope: Scope, id: number) {
  return withActions(db).where('n.id', '=', id).where(inScope(scope, 'n.community_id')).executeTakeFirst();
}
export type HelpNeedRow = NonNullable<Awaited<ReturnType<typeof findHelpNeed>>>;

export function findHelpSecrets(db: Db, scope: Scope, id: number) {
  return db
    .selectFrom('help_needs')
    .select(['id', 'community_id', 'resident_id', 'category', 'request_enc', 'circumstances_enc', 'basis_enc', 'status'])
    .where('id', '=', id)
    .where(inScope(scope, 'community_id'))
    .executeTakeFirst();
}

export function insertHelpNeed(
  db: Db,
  communityId: CommunityId,
  v: { resident_id: number; category: string; request_enc: string; circumstances_enc: string | null; basis_enc: string | null; created_by: number },
) {
  return db
    .insertInto('help_needs')
    .values({ community_id: communityId, ...v })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function updateHelpNeed(
  db: Db,
  communityId: CommunityId,
  id: number,
  v: Partial<{
    category: string;
    request_enc: string;
    circumstances_enc: string | null;
    status: 'open' | 'in_progress' | 'closed';
    helper_kind: 'account' | 'team' | 'partner' | 'party_member';
    helper_id: number;
    closed_at: Date | null;
  }>,
) {
  const set = Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined));
  await db
    .updateTable('help_needs')
    .set({ ...set, updated_at: new Date() })
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .execute();
}

export function insertHelpAction(db: Db, communityId: CommunityId, v: { need_id: number; acted_on: string; note: string; actor_id: number }) {
  return db
    .insertInto('help_actions')
    .values({ community_id: communityId, ...v })
    .returning('id')
    .executeTakeFirstOrThrow();
}
export function helpActions(db: Db, needId: number) {
  return db
    .selectFrom('help_actions')
    .select(['id', 'acted_on', 'note', 'actor_id', 'created_at'])
    .where('need_id', '=', needId)
    .orderBy('acted_on')
    .orderBy('id')
    .execute();
}

export function insertHelpEvent(
  db: Db,
  v: {
    community_id: number;
    need_id: number;
    action: string;
    from_status?: string | null;
    to_status?: string | null;
    actor_id: number | null;
    note?: string | null;
  },
) {
  return db.insertInto('help_need_events').values(v).execute();
}
export function helpEvents(db: Db, needId: number) {
  return db
    .selectFrom('help_need_events')
    .select(['id', 'action', 'from_status', 'to_status', 'actor_id', 'note', 'created_at'])
    .where('need_id', '=', needId)
    .orderBy('id')
    .execute();
}

/** Rows of the ledger in id order, from `afterId`, with their sealed fields (the ledger shows them only with piiFields). */
export function helpLedgerBatch(db: Db, communityId: CommunityId, afterId: number, limit: number) {
  return db
    .selectFrom('help_needs as n')
    .select(['n.id', 'n.resident_id', 'n.category', 'n.request_enc', 'n.status', 'n.helper_kind', 'n.helper_id', 'n.created_at', 'n.closed_at'])
    .select((eb) => [
      eb.selectFrom('help_actions as a').whereRef('a.need_id', '=', 'n.id').select(eb.fn.countAll<number>().as('c')).as('action_count'),
      sql<string | null>`(select max(a.acted_on)::text from help_actions a where a.need_id = n.id)`.as('last_acted_on'),
      sql<string | null>`(select string_agg(a.acted_on::text || ' ' || a.note, '；' order by a.acted_on, a.id) from help_actions a where a.need_id = n.id)`.as(
        'actions_text',
      ),
    ])
    .where('n.community_id', '=', communityId)
    .where('n.id', '>', afterId)
    .orderBy('n.id')
    .limit(limit)
    .execute();
}
export async function countHelpNeeds(db: Db, communityId: CommunityId) {
  const r = await db
    .selectFrom('help_needs')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('community_id', '=', communityId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
