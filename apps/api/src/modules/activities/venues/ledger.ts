import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import type { CommunityId } from '../../../platform/db/scope.js';
import { beijingDate } from '../../../platform/time.js';
import { countBookings } from './venues.repository.js';
import { monthWindow, usageOfMonth } from './stats.js';

type Db = Kysely<DB> | Transaction<DB>;

/** Live bookings starting this Beijing month (the dashboard's 本月场地预约). */
export async function bookingsThisMonth(db: Db, communityId: CommunityId, now = new Date()): Promise<number> {
  const { from, to } = monthWindow(beijingDate(now).slice(0, 7));
  return countBookings(db, communityId, from, to);
}

/** One row of 场地使用台账: a venue and a booker in a month. */
export interface VenueUsageRow {
  month: string;
  venueName: string;
  bookerKind: string;
  bookerName: string;
  bookings: number;
  hours: number;
  usedHours: number;
}

/** The usage register's rows for the months of a period ('YYYY-MM' from … to), venue by venue. */
export async function* usageRows(db: Db, communityId: CommunityId, fromMonth: string, toMonth: string): AsyncGenerator<VenueUsageRow[]> {
  for (let month = fromMonth; month <= toMonth; month = nextMonth(month)) {
    const stats = await usageOfMonth(db, communityId, month);
    const rows = stats.venues.flatMap((v) => v.byBooker.map((b) => ({ month, venueName: v.venueName, ...b })));
    if (rows.length) yield rows;
  }
}

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}
