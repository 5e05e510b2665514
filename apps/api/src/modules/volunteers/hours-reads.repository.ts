import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { CommunityId } from '../../platform/db/scope.js';

// Added by the party work (ADR 0043): the reads of service hours that the 双报到 feedback sheet and the below-floor
// list need, by volunteer or by party member. Sums include correction rows (they carry the delta), so they match
// the volunteer's own statement.
type Db = Kysely<DB> | Transaction<DB>;
const none = [-1];

export const volunteerHoursRefs = {
  /** The volunteer record of each party member that has one. */
  async ofPartyMembers(db: Db, communityId: CommunityId, partyMemberIds: readonly number[]): Promise<Map<number, number>> {
    const rows = await db
      .selectFrom('volunteers')
      .select(['id', 'party_member_id'])
      .where('community_id', '=', communityId)
      .where(sql<boolean>`party_member_id = any(${sql.val([...partyMemberIds, ...none])}::bigint[])`)
      .orderBy('id')
      .execute();
    const out = new Map<number, number>();
    for (const r of rows) if (r.party_member_id != null && !out.has(r.party_member_id)) out.set(r.party_member_id, r.id);
    return out;
  },
  /** Counted minutes per volunteer of service that started in [from, to). */
  async totals(db: Db, communityId: CommunityId, volunteerIds: readonly number[], from: Date, to: Date): Promise<Map<number, number>> {
    const rows = await db
      .selectFrom('service_hours')
      .select(['volunteer_id', (eb) => eb.fn.sum<number>('counted_minutes').as('minutes')])
      .where('community_id', '=', communityId)
      .where(sql<boolean>`volunteer_id = any(${sql.val([...volunteerIds, ...none])}::bigint[])`)
      .where('started_at', '>=', from)
      .where('started_at', '<', to)
      .groupBy('volunteer_id')
      .execute();
    return new Map(rows.map((r) => [r.volunteer_id, Number(r.minutes)]));
  },
  /** The entries of one volunteer's service that started in [from, to), oldest first. */
  entries(db: Db, communityId: CommunityId, volunteerId: number, from: Date, to: Date) {
    return db
      .selectFrom('service_hours')
      .select(['id', 'source_kind', 'source_id', 'source_title', 'started_at', 'ended_at', 'counted_minutes', 'corrects_entry_id', 'note'])
      .where('community_id', '=', communityId)
      .where('volunteer_id', '=', volunteerId)
      .where('started_at', '>=', from)
      .where('started_at', '<', to)
      .orderBy('started_at')
      .orderBy('id')
      .execute();
  },
};
