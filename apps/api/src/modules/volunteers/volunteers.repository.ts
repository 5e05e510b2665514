import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { inScope, likeOf, type CommunityId, type Scope } from '../../platform/db/scope.js';
import type { VolunteerStatus } from '../../platform/db/schema/volunteers.js';

type Db = Kysely<DB> | Transaction<DB>;

/** SQL of the register, its timeline and the hours totals (refs.repository.ts holds what index.ts offers others). */

const columns = [
  'v.id',
  'v.community_id',
  'v.volunteer_no',
  'v.name',
  'v.id_type',
  'v.id_number_masked',
  'v.phone_masked',
  'v.gender',
  'v.birth_date',
  'v.skills',
  'v.availability',
  'v.weekday_slots',
  'v.service_areas',
  'v.origin',
  'v.affiliation',
  'v.resident_id',
  'v.account_id',
  'v.party_member_id',
  'v.status',
  'v.status_reason',
  'v.registered_via',
  'v.created_at',
] as const;

/** Confirmed minutes of a volunteer (corrections included), as a subquery column. */
const minutesOf = sql<number>`(select coalesce(sum(h.counted_minutes), 0)::int from service_hours h where h.volunteer_id = v.id)`;

export async function listVolunteers(
  db: Db,
  communityId: CommunityId,
  f: { status?: VolunteerStatus; origin?: string; q?: string },
  page: { offset: number; limit: number; order: 'asc' | 'desc' },
) {
  let q = db.selectFrom('volunteers as v').where('v.community_id', '=', communityId);
  if (f.status) q = q.where('v.status', '=', f.status);
  if (f.origin) q = q.where('v.origin', '=', f.origin);
  if (f.q) {
    const like = likeOf(f.q);
    q = q.where((eb) => eb.or([eb('v.name', 'like', like), eb('v.affiliation', 'like', like), eb(sql<string>`array_to_string(v.skills, ' ')`, 'like', like)]));
  }
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q.select(columns).select(minutesOf.as('minutes')).orderBy('v.id', page.order).offset(page.offset).limit(page.limit).execute();
  return { total: Number(total.n), rows };
}

export function findVolunteer(db: Db, scope: Scope, id: number) {
  return db
    .selectFrom('volunteers as v')
    .select(columns)
    .select(minutesOf.as('minutes'))
    .where('v.id', '=', id)
    .where(inScope(scope, 'v.community_id'))
    .executeTakeFirst();
}
export type VolunteerRow = NonNullable<Awaited<ReturnType<typeof findVolunteer>>>;

export function lockVolunteer(trx: Transaction<DB>, scope: Scope, id: number) {
  return trx
    .selectFrom('volunteers')
    .select(['id', 'community_id', 'status', 'name'])
    .where('id', '=', id)
    .where(inScope(scope, 'community_id'))
    .forUpdate()
    .executeTakeFirst();
}

export function sealedOf(db: Db, scope: Scope, id: number) {
  return db
    .selectFrom('volunteers')
    .select(['id', 'community_id', 'name', 'id_type', 'id_number_enc', 'phone_enc', 'volunteer_no'])
    .where('id', '=', id)
    .where(inScope(scope, 'community_id'))
    .executeTakeFirst();
}

export function findByAccount(db: Db, scope: Scope, accountId: number) {
  return db
    .selectFrom('volunteers as v')
    .select(columns)
    .select(minutesOf.as('minutes'))
    .where('v.account_id', '=', accountId)
    .where(inScope(scope, 'v.community_id'))
    .orderBy('v.id')
    .executeTakeFirst();
}

export interface NewVolunteer {
  community_id: CommunityId;
  volunteer_no: number;
  name: string;
  id_type: string;
  id_number_enc: string | null;
  id_number_masked: string | null;
  id_number_hash: string | null;
  phone_enc: string | null;
  phone_masked: string | null;
  phone_hash: string | null;
  gender: string | null;
  birth_date: string | null;
  skills: string[];
  availability: string | null;
  weekday_slots: string[];
  service_areas: string[];
  origin: string;
  affiliation: string | null;
  resident_id: number | null;
  account_id: number | null;
  party_member_id: number | null;
  status: VolunteerStatus;
  registered_via: string;
  reviewed_by: number | null;
  reviewed_at: Date | null;
  created_by: number | null;
}

export function insertVolunteer(trx: Transaction<DB>, v: NewVolunteer) {
  return trx.insertInto('volunteers').values(v).returning(['id']).executeTakeFirstOrThrow();
}

export function setStatus(trx: Transaction<DB>, communityId: CommunityId, id: number, status: VolunteerStatus, reason: string | null, by: number) {
  return trx
    .updateTable('volunteers')
    .set({ status, status_reason: reason, reviewed_by: by, reviewed_at: new Date(), updated_at: new Date() })
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .execute();
}

export function eventsOf(db: Db, communityId: CommunityId, volunteerId: number) {
  return db
    .selectFrom('volunteer_events')
    .select(['id', 'action', 'from_status', 'to_status', 'reason', 'actor_id', 'created_at'])
    .where('community_id', '=', communityId)
    .where('volunteer_id', '=', volunteerId)
    .orderBy('id')
    .execute();
}

const hourColumns = [
  'h.id',
  'h.volunteer_id',
  'h.source_kind',
  'h.source_id',
  'h.source_title',
  'h.session_id',
  'h.started_at',
  'h.ended_at',
  'h.raw_minutes',
  'h.counted_minutes',
  'h.rounding_rule',
  'h.recorded_by',
  'h.confirmed_by',
  'h.confirmed_at',
  'h.corrects_entry_id',
  'h.note',
] as const;

export function hoursEntries(db: Db, communityId: CommunityId, f: { volunteerId?: number; from?: Date; to?: Date; limit?: number }) {
  let q = db.selectFrom('service_hours as h').select(hourColumns).where('h.community_id', '=', communityId);
  if (f.volunteerId) q = q.where('h.volunteer_id', '=', f.volunteerId);
  if (f.from) q = q.where('h.started_at', '>=', f.from);
  if (f.to) q = q.where('h.started_at', '<', f.to);
  return q
    .orderBy('h.started_at', 'desc')
    .orderBy('h.id', 'desc')
    .limit(f.limit ?? 500)
    .execute();
}
export type HoursRow = Awaited<ReturnType<typeof hoursEntries>>[number];

export function entryById(db: Db, communityId: CommunityId, id: number) {
  return db.selectFrom('service_hours as h').select(hourColumns).where('h.community_id', '=', communityId).where('h.id', '=', id).executeTakeFirst();
}

export function findEntry(trx: Transaction<DB>, scope: Scope, id: number) {
  return trx
    .selectFrom('service_hours as h')
    .select([...hourColumns, 'h.community_id'])
    .where('h.id', '=', id)
    .where(inScope(scope, 'h.community_id'))
    .forUpdate()
    .executeTakeFirst();
}

export function correctionOf(trx: Transaction<DB>, entryId: number) {
  return trx.selectFrom('service_hours').select('id').where('corrects_entry_id', '=', entryId).executeTakeFirst();
}
