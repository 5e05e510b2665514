import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import type { CommunityId } from '../../../platform/db/scope.js';

/** Tickets as an outside system (Open311) reads them: tickets' tables only; names are added by requests.ts. */

export interface RequestFilter {
  /** Public references; when given, the other filters are not applied (Open311: service_request_id overrides them). */
  codes?: string[];
  serviceCodes?: string[];
  statusIn?: readonly string[];
  statusNotIn?: readonly string[];
  createdFrom?: Date;
  createdTo?: Date;
}

/**
 * Requests of a community as Open311 shows them, newest first, at most 1,000: a merged one carries the public code of
 * the ticket it joined (`merged_into_code`); `first_photo_id` is the ticket's first photo (the reporter's, when any).
 */
export function listRequests(db: Kysely<DB>, communityId: CommunityId, f: RequestFilter) {
  let q = db
    .selectFrom('tickets as t')
    .innerJoin('ticket_categories as c', 'c.id', 't.category_id')
    .leftJoin('tickets as m', (j) => j.onRef('m.id', '=', 't.merged_into_id').onRef('m.community_id', '=', 't.community_id'))
    .select([
      't.id',
      't.code',
      't.status',
      't.description',
      't.address_text',
      't.latitude',
      't.longitude',
      't.created_at',
      't.updated_at',
      't.resolution_due_at',
      'c.code as service_code',
      'c.name_zh as service_name',
      't.compound_id',
      't.assignee_kind',
      't.assignee_id',
      'm.code as merged_into_code',
      (eb) =>
        eb
          .selectFrom('ticket_events as e')
          .select('e.note')
          .whereRef('e.ticket_id', '=', 't.id')
          .where('e.is_public', '=', true)
          .where('e.note', 'is not', null)
          .where('e.action', '<>', 'photos_added')
          .orderBy('e.id', 'desc')
          .limit(1)
          .as('status_notes'),
      (eb) => eb.selectFrom('ticket_attachments as a').select('a.id').whereRef('a.ticket_id', '=', 't.id').orderBy('a.id').limit(1).as('first_photo_id'),
    ])
    .where('t.community_id', '=', communityId);
  if (f.codes) q = q.where('t.code', 'in', f.codes.length ? f.codes : ['']);
  else {
    if (f.serviceCodes?.length) q = q.where('c.code', 'in', f.serviceCodes);
    if (f.statusIn) q = q.where('t.status', 'in', [...f.statusIn]);
    if (f.statusNotIn) q = q.where('t.status', 'not in', [...f.statusNotIn]);
    if (f.createdFrom) q = q.where('t.created_at', '>=', f.createdFrom);
    if (f.createdTo) q = q.where('t.created_at', '<=', f.createdTo);
  }
  return q.orderBy('t.created_at', 'desc').orderBy('t.id', 'desc').limit(1000).execute();
}

export function findTicketCode(db: Kysely<DB>, communityId: CommunityId, code: string) {
  return db.selectFrom('tickets').select(['id', 'code', 'status']).where('community_id', '=', communityId).where('code', '=', code).executeTakeFirst();
}

export interface UpdateFilter {
  /** One update by its id: overrides the other filters. */
  updateId?: number;
  codes?: string[];
  from?: Date;
  to?: Date;
}

/**
 * The public timeline of a community's tickets (events shown on the resident's tracking page), oldest first, at most
 * 1,000, each with the ticket's status after it: the last status any step of the ticket had set by then.
 */
export function listPublicUpdates(db: Kysely<DB>, communityId: CommunityId, f: UpdateFilter) {
  let q = db
    .selectFrom('ticket_events as e')
    .innerJoin('tickets as t', 't.id', 'e.ticket_id')
    .select([
      'e.id',
      'e.action',
      'e.note',
      'e.created_at',
      't.code',
      (eb) =>
        eb
          .selectFrom('ticket_events as s')
          .select('s.to_status')
          .whereRef('s.ticket_id', '=', 'e.ticket_id')
          .whereRef('s.id', '<=', 'e.id')
          .where('s.to_status', 'is not', null)
          .orderBy('s.id', 'desc')
          .limit(1)
          .as('status_after'),
    ])
    .where('e.community_id', '=', communityId)
    .where('t.community_id', '=', communityId)
    .where('e.is_public', '=', true);
  if (f.updateId !== undefined) q = q.where('e.id', '=', f.updateId);
  else {
    if (f.codes?.length) q = q.where('t.code', 'in', f.codes);
    if (f.from) q = q.where('e.created_at', '>=', f.from);
    if (f.to) q = q.where('e.created_at', '<=', f.to);
  }
  return q.orderBy('e.id').limit(1000).execute();
}

/** The update a client already posted under its own update_id, if any (a retried POST writes nothing twice). */
export function findClientUpdate(db: Kysely<DB>, communityId: CommunityId, ticketId: number, clientLabel: string, clientUpdateId: string) {
  return db
    .selectFrom('ticket_events')
    .select('id')
    .where('community_id', '=', communityId)
    .where('ticket_id', '=', ticketId)
    .where('actor_label', '=', clientLabel)
    .where(sql<string>`data->>'clientUpdateId'`, '=', clientUpdateId)
    .executeTakeFirst();
}

/** A photo of a community's ticket, by id alone (Open311 media links carry the photo id and a signature). */
export function findCommunityPhoto(db: Kysely<DB>, photoId: number) {
  return db.selectFrom('ticket_attachments').select(['id', 'community_id', 'mime', 'data']).where('id', '=', photoId).executeTakeFirst();
}

/** The newest step a writer recorded on a ticket under its label, read in the writer's own transaction. */
export async function lastLabelledEventId(db: Kysely<DB>, ticketId: number, action: string, actorLabel: string) {
  const row = await db
    .selectFrom('ticket_events')
    .select('id')
    .where('ticket_id', '=', ticketId)
    .where('action', '=', action)
    .where('actor_label', '=', actorLabel)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  return row.id;
}
