import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { CommunityId } from '../../platform/db/scope.js';

/** SQL of the two registers (志愿者台账, 志愿服务时长台账) and the dashboard's counts. */

export async function countVolunteers(db: Kysely<DB>, cid: CommunityId) {
  const r = await db
    .selectFrom('volunteers')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('community_id', '=', cid)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export function volunteersAfter(db: Kysely<DB>, cid: CommunityId, after: number, limit: number) {
  return db
    .selectFrom('volunteers as v')
    .select([
      'v.id',
      'v.volunteer_no',
      'v.name',
      'v.gender',
      'v.id_type',
      'v.id_number_enc',
      'v.id_number_masked',
      'v.phone_enc',
      'v.phone_masked',
      'v.origin',
      'v.affiliation',
      'v.skills',
      'v.service_areas',
      'v.availability',
      'v.status',
      'v.created_at',
    ])
    .select(sql<number>`(select coalesce(sum(h.counted_minutes), 0)::int from service_hours h where h.volunteer_id = v.id)`.as('minutes'))
    .where('v.community_id', '=', cid)
    .where('v.id', '>', after)
    .orderBy('v.id')
    .limit(limit)
    .execute();
}

export async function countHours(db: Kysely<DB>, cid: CommunityId, from: Date, to: Date) {
  const r = await db
    .selectFrom('service_hours')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('community_id', '=', cid)
    .where('started_at', '>=', from)
    .where('started_at', '<', to)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export function hoursAfter(db: Kysely<DB>, cid: CommunityId, from: Date, to: Date, after: number, limit: number) {
  return db
    .selectFrom('service_hours as h')
    .innerJoin('volunteers as v', 'v.id', 'h.volunteer_id')
    .select([
      'h.id',
      'h.started_at',
      'h.ended_at',
      'h.source_kind',
      'h.source_title',
      'h.raw_minutes',
      'h.counted_minutes',
      'h.recorded_by',
      'h.corrects_entry_id',
      'h.note',
      'v.name',
      'v.volunteer_no',
    ])
    .where('h.community_id', '=', cid)
    .where('h.started_at', '>=', from)
    .where('h.started_at', '<', to)
    .where('h.id', '>', after)
    .orderBy('h.id')
    .limit(limit)
    .execute();
}

/** Volunteers active (approved, with hours started in the last 90 days) and hours counted this month. */
export async function dashboardCounts(db: Kysely<DB>, cid: CommunityId, since90: Date, monthFrom: Date, monthTo: Date) {
  const r = await db
    .selectNoFrom([
      sql<number>`(select count(*)::int from volunteers v where v.community_id = ${cid} and v.status = 'approved' and exists (select 1 from service_hours h where h.volunteer_id = v.id and h.started_at >= ${since90}))`.as(
        'active',
      ),
      sql<number>`(select count(*)::int from volunteers v where v.community_id = ${cid} and v.status = 'approved')`.as('approved'),
      sql<number>`(select coalesce(sum(counted_minutes), 0)::int from service_hours h where h.community_id = ${cid} and h.started_at >= ${monthFrom} and h.started_at < ${monthTo})`.as(
        'minutes',
      ),
    ])
    .executeTakeFirstOrThrow();
  return { active: Number(r.active), approved: Number(r.approved), minutes: Number(r.minutes) };
}
