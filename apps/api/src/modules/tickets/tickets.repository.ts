export type { Scope } from '../../platform/db/scope.js';
import { sql, type Insertable, type Kysely, type QueryCreator, type Transaction, type Updateable } from 'kysely';
import { openTicketStatuses } from '@linli/contracts';
import type { DB } from '../../platform/db/schema.js';
import { inScope, type CommunityId, type Scope } from '../../platform/db/scope.js';
import { dueWithin, overdueOnTickets } from './overdue.repository.js';
import { auditInsertFrom } from '../../platform/audit/audit.js';

type Db = Kysely<DB> | Transaction<DB>;

export function listCategories(db: Db, communityId: CommunityId) {
  return db.selectFrom('ticket_categories').selectAll().where('community_id', '=', communityId).orderBy('sort').orderBy('id').execute();
}
export function findCategory(db: Db, communityId: CommunityId, id: number) {
  return db.selectFrom('ticket_categories').selectAll().where('community_id', '=', communityId).where('id', '=', id).executeTakeFirst();
}
export function insertCategories(db: Db, rows: Insertable<DB['ticket_categories']>[]) {
  return db
    .insertInto('ticket_categories')
    .values(rows)
    .onConflict((oc) => oc.columns(['community_id', 'code']).doNothing())
    .execute();
}
export function findCategoryInScope(db: Db, scope: Scope, id: number) {
  return db.selectFrom('ticket_categories').selectAll().where('id', '=', id).where(inScope(scope, 'community_id')).executeTakeFirst();
}

export function insertCategory(db: Db, row: Insertable<DB['ticket_categories']>) {
  return db.insertInto('ticket_categories').values(row).returningAll().executeTakeFirstOrThrow();
}

export function updateCategory(db: Db, id: number, v: Updateable<DB['ticket_categories']>) {
  return db.updateTable('ticket_categories').set(v).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

// Category names come from scalar subqueries rather than a join: planning joins cost more than a primary-key lookup,
// and the list's count reads tickets alone. Names other modules own are added by ticket-names.ts (ADR 0016).
function ticketQuery(db: Db | QueryCreator<DB>) {
  return db
    .selectFrom('tickets as t')
    .selectAll('t')
    .select([
      sql<string>`(select c.name_zh from ticket_categories c where c.id = t.category_id)`.as('category_zh'),
      sql<string>`(select c.name_en from ticket_categories c where c.id = t.category_id)`.as('category_en'),
    ]);
}
export type TicketRow = NonNullable<Awaited<ReturnType<ReturnType<typeof ticketQuery>['executeTakeFirst']>>>;

export function findTicket(db: Db, scope: Scope, id: number) {
  return ticketQuery(db).where('t.id', '=', id).where(inScope(scope, 't.community_id')).executeTakeFirst();
}
export function lockTicket(db: Db, communityId: CommunityId, id: number) {
  return db.selectFrom('tickets').selectAll().where('community_id', '=', communityId).where('id', '=', id).forUpdate().executeTakeFirst();
}

export interface TicketFilter {
  status?: string;
  categoryId?: number;
  channel?: string;
  compoundId?: number;
  overdueAt?: Date;
  q?: string;
  qTokens?: string[];
  /** The hash of `q` read as a tracking code: a resident at the desk reads out their code. */
  qTrackingHash?: string;
  assignedToAccount?: number;
}
export async function listTickets(db: Db, communityId: CommunityId, f: TicketFilter, page: { offset: number; limit: number; order: 'asc' | 'desc' }) {
  let q = ticketQuery(db).where('t.community_id', '=', communityId);
  if (f.status) q = q.where('t.status', '=', f.status);
  if (f.categoryId) q = q.where('t.category_id', '=', f.categoryId);
  if (f.channel) q = q.where('t.channel', '=', f.channel);
  if (f.compoundId) q = q.where('t.compound_id', '=', f.compoundId);
  if (f.q) {
    // A reference or a reporter's tracking code (by its hash) matches exactly; anything else is a full-text match over the jieba tokens.
    const terms = f.qTokens?.length ? f.qTokens.join(' & ') : null;
    const byTracking = f.qTrackingHash
      ? [sql<boolean>`t.id in (select r.ticket_id from ticket_reporters r where r.community_id = ${communityId} and r.tracking_hash = ${f.qTrackingHash})`]
      : [];
    q = q.where((eb) =>
      eb.or([eb('t.code', '=', f.q!), ...byTracking, ...(terms ? [sql<boolean>`to_tsvector('simple', t.tokens) @@ to_tsquery('simple', ${terms})`] : [])]),
    );
  }
  if (f.assignedToAccount) q = q.where('t.assignee_kind', '=', 'account').where('t.assignee_id', '=', f.assignedToAccount);
  if (f.overdueAt) {
    q = q.where(overdueOnTickets(f.overdueAt));
  }
  if (f.q) return searchPage(db, q, page);
  const total = await q
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await q.orderBy('t.created_at', page.order).orderBy('t.id', page.order).offset(page.offset).limit(page.limit).execute();
  return { total: Number(total.n), rows };
}

/**
 * A search page and its total in one statement, matches first. Asked for "newest 20", the planner walks the community
 * newest first and tests every row, counting on matches to come soon: a word that matches little or nothing (a tracking
 * code, a typo) then read the whole community, over a second at 200,000 tickets. Here the matches are collected once
 * (by the text index, as the count needs them anyway), counted, and only the page of them is read in full.
 */
async function searchPage(db: Db, filtered: ReturnType<typeof ticketQuery>, page: { offset: number; limit: number; order: 'asc' | 'desc' }) {
  const dir = page.order === 'asc' ? sql`asc` : sql`desc`;
  // `m` is only named in raw SQL below, so the query creator can keep the plain schema type.
  const withMatches = db.with(
    (w) => w('m').materialized(),
    () => filtered.clearSelect().select(['t.id', 't.created_at']),
  ) as unknown as QueryCreator<DB>;
  const rows = await ticketQuery(withMatches)
    .select(sql<number>`(select count(*) from m)`.as('total'))
    .where(sql<boolean>`t.id in (select id from m order by created_at ${dir}, id ${dir} offset ${page.offset} limit ${page.limit})`)
    .orderBy('t.created_at', page.order)
    .orderBy('t.id', page.order)
    .execute();
  if (rows.length > 0) return { total: Number(rows[0]!.total), rows };
  if (page.offset === 0) return { total: 0, rows };
  // Past the last page: no row to carry the total.
  const total = await filtered
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { total: Number(total.n), rows };
}

/** A category as intake needs it, with the community's automatic-dispatch setting, in one read. */
export function findCategoryForIntake(db: Db, communityId: CommunityId, id: number) {
  return db
    .selectFrom('ticket_categories as c')
    .leftJoin('ticket_settings as s', 's.community_id', 'c.community_id')
    .selectAll('c')
    .select(sql<boolean>`coalesce(s.auto_assign, false)`.as('auto_assign'))
    .where('c.community_id', '=', communityId)
    .where('c.id', '=', id)
    .executeTakeFirst();
}

type Row = Record<string, unknown>;
const columnList = (row: Row, prefix = '') =>
  sql.raw(
    Object.keys(row)
      .map((c) => prefix + c)
      .join(', '),
  );
// A row typed by its table: jsonb_populate_record reads each field as the column's own type, so one JSON parameter
// carries a whole row and no value needs a cast of its own.
const rowOf = (table: string, row: Row) => sql`jsonb_populate_record(null::${sql.raw(table)}, ${JSON.stringify(row)}::jsonb)`;

/**
 * A new ticket with its first reporter, its "created" event and its audit row, in one statement: atomic without a
 * transaction, and one round trip instead of six. Answers the ticket as `findTicket` reads it, and its event. The event
 * and audit rows are built by recordStep's stepRows; the audit part of the statement comes from the platform (audit_log is its table).
 */
export async function insertTicketWithTrail(db: Db, v: { ticket: Row; reporter: Row; event: Row; audit: Row }) {
  const { rows } = await sql<TicketRow & { event_id: number; event_created_at: Date }>`
    with t as (
      insert into tickets (${columnList(v.ticket)}) select ${columnList(v.ticket, 'x.')} from ${rowOf('tickets', v.ticket)} x returning *
    ), r as (
      insert into ticket_reporters (ticket_id, ${columnList(v.reporter)}) select t.id, ${columnList(v.reporter, 'x.')} from t, ${rowOf('ticket_reporters', v.reporter)} x
    ), e as (
      insert into ticket_events (ticket_id, ${columnList(v.event)}) select t.id, ${columnList(v.event, 'x.')} from t, ${rowOf('ticket_events', v.event)} x returning id, created_at
    ), a as (
      ${auditInsertFrom('t', v.audit)}
    )
    select t.*, c.name_zh as category_zh, c.name_en as category_en, e.id as event_id, e.created_at as event_created_at
    from t cross join e join ticket_categories c on c.id = t.category_id`.execute(db);
  return rows[0];
}

export function updateTicket(db: Db, communityId: CommunityId, id: number, v: Updateable<DB['tickets']>) {
  return db
    .updateTable('tickets')
    .set({ ...v, updated_at: new Date() })
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .execute();
}
export function insertEvent(db: Db, v: Insertable<DB['ticket_events']>) {
  return db.insertInto('ticket_events').values(v).execute();
}
export function listEvents(db: Db, communityId: CommunityId, ticketId: number, publicOnly = false) {
  return db
    .selectFrom('ticket_events as e')
    .select(['e.id', 'e.action', 'e.from_status', 'e.to_status', 'e.channel', 'e.note', 'e.is_public', 'e.created_at', 'e.actor_label', 'e.actor_id', 'e.data'])
    .where('e.community_id', '=', communityId)
    .where('e.ticket_id', '=', ticketId)
    .$if(publicOnly, (qb) => qb.where('e.is_public', '=', true))
    .orderBy('e.id')
    .execute();
}
export function moveReporters(db: Db, communityId: CommunityId, fromTicket: number, toTicket: number) {
  return db.updateTable('ticket_reporters').set({ ticket_id: toTicket }).where('community_id', '=', communityId).where('ticket_id', '=', fromTicket).execute();
}
export function countReporters(db: Db, ticketId: number) {
  return db
    .selectFrom('ticket_reporters')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('ticket_id', '=', ticketId)
    .executeTakeFirstOrThrow();
}
/** The reporter a tracking code belongs to, found by the code's hash, with what a proof is checked against. */
export function findReporterByTrackingHash(db: Db, trackingHash: string) {
  return db
    .selectFrom('ticket_reporters')
    .select(['id', 'ticket_id', 'community_id', 'key_hash', 'phone_masked', 'proof_failures', 'proof_locked_until'])
    .where('tracking_hash', '=', trackingHash)
    .executeTakeFirst();
}
/** Counts a wrong proof; answers the new count. */
export async function addProofFailure(db: Db, communityId: CommunityId, reporterId: number) {
  const row = await db
    .updateTable('ticket_reporters')
    .set((eb) => ({ proof_failures: eb('proof_failures', '+', 1) }))
    .where('community_id', '=', communityId)
    .where('id', '=', reporterId)
    .returning('proof_failures')
    .executeTakeFirstOrThrow();
  return row.proof_failures;
}
/** Locks the four-digit path until `until`, or (null) clears the count after a right proof. */
export function setProofLock(db: Db, communityId: CommunityId, reporterId: number, until: Date | null) {
  return db
    .updateTable('ticket_reporters')
    .set(until ? { proof_locked_until: until } : { proof_failures: 0, proof_locked_until: null })
    .where('community_id', '=', communityId)
    .where('id', '=', reporterId)
    .execute();
}

/** Open tickets of the community raised in the last 90 days: the pool duplicate suggestions are drawn from. */
export function openCandidates(db: Db, communityId: CommunityId, since: Date) {
  return db
    .selectFrom('tickets as t')
    .innerJoin('ticket_categories as c', 'c.id', 't.category_id')
    .select(['t.id', 't.code', 't.title', 't.status', 't.compound_id', 't.building_id', 't.category_id', 't.tokens', 't.created_at', 'c.name_zh as category'])
    .where('t.community_id', '=', communityId)
    .where('t.status', 'in', [...openTicketStatuses])
    .where('t.created_at', '>=', since)
    .orderBy('t.created_at', 'desc')
    .limit(2000)
    .execute();
}

export function photoIds(db: Db, ticketId: number) {
  return db.selectFrom('ticket_attachments').select('id').where('ticket_id', '=', ticketId).orderBy('id').execute();
}
export function findPhoto(db: Db, ticketId: number, id: number) {
  return db.selectFrom('ticket_attachments').select(['mime', 'data']).where('ticket_id', '=', ticketId).where('id', '=', id).executeTakeFirst();
}
export function insertPhoto(db: Db, v: { community_id: number; ticket_id: number; mime: string; size: number; sha256: string; data: Buffer }) {
  return db.insertInto('ticket_attachments').values(v).execute();
}

/** Open tickets whose deadline is within two hours or past, for the reminder sweep (a batch at a time). */
export function listTicketsNearDeadline(db: Db, now: Date) {
  return db
    .selectFrom('tickets')
    .select(['id', 'community_id', 'created_at', 'response_due_at', 'resolution_due_at', 'first_response_at'])
    .where(dueWithin(now, 2 * 3600_000, null))
    .limit(1000)
    .execute();
}

/** Records a reminder once per ticket and kind; answers false when it was already recorded. */
export async function insertReminderOnce(db: Db, v: { communityId: CommunityId; ticketId: number; kind: string }): Promise<boolean> {
  const row = await db
    .insertInto('ticket_reminders')
    .values({ community_id: v.communityId, ticket_id: v.ticketId, kind: v.kind })
    .onConflict((oc) => oc.columns(['ticket_id', 'kind']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return Boolean(row);
}

/** What a notice of a ticket event carries (webhooks), tickets' columns only. */
export function findTicketForNotice(db: Db, communityId: CommunityId, ticketId: number) {
  return db
    .selectFrom('tickets as t')
    .innerJoin('ticket_categories as c', 'c.id', 't.category_id')
    .select(['t.id', 't.code', 't.status', 't.title', 'c.name_zh as category', 't.compound_id', 't.resolution_due_at'])
    .where('t.community_id', '=', communityId)
    .where('t.id', '=', ticketId)
    .executeTakeFirst();
}

/** What the escalations module shows of tickets it holds escalations of (ids it has already scoped). */
export async function ticketSummaries(db: Db, ids: readonly number[]) {
  if (ids.length === 0)
    return new Map<
      number,
      { id: number; community_id: number; code: string; title: string; description: string; address_text: string | null; status: string }
    >();
  const rows = await db
    .selectFrom('tickets')
    .select(['id', 'community_id', 'code', 'title', 'description', 'address_text', 'status'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}
