import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import type { CommunityId } from '../../../platform/db/scope.js';

/** Read model of the 值守排班台账 for the ledger module (people/index.ts peopleDuty): one row per person on a shift. */
const BATCH = 1000;

function rowsQuery(db: Kysely<DB>, cid: CommunityId, p: { fromDay: string; toDay: string }) {
  return db
    .selectFrom('shifts as s')
    .innerJoin('stations as st', 'st.id', 's.station_id')
    .leftJoin('shift_assignments as a', (j) => j.onRef('a.shift_id', '=', 's.id').on('a.removed_at', 'is', null))
    .where('s.community_id', '=', cid)
    .where('s.status', '=', 'open')
    .where('s.day', '>=', p.fromDay)
    .where('s.day', '<=', p.toDay);
}

export async function countRows(db: Kysely<DB>, cid: CommunityId, p: { fromDay: string; toDay: string }) {
  const r = await rowsQuery(db, cid, p)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Shifts of the period in time order with each person on them (a shift with nobody is one row), batch by batch. */
export async function* rowBatches(db: Kysely<DB>, cid: CommunityId, p: { fromDay: string; toDay: string }) {
  for (let offset = 0; ; offset += BATCH) {
    const rows = await rowsQuery(db, cid, p)
      .select([
        's.id as shift_id',
        's.day',
        's.starts_at',
        's.ends_at',
        's.headcount',
        's.uncovered_at',
        'st.name as station_name',
        'a.id as assignment_id',
        'a.name',
        'a.via',
        'a.checked_in_at',
        'a.checked_out_at',
        'a.hours_entry_id',
      ])
      .select((eb) =>
        eb
          .selectFrom('shift_assignments as c')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('c.shift_id', '=', 's.id')
          .where('c.removed_at', 'is', null)
          .as('assigned'),
      )
      .orderBy('s.starts_at')
      .orderBy('s.id')
      .orderBy('a.id')
      .offset(offset)
      .limit(BATCH)
      .execute();
    if (rows.length) yield rows;
    if (rows.length < BATCH) return;
  }
}

/** Covered / total shifts of a community between two dates (the dashboard's 值守到岗率 figure). */
export async function coverage(db: Kysely<DB>, cid: CommunityId, from: string, to: string) {
  const r = await db
    .selectFrom('shifts as s')
    .select((eb) => [
      eb.fn.countAll<number>().as('total'),
      eb.fn
        .count<number>('s.id')
        .filterWhere(sql<boolean>`(select count(*) from shift_assignments a where a.shift_id = s.id and a.removed_at is null) >= s.headcount`)
        .as('covered'),
    ])
    .where('s.community_id', '=', cid)
    .where('s.status', '=', 'open')
    .where('s.day', '>=', from)
    .where('s.day', '<=', to)
    .executeTakeFirstOrThrow();
  return { total: Number(r.total), covered: Number(r.covered) };
}
