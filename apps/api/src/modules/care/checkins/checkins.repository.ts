import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import type { CommunityId } from '../../../platform/db/scope.js';

type Db = Kysely<DB> | Transaction<DB>;

// SQL of the daily check-ins (报平安). Every read and write names its community, except the token lookup (the token
// is the only thing a one-tap check-in has) and the sweep, which works across communities set-based.

export function findLadder(db: Db, communityId: CommunityId) {
  return db.selectFrom('care_checkin_settings').select(['ladder']).where('community_id', '=', communityId).executeTakeFirst();
}
export function laddersOf(db: Db, communityIds: readonly number[]) {
  return db
    .selectFrom('care_checkin_settings')
    .select(['community_id', 'ladder'])
    .where(sql<boolean>`community_id = any(${sql.val([...communityIds, -1])}::bigint[])`)
    .execute();
}
export async function saveLadder(db: Db, communityId: CommunityId, ladder: string, by: number | null) {
  await db
    .insertInto('care_checkin_settings')
    .values({ community_id: communityId, ladder, updated_by: by })
    .onConflict((oc) => oc.column('community_id').doUpdateSet({ ladder, updated_by: by, updated_at: new Date() }))
    .execute();
}

export function findPlan(db: Db, communityId: CommunityId, recipientId: number) {
  return db.selectFrom('care_checkin_plans').selectAll().where('community_id', '=', communityId).where('recipient_id', '=', recipientId).executeTakeFirst();
}
export async function savePlan(db: Db, communityId: CommunityId, recipientId: number, dueBy: string, isActive: boolean) {
  await db
    .insertInto('care_checkin_plans')
    .values({ community_id: communityId, recipient_id: recipientId, due_by: dueBy, is_active: isActive })
    .onConflict((oc) => oc.column('recipient_id').doUpdateSet({ due_by: dueBy, is_active: isActive }))
    .execute();
}

export function insertLink(
  db: Db,
  communityId: CommunityId,
  v: { recipient_id: number; holder: string; holder_name: string | null; token_hash: string; created_by: number | null },
) {
  return db
    .insertInto('care_checkin_links')
    .values({ community_id: communityId, ...v })
    .returning('id')
    .executeTakeFirstOrThrow();
}
/** Open links of one holder kind of a recipient: a new self link revokes the old one. */
export async function revokeLinks(db: Db, communityId: CommunityId, recipientId: number, f: { id?: number; holder?: string }, at: Date) {
  let q = db
    .updateTable('care_checkin_links')
    .set({ revoked_at: at })
    .where('community_id', '=', communityId)
    .where('recipient_id', '=', recipientId)
    .where('revoked_at', 'is', null);
  if (f.id !== undefined) q = q.where('id', '=', f.id);
  if (f.holder !== undefined) q = q.where('holder', '=', f.holder);
  const r = await q.returning('id').execute();
  return r.map((x) => x.id);
}
export function listLinks(db: Db, communityId: CommunityId, recipientId: number) {
  return db
    .selectFrom('care_checkin_links')
    .select(['id', 'holder', 'holder_name', 'created_at', 'revoked_at', 'last_used_at'])
    .where('community_id', '=', communityId)
    .where('recipient_id', '=', recipientId)
    .orderBy('id', 'desc')
    .execute();
}
/** The link of a token's hash, whoever's it is: the token is the one-tap check-in's only credential. */
export function linkByTokenHash(db: Db, hash: string) {
  return db
    .selectFrom('care_checkin_links')
    .select(['id', 'community_id', 'recipient_id', 'holder', 'revoked_at'])
    .where('token_hash', '=', hash)
    .executeTakeFirst();
}
export async function touchLink(db: Db, communityId: CommunityId, id: number, at: Date) {
  await db.updateTable('care_checkin_links').set({ last_used_at: at }).where('community_id', '=', communityId).where('id', '=', id).execute();
}

export function findDay(db: Db, communityId: CommunityId, recipientId: number, day: string) {
  return db
    .selectFrom('care_checkin_days')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('recipient_id', '=', recipientId)
    .where('day', '=', day)
    .executeTakeFirst();
}
export type DayRow = NonNullable<Awaited<ReturnType<typeof findDay>>>;

/** The day's row of one person, made if the sweep has not made it yet. */
export async function ensureDay(db: Db, communityId: CommunityId, recipientId: number, day: string, dueAt: Date): Promise<DayRow> {
  await db
    .insertInto('care_checkin_days')
    .values({ community_id: communityId, recipient_id: recipientId, day, due_at: dueAt, next_step_at: dueAt })
    .onConflict((oc) => oc.columns(['recipient_id', 'day']).doNothing())
    .execute();
  return (await findDay(db, communityId, recipientId, day))!;
}

export async function markCheckedIn(
  db: Db,
  communityId: CommunityId,
  dayId: number,
  v: { at: Date; via: string; by_account_id: number | null; by_link_id: number | null; note: string | null; stopped_after_step: number | null },
) {
  await db
    .updateTable('care_checkin_days')
    .set({
      status: 'done',
      checked_in_at: v.at,
      via: v.via,
      by_account_id: v.by_account_id,
      by_link_id: v.by_link_id,
      note: v.note,
      next_step_at: null,
      stopped_after_step: v.stopped_after_step,
    })
    .where('community_id', '=', communityId)
    .where('id', '=', dayId)
    .execute();
}
/** A window changed today moves today's row while nobody has been told yet. */
export async function moveOpenDay(db: Db, communityId: CommunityId, recipientId: number, day: string, dueAt: Date) {
  await db
    .updateTable('care_checkin_days')
    .set({ due_at: dueAt, next_step_at: dueAt })
    .where('community_id', '=', communityId)
    .where('recipient_id', '=', recipientId)
    .where('day', '=', day)
    .where('status', '=', 'open')
    .where('steps_taken', '=', 0)
    .execute();
}
export async function pauseDay(db: Db, communityId: CommunityId, recipientId: number, day: string) {
  await db
    .updateTable('care_checkin_days')
    .set({ status: 'away', next_step_at: null })
    .where('community_id', '=', communityId)
    .where('recipient_id', '=', recipientId)
    .where('day', '=', day)
    .where('status', '=', 'open')
    .execute();
}

/**
 * The morning sweep, one statement for every community: today's row for each active plan that has none, already
 * paused when an away notice covers the day. The window closes at `due_by` Beijing time (China keeps no DST).
 */
export async function openDays(db: Db, day: string): Promise<number> {
  const r = await sql`
    insert into care_checkin_days (community_id, recipient_id, day, due_at, status, next_step_at)
    select p.community_id, p.recipient_id, ${day}::date, d.due_at,
      case when a.id is null then 'open' else 'away' end,
      case when a.id is null then d.due_at end
    from care_checkin_plans p
    cross join lateral (select (${day} || 'T' || p.due_by || ':00+08:00')::timestamptz as due_at) d
    left join lateral (
      select id from care_checkin_aways a
      where a.recipient_id = p.recipient_id and a.cancelled_at is null and a.starts_on <= ${day}::date and a.ends_on >= ${day}::date
      limit 1
    ) a on true
    where p.is_active
    on conflict (recipient_id, day) do nothing`.execute(db);
  return Number(r.numAffectedRows ?? 0);
}

/** Open rows whose next step is due, oldest first, a batch at a time. */
export function dueLadderRows(db: Db, now: Date, limit: number) {
  return db
    .selectFrom('care_checkin_days')
    .select(['id', 'community_id', 'recipient_id', 'day', 'due_at', 'steps_taken'])
    .where('status', '=', 'open')
    .where('next_step_at', '<=', now)
    .orderBy('next_step_at')
    .orderBy('id')
    .limit(limit)
    .execute();
}

export async function insertSteps(
  db: Db,
  rows: Array<{
    community_id: number;
    day_id: number;
    recipient_id: number;
    step_no: number;
    kind: string;
    notified: string | null;
    ticket_id: number | null;
    created_at: Date;
  }>,
) {
  if (rows.length === 0) return;
  await db
    .insertInto('care_checkin_steps')
    .values(rows)
    .onConflict((oc) => oc.columns(['day_id', 'step_no']).doNothing())
    .execute();
}

/** Moves each row's ladder in one statement; only rows still open move (a check-in in between wins). */
export async function advanceDays(db: Db, rows: Array<{ id: number; taken: number; next: Date | null }>) {
  if (rows.length === 0) return;
  const values = sql.join(rows.map((r) => sql`(${r.id}::bigint, ${r.taken}::int, ${r.next?.toISOString() ?? null}::timestamptz)`));
  await sql`
    update care_checkin_days d set steps_taken = v.taken, next_step_at = v.next
    from (values ${values}) as v(id, taken, next)
    where d.id = v.id and d.status = 'open'`.execute(db);
}

export function stepsOf(db: Db, communityId: CommunityId, dayIds: readonly number[]) {
  return db
    .selectFrom('care_checkin_steps')
    .select(['day_id', 'step_no', 'kind', 'notified', 'ticket_id', 'created_at'])
    .where('community_id', '=', communityId)
    .where(sql<boolean>`day_id = any(${sql.val([...dayIds, -1])}::bigint[])`)
    .orderBy('day_id')
    .orderBy('step_no')
    .execute();
}

/** The day's rows of a community (the board), optionally of some recipients only. */
export function daysOf(db: Db, communityId: CommunityId, day: string, recipientIds?: readonly number[]) {
  let q = db
    .selectFrom('care_checkin_days')
    .select(['id', 'recipient_id', 'due_at', 'status', 'checked_in_at', 'via', 'steps_taken', 'stopped_after_step'])
    .where('community_id', '=', communityId)
    .where('day', '=', day);
  if (recipientIds) q = q.where(sql<boolean>`recipient_id = any(${sql.val([...recipientIds, -1])}::bigint[])`);
  return q.orderBy('due_at').orderBy('id').execute();
}

export function insertAway(
  db: Db,
  communityId: CommunityId,
  v: { recipient_id: number; kind: string; starts_on: string; ends_on: string; note: string | null; created_by: number | null },
) {
  return db
    .insertInto('care_checkin_aways')
    .values({ community_id: communityId, ...v })
    .returning(['id', 'recipient_id', 'kind', 'starts_on', 'ends_on', 'note', 'cancelled_at'])
    .executeTakeFirstOrThrow();
}
export function listAways(db: Db, communityId: CommunityId, recipientId: number) {
  return db
    .selectFrom('care_checkin_aways')
    .select(['id', 'recipient_id', 'kind', 'starts_on', 'ends_on', 'note', 'cancelled_at'])
    .where('community_id', '=', communityId)
    .where('recipient_id', '=', recipientId)
    .orderBy('starts_on', 'desc')
    .execute();
}
/** Kinds of away notices covering a day, by recipient. */
export function awaysOn(db: Db, communityId: CommunityId, day: string) {
  return db
    .selectFrom('care_checkin_aways')
    .select(['recipient_id', 'kind'])
    .where('community_id', '=', communityId)
    .where('cancelled_at', 'is', null)
    .where('starts_on', '<=', day)
    .where('ends_on', '>=', day)
    .execute();
}

/** Recipients an account is paired with (the helper's or grid worker's phone list); care's own pairings table. */
export async function recipientIdsPairedWith(db: Db, communityId: CommunityId, accountId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('care_pairings')
    .select('recipient_id')
    .distinct()
    .where('community_id', '=', communityId)
    .where('account_id', '=', accountId)
    .where('active', '=', true)
    .execute();
  return rows.map((r) => r.recipient_id);
}
