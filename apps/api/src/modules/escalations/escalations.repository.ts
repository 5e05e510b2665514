import { sql, type Insertable, type Kysely, type Transaction, type Updateable } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { inScope, type CommunityId, type Scope } from '../../platform/db/scope.js';

type Db = Kysely<DB> | Transaction<DB>;

/** Who reads escalations: a community scope, optionally narrowed to one organisation (a contact's own). */
export interface EscalationReach {
  scope: Scope;
  organisationId?: number | null;
  /** A subdistrict office's escalations are also its admin's (the whistle board). */
  organisationIds?: readonly number[];
}

export interface EscalationFilter {
  status?: string;
  organisationId?: number;
  ticketId?: number;
  communityId?: number;
  overdue?: boolean;
  open?: boolean;
  parentId?: number | null;
  topLevel?: boolean;
}

const openList = ['requested', 'pending', 'accepted', 'info_requested'];
const columns = [
  'e.id',
  'e.community_id',
  'e.ticket_id',
  'e.organisation_id',
  'e.parent_id',
  'e.status',
  'e.reason',
  'e.due_at',
  'e.pause_clock',
  'e.ticket_status_before',
  'e.requested_by',
  'e.requested_at',
  'e.approved_by',
  'e.approved_at',
  'e.accepted_at',
  'e.answered_at',
  'e.ended_at',
  'e.result_text',
  'e.reminded_before_at',
  'e.reminded_due_at',
  'e.created_at',
] as const;

function base(db: Db, reach: EscalationReach, f: EscalationFilter, now: Date) {
  let q = db.selectFrom('escalations as e').where(inScope(reach.scope, 'e.community_id'));
  if (reach.organisationId != null) q = q.where('e.organisation_id', '=', reach.organisationId);
  if (reach.organisationIds) q = q.where('e.organisation_id', 'in', [...reach.organisationIds, -1]);
  if (f.status) q = q.where('e.status', '=', f.status);
  if (f.organisationId) q = q.where('e.organisation_id', '=', f.organisationId);
  if (f.ticketId) q = q.where('e.ticket_id', '=', f.ticketId);
  if (f.communityId) q = q.where('e.community_id', '=', f.communityId);
  if (f.open) q = q.where('e.status', 'in', openList);
  if (f.topLevel) q = q.where('e.parent_id', 'is', null);
  if (f.parentId !== undefined) q = f.parentId === null ? q.where('e.parent_id', 'is', null) : q.where('e.parent_id', '=', f.parentId);
  if (f.overdue !== undefined) {
    const late = sql<boolean>`(e.status in ('pending', 'accepted', 'info_requested') and e.due_at < ${now})`;
    q = q.where(f.overdue ? late : sql<boolean>`not ${late}`);
  }
  return q;
}

export async function listEscalations(db: Db, reach: EscalationReach, f: EscalationFilter, page: { offset: number; limit: number }, now: Date) {
  const q = base(db, reach, f, now);
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q.select(columns).orderBy('e.created_at', 'desc').orderBy('e.id', 'desc').offset(page.offset).limit(page.limit).execute();
  return { total: Number(total.n), rows };
}

export function findEscalation(db: Db, reach: EscalationReach, id: number) {
  return base(db, reach, {}, new Date()).select(columns).where('e.id', '=', id).executeTakeFirst();
}
export type EscalationRow = NonNullable<Awaited<ReturnType<typeof findEscalation>>>;

export function lockEscalation(db: Db, cid: CommunityId, id: number) {
  return db.selectFrom('escalations as e').select(columns).where('e.community_id', '=', cid).where('e.id', '=', id).forUpdate().executeTakeFirst();
}

export function insertEscalation(db: Db, cid: CommunityId, v: Omit<Insertable<DB['escalations']>, 'community_id'>) {
  return db
    .insertInto('escalations')
    .values({ ...v, community_id: cid })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function updateEscalation(db: Db, cid: CommunityId, id: number, v: Updateable<DB['escalations']>) {
  await db.updateTable('escalations').set(v).where('community_id', '=', cid).where('id', '=', id).execute();
}

export function insertReply(
  db: Db,
  cid: CommunityId,
  v: { escalation_id: number; kind: string; text: string | null; actor_id: number | null; organisation_id: number | null },
) {
  return db
    .insertInto('escalation_replies')
    .values({ ...v, community_id: cid })
    .execute();
}

export async function repliesOf(db: Db, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('escalation_replies')
    .select(['id', 'escalation_id', 'kind', 'text', 'actor_id', 'organisation_id', 'on_behalf', 'created_at'])
    .where('escalation_id', 'in', [...ids])
    .orderBy('id')
    .execute();
}

export async function childrenOf(db: Db, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('escalations')
    .select(['id', 'parent_id', 'organisation_id', 'status', 'due_at', 'answered_at', 'result_text'])
    .where('parent_id', 'in', [...ids])
    .orderBy('id')
    .execute();
}

/** The ticket's other open escalations (top level: the whistle's departments hang under their parent). */
export function openOfTicket(db: Db, cid: CommunityId, ticketId: number) {
  return db
    .selectFrom('escalations')
    .select(['id', 'status', 'pause_clock', 'ticket_status_before', 'approved_at', 'created_at'])
    .where('community_id', '=', cid)
    .where('ticket_id', '=', ticketId)
    .where('parent_id', 'is', null)
    .where('status', 'in', ['pending', 'accepted', 'info_requested'])
    .orderBy('id')
    .execute();
}

export async function pauseSetting(db: Db, cid: CommunityId): Promise<boolean> {
  const row = await db.selectFrom('escalation_settings').select('pause_clock').where('community_id', '=', cid).executeTakeFirst();
  return row?.pause_clock ?? false;
}
export async function savePauseSetting(db: Db, cid: CommunityId, pause: boolean, by: number) {
  await db
    .insertInto('escalation_settings')
    .values({ community_id: cid, pause_clock: pause, updated_by: by, updated_at: new Date() })
    .onConflict((oc) => oc.column('community_id').doUpdateSet({ pause_clock: pause, updated_by: by, updated_at: new Date() }))
    .execute();
}

/** Open, sent escalations whose deadline is a day away or past and whose reminder has not gone out (a batch). */
export function dueForReminder(db: Db, now: Date) {
  return db
    .selectFrom('escalations as e')
    .select(columns)
    .where('e.status', 'in', ['pending', 'accepted', 'info_requested'])
    .where('e.due_at', '<=', new Date(now.getTime() + 24 * 3600_000))
    .where((eb) => eb.or([eb('e.reminded_before_at', 'is', null), eb.and([eb('e.reminded_due_at', 'is', null), eb('e.due_at', '<=', now)])]))
    .orderBy('e.id')
    .limit(500)
    .execute();
}

/** Narrows the ranking inside the scope: some of its communities, escalations sent within a period. */
export interface RankingWithin {
  communityIds?: readonly number[];
  from?: Date;
  to?: Date;
}

/** Per organisation: escalations sent, open, answered, overdue, and the mean hours to answer (the department ranking). */
export function rankingOf(db: Db, scope: Scope, organisationIds: readonly number[] | null, now: Date, within: RankingWithin = {}) {
  let q = db
    .selectFrom('escalations as e')
    .where(inScope(scope, 'e.community_id'))
    .where((eb) => eb.not(eb.and([eb('e.requested_by', 'is not', null), eb('e.approved_at', 'is', null)])));
  if (organisationIds) q = q.where('e.organisation_id', 'in', [...organisationIds, -1]);
  if (within.communityIds) q = q.where('e.community_id', 'in', [...within.communityIds, -1]);
  if (within.from) q = q.where('e.created_at', '>=', within.from);
  if (within.to) q = q.where('e.created_at', '<', within.to);
  return q
    .select([
      'e.organisation_id',
      sql<number>`count(*)::int`.as('total'),
      sql<number>`(count(*) filter (where e.status in ('pending', 'accepted', 'info_requested')))::int`.as('open'),
      sql<number>`(count(*) filter (where e.status = 'answered'))::int`.as('answered'),
      sql<number>`(count(*) filter (where (e.status in ('pending', 'accepted', 'info_requested') and e.due_at < ${now}) or (e.answered_at is not null and e.answered_at > e.due_at)))::int`.as(
        'overdue',
      ),
      sql<number | null>`avg(extract(epoch from (e.answered_at - coalesce(e.approved_at, e.created_at))) / 3600) filter (where e.answered_at is not null)`.as(
        'avg_hours',
      ),
    ])
    .groupBy('e.organisation_id')
    .execute();
}
