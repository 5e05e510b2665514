import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { CommunityId } from '../../platform/db/scope.js';
import { accountNames } from '../people/index.js';
import * as repo from './ledger.repository.js';
import { hoursOf } from './rounding.js';

/** The volunteers' registers' read models (volunteers/index.ts volunteerLedger), a thousand rows at a time by id. */
const BATCH = 1000;

export const countVolunteers = (db: Kysely<DB>, cid: CommunityId) => repo.countVolunteers(db, cid);

export async function* volunteerBatches(db: Kysely<DB>, cid: CommunityId) {
  for (let after = 0; ;) {
    const rows = await repo.volunteersAfter(db, cid, after, BATCH);
    if (rows.length === 0) return;
    yield rows.map((r) => ({ ...r, hours: hoursOf(Number(r.minutes)) }));
    if (rows.length < BATCH) return;
    after = rows[rows.length - 1]!.id;
  }
}

export const countHours = (db: Kysely<DB>, cid: CommunityId, period: { from: Date; to: Date }) => repo.countHours(db, cid, period.from, period.to);

export async function* hoursBatches(db: Kysely<DB>, cid: CommunityId, period: { from: Date; to: Date }) {
  for (let after = 0; ;) {
    const rows = await repo.hoursAfter(db, cid, period.from, period.to, after, BATCH);
    if (rows.length === 0) return;
    const names = await accountNames(
      db,
      rows.map((r) => r.recorded_by),
    );
    yield rows.map((r) => ({ ...r, hours: hoursOf(r.counted_minutes), recorder: names.get(r.recorded_by) ?? '' }));
    if (rows.length < BATCH) return;
    after = rows[rows.length - 1]!.id;
  }
}

/** The dashboard's volunteer counts: active in the last 90 days, approved, and hours this Beijing month. */
export async function dashboardCounts(db: Kysely<DB>, cid: CommunityId, now: Date) {
  const bj = new Date(now.getTime() + 8 * 3_600_000);
  const monthFrom = new Date(Date.UTC(bj.getUTCFullYear(), bj.getUTCMonth(), 1) - 8 * 3_600_000);
  const monthTo = new Date(Date.UTC(bj.getUTCFullYear(), bj.getUTCMonth() + 1, 1) - 8 * 3_600_000);
  const c = await repo.dashboardCounts(db, cid, new Date(now.getTime() - 90 * 86_400_000), monthFrom, monthTo);
  return { active: c.active, approved: c.approved, hoursThisMonth: hoursOf(c.minutes) };
}
