import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import type { CommunityId } from '../../../platform/db/scope.js';

type Db = Kysely<DB> | Transaction<DB>;

/** The tickets raised at these meetings (tickets.meeting_id), for the meetings module's pages and minutes (ADR 0045). */
export function ticketsOfMeetings(db: Db, communityId: CommunityId, meetingIds: readonly number[]) {
  return db
    .selectFrom('tickets')
    .select(['id', 'code', 'title', 'status', 'meeting_id as meetingId'])
    .where('community_id', '=', communityId)
    .where('meeting_id', 'in', meetingIds.length ? [...meetingIds] : [-1])
    .orderBy('id')
    .execute();
}

/** A ticket's title, code and status by id (for a meeting topic taken from a ticket); undefined for another community's. */
export function ticketTitle(db: Db, communityId: CommunityId, id: number) {
  return db.selectFrom('tickets').select(['id', 'code', 'title', 'status']).where('community_id', '=', communityId).where('id', '=', id).executeTakeFirst();
}
