import { sql, type Expression, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import type { CommunityId } from '../../../platform/db/scope.js';
import { lateOnTickets } from '../overdue.repository.js';

export interface LedgerWhere {
  communityId: CommunityId;
  from?: Date;
  to?: Date;
  status?: string;
  categoryId?: number;
  compoundId?: number;
  channel?: string;
}

function base(db: Kysely<DB>, w: LedgerWhere) {
  let q = db.selectFrom('tickets as t').where('t.community_id', '=', w.communityId).where('t.status', '<>', 'merged');
  if (w.from) q = q.where('t.created_at', '>=', w.from);
  if (w.to) q = q.where('t.created_at', '<', w.to);
  if (w.status) q = q.where('t.status', '=', w.status);
  if (w.categoryId) q = q.where('t.category_id', '=', w.categoryId);
  if (w.compoundId) q = q.where('t.compound_id', '=', w.compoundId);
  if (w.channel) q = q.where('t.channel', '=', w.channel);
  return q;
}

export async function countLedger(db: Kysely<DB>, w: LedgerWhere): Promise<number> {
  const r = await base(db, w)
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

// Times leave the database already printed as the ledger shows them (Beijing wall time, as beijingText prints it):
// a 100,000-row export otherwise parses and formats about a million timestamps in JavaScript.
const beijing = (e: Expression<Date | null>) => sql<string | null>`to_char(${e} at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI')`;

function withColumns(q: ReturnType<typeof base>) {
  return q
    .innerJoin('ticket_categories as c', 'c.id', 't.category_id')
    .select((eb) => [
      't.id',
      't.code',
      't.channel',
      't.reporter_name',
      't.reporter_phone_masked',
      't.is_anonymous',
      't.address_text',
      // Names owned by places, people and partners are added by ledger-rows.ts from these ids.
      't.compound_id',
      't.building_id',
      't.assignee_kind',
      't.assignee_id',
      't.escalated_to_partner_id',
      'c.name_zh as category',
      't.description',
      't.result_text',
      't.close_reason',
      't.rating',
      beijing(eb.ref('t.created_at')).as('raised_at'),
      beijing(eb.ref('t.first_response_at')).as('accepted_at'),
      beijing(eb.ref('t.resolved_at')).as('resolved_at'),
      beijing(sql<Date | null>`coalesce(t.rated_at, case when t.close_reason = 'follow_up' then t.closed_at end)`).as('follow_up_at'),
      // Late to respond or to resolve; an open ticket is late once its deadline has passed.
      lateOnTickets.as('overdue'),
    ])
    .orderBy('t.id');
}

/** One page of ledger rows by id, for the screen. */
export function ledgerRows(db: Kysely<DB>, w: LedgerWhere, page: { offset: number; limit: number }) {
  return withColumns(base(db, w)).offset(page.offset).limit(page.limit).execute();
}

/**
 * Every id the export will write, in key order, read in one pass. The export then fetches its batches by primary key,
 * so each batch costs the same whatever the planner knows: PGlite never runs autovacuum, and without statistics a
 * keyset page (`id > last order by id limit n`) re-read and re-sorted the rest of the community for every batch.
 */
export async function ledgerIds(db: Kysely<DB>, w: LedgerWhere): Promise<number[]> {
  const rows = await base(db, w).select('t.id').orderBy('t.id').execute();
  return rows.map((r) => r.id);
}

// One array parameter instead of a thousand placeholders: cheaper to send and to plan, the same on both engines.
const idArray = (ids: number[]) => `{${ids.join(',')}}`;

/**
 * The ledger rows of these ids (from ledgerIds, so already in the community and the filter), in id order. Only the
 * primary key is offered to the planner: with `community_id` in the query too, a table without statistics is read
 * through the community index, the whole community for every batch.
 */
export function ledgerRowsOf(db: Kysely<DB>, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return withColumns(db.selectFrom('tickets as t').where(sql<boolean>`t.id = any(${idArray(ids)}::bigint[])`)).execute();
}
export type LedgerDbRow = Awaited<ReturnType<typeof ledgerRows>>[number];

export function eventsOf(db: Kysely<DB>, communityId: CommunityId, ticketIds: number[]) {
  if (ticketIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('ticket_events as e')
    .select((eb) => ['e.ticket_id', 'e.action', 'e.note', beijing(eb.ref('e.created_at')).as('at'), 'e.actor_id'])
    .where('e.community_id', '=', communityId)
    .where(sql<boolean>`e.ticket_id = any(${idArray(ticketIds)}::bigint[])`)
    .orderBy('e.ticket_id')
    .orderBy('e.id')
    .execute();
}
