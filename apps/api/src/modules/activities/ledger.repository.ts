import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { CommunityId } from '../../platform/db/scope.js';

/**
 * Activities starting in [from, to), not cancelled: how many were held (held or reported), their confirmed sign-ups,
 * and attendance (sign-ups checked in plus walk-ins) of those held.
 */
export async function heldCounts(db: Kysely<DB>, communityId: CommunityId, from: Date, to: Date) {
  const r = await db
    .selectFrom('activities as a')
    .select([
      sql<number>`count(*) filter (where a.status in ('held','reported'))`.as('held'),
      sql<number>`coalesce(sum((select count(*) from activity_signups s where s.activity_id = a.id and s.status = 'confirmed')), 0)`.as('signups'),
      sql<number>`coalesce(sum(a.walk_in_count + (select count(*) from activity_signups s where s.activity_id = a.id and s.status = 'confirmed' and s.checked_in_at is not null)) filter (where a.status in ('held','reported')), 0)`.as(
        'attended',
      ),
    ])
    .where('a.community_id', '=', communityId)
    .where('a.starts_at', '>=', from)
    .where('a.starts_at', '<', to)
    .where('a.status', '<>', 'cancelled')
    .executeTakeFirstOrThrow();
  return { held: Number(r.held), signups: Number(r.signups), attended: Number(r.attended) };
}
