import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import type { CommunityId } from '../../../platform/db/scope.js';

/** Tickets as an outside system (Open311) reads them: tickets' tables only; names are added by requests.ts. */

export interface RequestFilter {
  codes?: string[];
  serviceCode?: string;
  statusIn?: readonly string[];
  statusNotIn?: readonly string[];
  createdFrom?: Date;
  createdTo?: Date;
}

/** Requests of a community as Open311 shows them (merged tickets left out), newest first, at most 1,000. */
export function listRequests(db: Kysely<DB>, communityId: CommunityId, f: RequestFilter) {
  let q = db
    .selectFrom('tickets as t')
    .innerJoin('ticket_categories as c', 'c.id', 't.category_id')
    .select([
      't.code',
      't.status',
      't.description',
      't.address_text',
      't.created_at',
      't.updated_at',
      't.resolution_due_at',
      'c.code as service_code',
      'c.name_zh as service_name',
      't.compound_id',
      't.assignee_kind',
      't.assignee_id',
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

export function findTicketCode(db: Kysely<DB>, communityId: CommunityId, code: string) {
  return db.selectFrom('tickets').select('code').where('community_id', '=', communityId).where('code', '=', code).executeTakeFirst();
}
