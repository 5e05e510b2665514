import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { CommunityId } from '../../platform/db/scope.js';
import type { ServiceSourceKind, VolunteerStatus } from '../../platform/db/schema/volunteers.js';

type Db = Kysely<DB> | Transaction<DB>;

/** SQL of the volunteers' public face (index.ts) and of the writes other modules make through it. */

const refColumns = ['id', 'community_id', 'volunteer_no', 'name', 'status', 'resident_id', 'account_id', 'party_member_id', 'origin', 'affiliation'] as const;

export function volunteerByAccount(db: Db, communityId: CommunityId, accountId: number) {
  return db.selectFrom('volunteers').select(refColumns).where('community_id', '=', communityId).where('account_id', '=', accountId).executeTakeFirst();
}

export function volunteerRows(db: Db, communityId: CommunityId, ids: readonly number[]) {
  return db
    .selectFrom('volunteers')
    .select(refColumns)
    .where('community_id', '=', communityId)
    .where(sql<boolean>`id = any(${sql.val([...ids, -1])}::bigint[])`)
    .execute();
}

/** The volunteer matching any of the links given (account, party member, resident), for `ensureVolunteer`; locked. */
export function findLinked(
  trx: Transaction<DB>,
  communityId: CommunityId,
  links: { volunteerId?: number | null; accountId?: number | null; partyMemberId?: number | null; residentId?: number | null },
) {
  return trx
    .selectFrom('volunteers')
    .select(refColumns)
    .where('community_id', '=', communityId)
    .where((eb) =>
      eb.or([
        ...(links.volunteerId != null ? [eb('id', '=', links.volunteerId)] : []),
        ...(links.accountId != null ? [eb('account_id', '=', links.accountId)] : []),
        ...(links.partyMemberId != null ? [eb('party_member_id', '=', links.partyMemberId)] : []),
        ...(links.residentId != null ? [eb('resident_id', '=', links.residentId)] : []),
        eb.val(false),
      ]),
    )
    .orderBy('id')
    .forUpdate()
    .executeTakeFirst();
}

export function settingsRow(db: Db, communityId: CommunityId) {
  return db.selectFrom('volunteer_settings').selectAll().where('community_id', '=', communityId).executeTakeFirst();
}

/** Takes the next number of a per-community sequence: one upsert, so concurrent callers queue on the settings row. */
export async function nextNumber(trx: Transaction<DB>, communityId: CommunityId, which: 'volunteer' | 'certificate'): Promise<number> {
  const column = which === 'volunteer' ? 'next_volunteer_no' : 'next_certificate_no';
  const row = await trx
    .insertInto('volunteer_settings')
    .values({ community_id: communityId, [column]: 1 })
    .onConflict((oc) => oc.column('community_id').doUpdateSet({ [column]: sql`volunteer_settings.${sql.ref(column)} + 1` }))
    .returning(column)
    .executeTakeFirstOrThrow();
  return (row as Record<string, number>)[column]!;
}

export function insertVolunteer(
  trx: Transaction<DB>,
  v: {
    community_id: CommunityId;
    volunteer_no: number;
    name: string;
    status: VolunteerStatus;
    origin: string;
    registered_via: string;
    resident_id: number | null;
    account_id: number | null;
    party_member_id: number | null;
    created_by: number | null;
    reviewed_by?: number | null;
    reviewed_at?: Date | null;
  },
) {
  return trx.insertInto('volunteers').values(v).returning(['id', 'volunteer_no']).executeTakeFirstOrThrow();
}

export function fillLinks(
  trx: Transaction<DB>,
  communityId: CommunityId,
  id: number,
  v: { account_id?: number; party_member_id?: number; resident_id?: number; status?: VolunteerStatus; reviewed_by?: number; reviewed_at?: Date },
) {
  return trx
    .updateTable('volunteers')
    .set({ ...v, updated_at: new Date() })
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .execute();
}

export function insertVolunteerEvent(
  trx: Transaction<DB>,
  v: {
    community_id: number;
    volunteer_id: number;
    action: string;
    from_status: string | null;
    to_status: string | null;
    reason: string | null;
    actor_id: number | null;
  },
) {
  return trx.insertInto('volunteer_events').values(v).execute();
}

/** Minutes already counted for one volunteer and one source (for the per-activity cap). */
export async function countedForSource(trx: Transaction<DB>, communityId: CommunityId, volunteerId: number, kind: ServiceSourceKind, sourceId: number) {
  const row = await trx
    .selectFrom('service_hours')
    .select(sql<number>`coalesce(sum(counted_minutes), 0)::int`.as('m'))
    .where('community_id', '=', communityId)
    .where('volunteer_id', '=', volunteerId)
    .where('source_kind', '=', kind)
    .where('source_id', '=', sourceId)
    .executeTakeFirstOrThrow();
  return Number(row.m);
}

export function insertHours(
  trx: Transaction<DB>,
  v: {
    community_id: number;
    volunteer_id: number;
    source_kind: ServiceSourceKind;
    source_id: number | null;
    source_title: string;
    session_id: number | null;
    started_at: Date;
    ended_at: Date;
    raw_minutes: number;
    counted_minutes: number;
    rounding_rule: string;
    recorded_by: number;
    confirmed_by: number;
    corrects_entry_id: number | null;
    note: string | null;
  },
) {
  return trx.insertInto('service_hours').values(v).returning(['id']).executeTakeFirstOrThrow();
}

export function upsertSettings(
  trx: Transaction<DB>,
  communityId: CommunityId,
  v: {
    rounding_rule: string;
    star_thresholds: number[];
    activity_cap_minutes: number | null;
    certificate_responsible: string | null;
    certificate_handler: string | null;
    certificate_contact: string | null;
    updated_by: number;
  },
) {
  return trx
    .insertInto('volunteer_settings')
    .values({ community_id: communityId, ...v })
    .onConflict((oc) => oc.column('community_id').doUpdateSet({ ...v, updated_at: new Date() }))
    .execute();
}

export function insertCertificate(
  trx: Transaction<DB>,
  v: {
    community_id: CommunityId;
    volunteer_id: number;
    certificate_no: number;
    number: string;
    period_from: string;
    period_to: string;
    counted_minutes: number;
    issued_by: number;
  },
) {
  return trx.insertInto('volunteer_certificates').values(v).returning(['id']).executeTakeFirstOrThrow();
}

/** A certificate already issued to this volunteer for the same period and hours (a reprint keeps its number). */
export function sameCertificate(db: Db, communityId: CommunityId, v: { volunteerId: number; from: string; to: string; minutes: number }) {
  return db
    .selectFrom('volunteer_certificates')
    .select(['number', 'issued_at'])
    .where('community_id', '=', communityId)
    .where('volunteer_id', '=', v.volunteerId)
    .where('period_from', '=', v.from)
    .where('period_to', '=', v.to)
    .where('counted_minutes', '=', v.minutes)
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

/**
 * The counted minutes an entry stands for after its corrections up to it: its own and those of the entries it corrects,
 * back to the first record (a correction's row holds only its delta).
 */
export async function effectiveMinutes(trx: Transaction<DB>, communityId: CommunityId, entryId: number): Promise<number> {
  let total = 0;
  let id: number | null = entryId;
  for (let hops = 0; id !== null && hops < 100; hops++) {
    const row: { counted_minutes: number; corrects_entry_id: number | null } | undefined = await trx
      .selectFrom('service_hours')
      .select(['counted_minutes', 'corrects_entry_id'])
      .where('community_id', '=', communityId)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) break;
    total += row.counted_minutes;
    id = row.corrects_entry_id;
  }
  return total;
}
