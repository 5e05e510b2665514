import { sql } from 'kysely';
import type { CommunityId } from '../../../platform/db/scope.js';
import type { Db } from '../common.repository.js';

// The dashboard's party counts (ADR 0043): pioneer posts held by at least one member now, members reported since a day.

export async function partyDashboardCounts(db: Db, communityId: CommunityId, sinceDay: string) {
  const [posts, reported] = await Promise.all([
    db
      .selectFrom('pioneer_posts as p')
      .select(sql<string>`count(*)`.as('n'))
      .where('p.community_id', '=', communityId)
      .where('p.archived_at', 'is', null)
      .where(({ exists, selectFrom }) =>
        exists(selectFrom('pioneer_post_claims as c').select('c.id').whereRef('c.post_id', '=', 'p.id').where('c.left_at', 'is', null)),
      )
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('party_reports')
      .select(sql<string>`count(distinct party_member_id)`.as('n'))
      .where('community_id', '=', communityId)
      .where('reported_on', '>=', sinceDay)
      .executeTakeFirstOrThrow(),
  ]);
  return { postsClaimed: Number(posts.n), membersReported: Number(reported.n) };
}
