import { sql, type Insertable, type Kysely, type Transaction, type Updateable } from 'kysely';
import type { CarePairingsTable, CareRecipientsTable, CareVisitsTable, DB } from '../../platform/db/schema.js';
import { inScope, type CommunityId, type Scope } from '../../platform/db/scope.js';
import { residentView } from '../places/index.js';

type Db = Kysely<DB> | Transaction<DB>;

// ---- settings
export function findSettings(db: Db, cid: CommunityId) {
  return db.selectFrom('care_settings').selectAll().where('community_id', '=', cid).executeTakeFirst();
}
export function upsertSettings(
  db: Db,
  cid: CommunityId,
  v: { high_interval_days: number; key_interval_days: number; general_interval_days: number; major_change_hours: number; updated_by: number },
) {
  return db
    .insertInto('care_settings')
    .values({ community_id: cid, ...v })
    .onConflict((oc) => oc.column('community_id').doUpdateSet({ ...v, updated_at: new Date() }))
    .execute();
}

// ---- recipients
export type RecipientInsert = Omit<Insertable<CareRecipientsTable>, 'community_id'>;

export function insertRecipient(db: Db, cid: CommunityId, v: RecipientInsert) {
  return db
    .insertInto('care_recipients')
    .values({ ...v, community_id: cid })
    .returning('id')
    .executeTakeFirstOrThrow();
}
export function updateRecipient(db: Db, cid: CommunityId, id: number, v: Updateable<CareRecipientsTable>) {
  return db
    .updateTable('care_recipients')
    .set({ ...v, updated_at: new Date() })
    .where('community_id', '=', cid)
    .where('id', '=', id)
    .execute();
}
export function activeRecipientOfResident(db: Db, cid: CommunityId, residentId: number) {
  return db
    .selectFrom('care_recipients')
    .select('id')
    .where('community_id', '=', cid)
    .where('resident_id', '=', residentId)
    .where('status', '=', 'active')
    .executeTakeFirst();
}

/** Recipient rows with the resident's name and place (places' derived view, no join of its tables here). */
function recipientQuery(db: Db) {
  return db
    .selectFrom('care_recipients as c')
    .innerJoin(residentView(db).as('r'), 'r.id', 'c.resident_id')
    .select([
      'c.id',
      'c.community_id',
      'c.resident_id',
      'c.tier',
      'c.status',
      'c.qualifying_tags',
      'c.family_contacts',
      'c.health_notes_enc',
      'c.care_plan',
      'c.major_change_at',
      'c.major_change_note',
      'c.last_visit_at',
      'c.created_at',
      'c.ended_at',
      'c.end_reason',
      'r.name as resident_name',
      'r.gender',
      'r.compound_name',
      'r.building_name',
      'r.unit_name',
      'r.room_no',
      (eb) =>
        eb
          .selectFrom('care_pairings as p')
          .select(sql<number>`count(*)::int`.as('n'))
          .whereRef('p.recipient_id', '=', 'c.id')
          .where('p.active', '=', true)
          .as('pairing_count'),
    ]);
}
export type RecipientRow = Awaited<ReturnType<typeof findRecipient>> & {};

export function findRecipient(db: Db, scope: Scope, id: number) {
  return recipientQuery(db).where(inScope(scope, 'c.community_id')).where('c.id', '=', id).executeTakeFirst();
}
export function recipientsByIds(db: Db, cid: CommunityId, ids: readonly number[]) {
  return recipientQuery(db)
    .where('c.community_id', '=', cid)
    .where(sql<boolean>`c.id = any(${sql.val([...ids, -1])}::bigint[])`)
    .execute();
}
export async function listRecipients(
  db: Db,
  cid: CommunityId,
  f: { tier?: string; status?: string; q?: string; ids?: readonly number[] },
  page: { offset: number; limit: number },
) {
  const base = recipientQuery(db)
    .where('c.community_id', '=', cid)
    .$if(!!f.tier, (q) => q.where('c.tier', '=', f.tier as 'high'))
    .where('c.status', '=', (f.status ?? 'active') as 'active')
    .$if(!!f.q, (q) => q.where('r.name', 'like', `%${f.q}%`))
    .$if(!!f.ids, (q) => q.where(sql<boolean>`c.id = any(${sql.val([...(f.ids ?? []), -1])}::bigint[])`));
  const [{ n } = { n: 0 }] = await db
    .selectFrom(base.as('x'))
    .select(sql<number>`count(*)::int`.as('n'))
    .execute();
  const rows = await base.orderBy('c.id').offset(page.offset).limit(page.limit).execute();
  return { total: n, rows };
}

/** What the due rule needs of every active recipient of a community (the board and the coverage report). */
export function dueFacts(db: Db, cid: CommunityId, opts: { includeEndedSince?: Date } = {}) {
  return db
    .selectFrom('care_recipients as c')
    .select([
      'c.id',
      'c.tier',
      'c.created_at',
      'c.last_visit_at',
      'c.major_change_at',
      'c.ended_at',
      (eb) => eb.exists(eb.selectFrom('care_pairings as p').select('p.id').whereRef('p.recipient_id', '=', 'c.id').where('p.active', '=', true)).as('paired'),
    ])
    .where('c.community_id', '=', cid)
    .where((eb) =>
      opts.includeEndedSince ? eb.or([eb('c.status', '=', 'active'), eb('c.ended_at', '>=', opts.includeEndedSince)]) : eb('c.status', '=', 'active'),
    )
    .orderBy('c.id')
    .execute();
}
export function recipientIdsPairedWith(db: Db, cid: CommunityId, accountId: number) {
  return db
    .selectFrom('care_pairings')
    .select('recipient_id')
    .distinct()
    .where('community_id', '=', cid)
    .where('account_id', '=', accountId)
    .where('active', '=', true)
    .execute();
}

// ---- pairings
export function insertPairing(db: Db, cid: CommunityId, v: Omit<Insertable<CarePairingsTable>, 'community_id'>) {
  return db
    .insertInto('care_pairings')
    .values({ ...v, community_id: cid })
    .returning('id')
    .executeTakeFirstOrThrow();
}
export function endPairing(db: Db, cid: CommunityId, id: number) {
  return db.updateTable('care_pairings').set({ active: false, ended_at: new Date() }).where('community_id', '=', cid).where('id', '=', id).execute();
}
export function endPairingsOf(db: Db, cid: CommunityId, recipientId: number) {
  return db
    .updateTable('care_pairings')
    .set({ active: false, ended_at: new Date() })
    .where('community_id', '=', cid)
    .where('recipient_id', '=', recipientId)
    .where('active', '=', true)
    .execute();
}
function pairingQuery(db: Db) {
  return db
    .selectFrom('care_pairings as p')
    .innerJoin('care_recipients as c', 'c.id', 'p.recipient_id')
    .innerJoin(residentView(db).as('r'), 'r.id', 'c.resident_id')
    .select([
      'p.id',
      'p.community_id',
      'p.recipient_id',
      'p.helper_kind',
      'p.account_id',
      'p.party_member_id',
      'p.partner_id',
      'p.helper_name',
      'p.helper_phone_masked',
      'p.duties',
      'p.frequency',
      'p.ladder_order',
      'p.active',
      'p.created_at',
      'p.ended_at',
      'r.name as recipient_name',
    ]);
}
export function findPairing(db: Db, scope: Scope, id: number) {
  return pairingQuery(db).where(inScope(scope, 'p.community_id')).where('p.id', '=', id).executeTakeFirst();
}
export async function listPairings(
  db: Db,
  cid: CommunityId,
  f: { recipientId?: number; helperKind?: string; includeEnded?: boolean; accountId?: number },
  page: { offset: number; limit: number },
) {
  const base = pairingQuery(db)
    .where('p.community_id', '=', cid)
    .$if(f.recipientId !== undefined, (q) => q.where('p.recipient_id', '=', f.recipientId!))
    .$if(!!f.helperKind, (q) => q.where('p.helper_kind', '=', f.helperKind as 'doctor'))
    .$if(f.accountId !== undefined, (q) => q.where('p.account_id', '=', f.accountId!))
    .$if(!f.includeEnded, (q) => q.where('p.active', '=', true));
  const [{ n } = { n: 0 }] = await db
    .selectFrom(base.as('x'))
    .select(sql<number>`count(*)::int`.as('n'))
    .execute();
  const rows = await base.orderBy('p.recipient_id').orderBy('p.ladder_order').orderBy('p.id').offset(page.offset).limit(page.limit).execute();
  return { total: n, rows };
}
export function pairingsOf(db: Db, cid: CommunityId, recipientId: number) {
  return pairingQuery(db)
    .where('p.community_id', '=', cid)
    .where('p.recipient_id', '=', recipientId)
    .where('p.active', '=', true)
    .orderBy('p.ladder_order')
    .execute();
}

// ---- visits
export function insertVisit(db: Db, cid: CommunityId, v: Omit<Insertable<CareVisitsTable>, 'community_id'>) {
  return db
    .insertInto('care_visits')
    .values({ ...v, community_id: cid })
    .returning('id')
    .executeTakeFirstOrThrow();
}
export function setVisitTicket(db: Db, cid: CommunityId, id: number, ticketId: number, code: string) {
  return db
    .updateTable('care_visits')
    .set({ ticket_id: ticketId, ticket_code: code, handoff_kind: 'ticket' })
    .where('community_id', '=', cid)
    .where('id', '=', id)
    .where('handoff_kind', 'is', null)
    .executeTakeFirst();
}
export function setVisitPhotos(db: Db, cid: CommunityId, id: number, photos: string[]) {
  return db
    .updateTable('care_visits')
    .set({ photos: JSON.stringify(photos) })
    .where('community_id', '=', cid)
    .where('id', '=', id)
    .execute();
}
/** Moves the recipient's last visit forward only (a visit recorded late does not move it back). */
export function touchLastVisit(db: Db, cid: CommunityId, recipientId: number, at: Date) {
  return db
    .updateTable('care_recipients')
    .set({ last_visit_at: sql<Date>`greatest(coalesce(last_visit_at, ${at}), ${at})` })
    .where('community_id', '=', cid)
    .where('id', '=', recipientId)
    .execute();
}
function visitQuery(db: Db) {
  return db
    .selectFrom('care_visits as v')
    .innerJoin('care_recipients as c', 'c.id', 'v.recipient_id')
    .innerJoin(residentView(db).as('r'), 'r.id', 'c.resident_id')
    .select([
      'v.id',
      'v.community_id',
      'v.recipient_id',
      'v.visitor_id',
      'v.pairing_id',
      'v.visited_at',
      'v.wellbeing',
      'v.health_finding',
      'v.home_safety',
      'v.needs',
      'v.follow_up',
      'v.photos',
      'v.ticket_id',
      'v.ticket_code',
      'v.handoff_kind',
      'v.created_at',
      'c.resident_id',
      'c.tier',
      'c.qualifying_tags',
      'c.family_contacts',
      'r.name as recipient_name',
      'r.compound_name',
      'r.building_name',
      'r.unit_name',
      'r.room_no',
    ]);
}
export type VisitRow = Awaited<ReturnType<typeof findVisit>> & {};
export function findVisit(db: Db, scope: Scope, id: number) {
  return visitQuery(db).where(inScope(scope, 'v.community_id')).where('v.id', '=', id).executeTakeFirst();
}
export async function listVisits(
  db: Db,
  cid: CommunityId,
  f: { recipientId?: number; from?: Date; to?: Date; recipientIds?: readonly number[] },
  page: { offset: number; limit: number },
) {
  const base = visitQuery(db)
    .where('v.community_id', '=', cid)
    .$if(f.recipientId !== undefined, (q) => q.where('v.recipient_id', '=', f.recipientId!))
    .$if(!!f.recipientIds, (q) => q.where(sql<boolean>`v.recipient_id = any(${sql.val([...(f.recipientIds ?? []), -1])}::bigint[])`))
    .$if(!!f.from, (q) => q.where('v.visited_at', '>=', f.from!))
    .$if(!!f.to, (q) => q.where('v.visited_at', '<', f.to!));
  const [{ n } = { n: 0 }] = await db
    .selectFrom(base.as('x'))
    .select(sql<number>`count(*)::int`.as('n'))
    .execute();
  const rows = await base.orderBy('v.visited_at', 'desc').orderBy('v.id', 'desc').offset(page.offset).limit(page.limit).execute();
  return { total: n, rows };
}
/** Per recipient: visits within [from, to) and the last visit before `from`. */
export function visitCounts(db: Db, cid: CommunityId, from: Date, to: Date) {
  return db
    .selectFrom('care_visits')
    .select([
      'recipient_id',
      sql<number>`count(*) filter (where visited_at >= ${from} and visited_at < ${to})::int`.as('done'),
      sql<Date | null>`max(visited_at) filter (where visited_at < ${from})`.as('before'),
    ])
    .where('community_id', '=', cid)
    .where('visited_at', '<', to)
    .groupBy('recipient_id')
    .execute();
}
/** A wish or help-list entry made of the visit's need (the other module's record id); only once. */
export function setVisitHandoff(db: Db, cid: CommunityId, id: number, kind: 'wish' | 'help', refId: number) {
  return db
    .updateTable('care_visits')
    .set({ handoff_kind: kind, handoff_id: refId })
    .where('community_id', '=', cid)
    .where('id', '=', id)
    .where('handoff_kind', 'is', null)
    .executeTakeFirst();
}

/** Visits of a period in id order, a batch after `afterId` (the ledger's read model). */
export function visitsForLedger(db: Db, cid: CommunityId, from: Date, to: Date, afterId: number, limit: number) {
  return visitQuery(db)
    .where('v.community_id', '=', cid)
    .where('v.visited_at', '>=', from)
    .where('v.visited_at', '<', to)
    .where('v.id', '>', afterId)
    .orderBy('v.id')
    .limit(limit)
    .execute();
}
export async function countVisitsIn(db: Db, cid: CommunityId, from: Date, to: Date) {
  const r = await db
    .selectFrom('care_visits')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('community_id', '=', cid)
    .where('visited_at', '>=', from)
    .where('visited_at', '<', to)
    .executeTakeFirst();
  return r?.n ?? 0;
}
