import { sql, type Kysely } from 'kysely';
import { openTicketStatuses } from '@linli/contracts';
import type { DB } from '../../platform/db/schema.js';

export interface Period { from: Date; to: Date }

/** Numerators and denominators of the 三率 for each community, in one pass over the period's tickets. */
export function rateCounts(db: Kysely<DB>, communityIds: number[], p: Period, now: Date) {
  return db
    .selectFrom('tickets')
    .select([
      'community_id',
      sql<number>`count(*)`.as('total'),
      sql<number>`count(*) filter (where first_response_at is not null and first_response_at <= response_due_at)`.as('responded_in_time'),
      sql<number>`count(*) filter (where first_response_at is not null or response_due_at < ${now})`.as('response_due'),
      sql<number>`count(*) filter (where status = 'closed' and close_reason in ('rated', 'follow_up') and coalesce(rating, '') <> 'dissatisfied')`.as('resolved_confirmed'),
      sql<number>`count(*) filter (where status <> 'rejected')`.as('resolvable'),
      sql<number>`count(*) filter (where rating in ('satisfied', 'basically_satisfied'))`.as('satisfied'),
      sql<number>`count(*) filter (where rating is not null)`.as('rated'),
      sql<number>`count(*) filter (where status in ('submitted','accepted','assigned','in_progress','escalated') and (resolution_due_at < ${now} or (first_response_at is null and response_due_at < ${now})))`.as('overdue'),
    ])
    .where('community_id', 'in', communityIds.length ? communityIds : [-1])
    .where('created_at', '>=', p.from)
    .where('created_at', '<', p.to)
    .where('status', '<>', 'merged')
    .groupBy('community_id')
    .execute();
}

export function countBy(db: Kysely<DB>, communityId: number, p: Period, column: 'status' | 'channel' | 'category_id' | 'compound_id') {
  return db
    .selectFrom('tickets')
    .select([sql<string>`coalesce(${sql.ref(column)}::text, '')`.as('key'), sql<number>`count(*)`.as('count')])
    .where('community_id', '=', communityId)
    .where('created_at', '>=', p.from)
    .where('created_at', '<', p.to)
    .groupBy(sql.ref(column))
    .orderBy(sql`count(*)`, 'desc')
    .execute();
}

/** Tickets raised and resolved per ISO week, weeks counted in Beijing time. */
export async function weekly(db: Kysely<DB>, communityId: number, p: Period) {
  const week = (col: string) => sql<string>`to_char(date_trunc('week', ${sql.ref(col)} at time zone 'Asia/Shanghai'), 'IYYY-"W"IW')`;
  const created = await db
    .selectFrom('tickets')
    .select([week('created_at').as('week'), sql<number>`count(*)`.as('n')])
    .where('community_id', '=', communityId).where('created_at', '>=', p.from).where('created_at', '<', p.to)
    .groupBy(sql`1`).execute();
  const resolved = await db
    .selectFrom('tickets')
    .select([week('resolved_at').as('week'), sql<number>`count(*)`.as('n')])
    .where('community_id', '=', communityId).where('resolved_at', '>=', p.from).where('resolved_at', '<', p.to)
    .groupBy(sql`1`).execute();
  return { created, resolved };
}

export function overdueList(db: Kysely<DB>, communityId: number, now: Date) {
  return db
    .selectFrom('tickets')
    .select(['id', 'code', 'title', 'status', 'response_due_at', 'resolution_due_at', 'first_response_at'])
    .where('community_id', '=', communityId)
    .where('status', 'in', [...openTicketStatuses])
    .where((eb) => eb.or([eb('resolution_due_at', '<', now), eb.and([eb('first_response_at', 'is', null), eb('response_due_at', '<', now)])]))
    .orderBy('resolution_due_at')
    .limit(50)
    .execute();
}

export function labelsFor(db: Kysely<DB>, communityId: number) {
  return Promise.all([
    db.selectFrom('ticket_categories').select(['id', 'name_zh', 'name_en']).where('community_id', '=', communityId).execute(),
    db.selectFrom('compounds').select(['id', 'name']).where('community_id', '=', communityId).execute(),
  ]);
}

export function communitiesOfSubdistrict(db: Kysely<DB>, subdistrictId: number) {
  return db.selectFrom('communities').select(['id', 'name']).where('subdistrict_id', '=', subdistrictId).orderBy('id').execute();
}
