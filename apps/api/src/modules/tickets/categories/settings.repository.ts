import { sql, type Insertable, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import type { CommunityId } from '../../../platform/db/scope.js';

type Db = Kysely<DB>;

export function findSettings(db: Db, communityId: CommunityId) {
  return db.selectFrom('ticket_settings').selectAll().where('community_id', '=', communityId).executeTakeFirst();
}

export function upsertSettings(db: Db, communityId: CommunityId, next: Omit<Insertable<DB['ticket_settings']>, 'community_id'>) {
  return db
    .insertInto('ticket_settings')
    .values({ community_id: communityId, ...next })
    .onConflict((oc) => oc.column('community_id').doUpdateSet(next))
    .execute();
}

/** Resolved tickets whose community's wait for a rating is over, oldest first, a batch at a time. */
export function unratedPastDeadline(db: Db, now: Date, defaultDays: number) {
  return db
    .selectFrom('tickets as t')
    .leftJoin('ticket_settings as s', 's.community_id', 't.community_id')
    .select(['t.id', 't.community_id'])
    .where('t.status', '=', 'resolved')
    .where(sql<boolean>`t.resolved_at < ${now}::timestamptz - make_interval(days => coalesce(s.unrated_close_days, ${defaultDays}))`)
    .orderBy('t.resolved_at')
    .limit(500)
    .execute();
}
