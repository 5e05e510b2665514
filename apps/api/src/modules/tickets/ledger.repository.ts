import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';

export interface LedgerWhere {
  communityId: number; from?: Date; to?: Date; status?: string; categoryId?: number; compoundId?: number; channel?: string;
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
  const r = await base(db, w).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** One page of ledger rows, by id; `afterId` pages by key (exports), `offset` by number (the screen). */
export function ledgerRows(db: Kysely<DB>, w: LedgerWhere, page: { afterId?: number; offset?: number; limit: number }) {
  let q = base(db, w)
    .innerJoin('ticket_categories as c', 'c.id', 't.category_id')
    .leftJoin('compounds as p', 'p.id', 't.compound_id')
    .leftJoin('buildings as b', 'b.id', 't.building_id')
    .leftJoin('accounts as aa', (j) => j.onRef('aa.id', '=', 't.assignee_id').on('t.assignee_kind', '=', 'account'))
    .leftJoin('teams as at', (j) => j.onRef('at.id', '=', 't.assignee_id').on('t.assignee_kind', '=', 'team'))
    .leftJoin('partners as ap', (j) => j.onRef('ap.id', '=', 't.assignee_id').on('t.assignee_kind', '=', 'partner'))
    .leftJoin('partners as ep', 'ep.id', 't.escalated_to_partner_id')
    .select([
      't.id', 't.code', 't.created_at', 't.channel', 't.reporter_name', 't.reporter_phone_masked', 't.is_anonymous', 't.address_text',
      'p.name as compound_name', 'b.name as building_name', 'c.name_zh as category', 't.title', 't.description', 't.first_response_at',
      'aa.display_name as assignee_account', 'at.name as assignee_team', 'ap.name as assignee_partner', 'ep.name as escalated_to',
      't.resolved_at', 't.result_text', 't.rated_at', 't.closed_at', 't.close_reason', 't.rating', 't.status',
      't.response_due_at', 't.resolution_due_at',
    ])
    .orderBy('t.id')
    .limit(page.limit);
  if (page.afterId !== undefined) q = q.where('t.id', '>', page.afterId);
  if (page.offset) q = q.offset(page.offset);
  return q.execute();
}
export type LedgerDbRow = Awaited<ReturnType<typeof ledgerRows>>[number];

export function eventsOf(db: Kysely<DB>, communityId: number, ticketIds: number[]) {
  if (ticketIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('ticket_events as e')
    .leftJoin('accounts as a', 'a.id', 'e.actor_id')
    .select(['e.ticket_id', 'e.action', 'e.note', 'e.created_at', 'a.display_name as actor'])
    .where('e.community_id', '=', communityId)
    .where('e.ticket_id', 'in', ticketIds)
    .orderBy('e.ticket_id')
    .orderBy('e.id')
    .execute();
}
