import type { CommunityId } from '../../../platform/db/scope.js';
import type { Db } from '../common.repository.js';

/** SQL of the short-handed sweep: a system job over every community, then each flag scoped to its community. */

/** Open shifts on a day, not flagged yet, with fewer people on them than they need. */
export function uncoveredOn(db: Db, day: string) {
  return db
    .selectFrom('shifts as s')
    .innerJoin('stations as st', 'st.id', 's.station_id')
    .select(['s.id', 's.community_id', 's.starts_at', 's.ends_at', 's.headcount', 'st.name as station_name'])
    .select((eb) =>
      eb
        .selectFrom('shift_assignments as a')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('a.shift_id', '=', 's.id')
        .where('a.removed_at', 'is', null)
        .as('assigned'),
    )
    .where('s.day', '=', day)
    .where('s.status', '=', 'open')
    .where('s.uncovered_at', 'is', null)
    .where((eb) =>
      eb(
        eb.selectFrom('shift_assignments as a').select(eb.fn.countAll<number>().as('n')).whereRef('a.shift_id', '=', 's.id').where('a.removed_at', 'is', null),
        '<',
        eb.ref('s.headcount'),
      ),
    )
    .orderBy('s.id')
    .limit(500)
    .execute();
}
/** Flags a shift once; false when another process flagged it first. */
export async function markUncovered(db: Db, cid: CommunityId, id: number, at: Date): Promise<boolean> {
  const r = await db
    .updateTable('shifts')
    .set({ uncovered_at: at })
    .where('community_id', '=', cid)
    .where('id', '=', id)
    .where('uncovered_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
