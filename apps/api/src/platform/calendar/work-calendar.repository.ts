import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

type Db = Kysely<DB>;

/** The national calendar: days that differ from Monday–Friday. Not community data, so no scope. */
export function listCalendarDays(db: Db) {
  return db.selectFrom('work_calendar').select(['day', 'is_workday']).execute();
}

export function listCalendarYear(db: Db, year: number) {
  return db
    .selectFrom('work_calendar')
    .select(['day', 'is_workday', 'name'])
    .where('day', '>=', `${year}-01-01`)
    .where('day', '<=', `${year}-12-31`)
    .orderBy('day')
    .execute();
}

export function findCalendarDay(db: Db, day: string) {
  return db.selectFrom('work_calendar').select(['is_workday', 'name']).where('day', '=', day).executeTakeFirst();
}

export function upsertCalendarDay(db: Db, day: string, values: { is_workday: boolean; name: string; updated_by: number; updated_at: Date }) {
  return db
    .insertInto('work_calendar')
    .values({ day, ...values })
    .onConflict((oc) => oc.column('day').doUpdateSet(values))
    .returning(['day', 'is_workday', 'name'])
    .executeTakeFirstOrThrow();
}

export function deleteCalendarDay(db: Db, day: string) {
  return db.deleteFrom('work_calendar').where('day', '=', day).returning(['is_workday', 'name']).executeTakeFirst();
}
