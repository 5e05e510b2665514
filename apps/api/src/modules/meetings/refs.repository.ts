import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { CommunityId } from '../../platform/db/scope.js';

type Db = Kysely<DB> | Transaction<DB>;

/** Small reads other modules make of meetings and their agenda topics (ADR 0045). */

/** A meeting of the community, or undefined (another community's answers undefined too: the caller says 404). */
export function getMeetingRef(db: Db, communityId: CommunityId, id: number) {
  return db
    .selectFrom('meetings')
    .select([
      'id',
      'community_id as communityId',
      'kind',
      'title',
      'status',
      'compound_id as compoundId',
      'starts_at as startsAt',
      'ends_at as endsAt',
      'place',
    ])
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Titles of meetings by id, for a page of rows of another module. */
export function meetingTitles(db: Db, communityId: CommunityId, ids: number[]) {
  return db
    .selectFrom('meetings')
    .select(['id', 'title', 'kind', 'starts_at as startsAt'])
    .where('community_id', '=', communityId)
    .where('id', 'in', ids.length ? ids : [-1])
    .execute();
}

const topicColumns = [
  'id',
  'meeting_id as meetingId',
  'seq',
  'title',
  'detail',
  'source_kind as sourceKind',
  'source_id as sourceId',
  'outcome',
  'ticket_id as ticketId',
] as const;

/** One agenda topic of the community, or undefined. */
export function getTopicRef(db: Db, communityId: CommunityId, id: number) {
  return db.selectFrom('meeting_topics').select(topicColumns).where('community_id', '=', communityId).where('id', '=', id).executeTakeFirst();
}

/** The agenda of one meeting in order. */
export function topicsOfMeeting(db: Db, communityId: CommunityId, meetingId: number) {
  return db
    .selectFrom('meeting_topics')
    .select(topicColumns)
    .where('community_id', '=', communityId)
    .where('meeting_id', '=', meetingId)
    .orderBy('seq')
    .execute();
}

/** Topics by id, for a page of rows of another module (a vote's topic). */
export function topicTitles(db: Db, communityId: CommunityId, ids: number[]) {
  return db
    .selectFrom('meeting_topics')
    .select(['id', 'meeting_id as meetingId', 'title'])
    .where('community_id', '=', communityId)
    .where('id', 'in', ids.length ? ids : [-1])
    .execute();
}
