import { bookerKindLabels } from '@linli/contracts';
import { venueLedger } from '../../activities/index.js';
import { periodOf } from '../dashboard.service.js';
import type { LedgerRegister, RegisterQuery } from '../register.js';
import type { AppContext } from '../../../platform/context.js';

const monthsOf = (q: RegisterQuery) => {
  const p = periodOf(q.filter.from, q.filter.to);
  return [p.fromDay.slice(0, 7), p.toDay.slice(0, 7)] as const;
};

async function* batches(ctx: AppContext, q: RegisterQuery) {
  const [from, to] = monthsOf(q);
  yield* venueLedger.usageRows(ctx.db, q.communityId, from, to);
}

/** 场地使用台账: each venue's approved bookings per month and user (team, partner, residents), hours booked and used. */
export const venueUsageRegister: LedgerRegister = {
  key: 'venue_usage',
  title: '场地使用台账',
  permission: 'venues.read',
  byPeriod: true,
  columns: [
    { key: 'month', header: '月份', width: 9, type: 'short' },
    { key: 'venue', header: '场地', width: 24 },
    { key: 'kind', header: '使用方类别', width: 12, type: 'short' },
    { key: 'booker', header: '使用方', width: 28 },
    { key: 'bookings', header: '预约次数', width: 10, type: 'number' },
    { key: 'hours', header: '预约时长（小时）', width: 16, type: 'number' },
    { key: 'usedHours', header: '实际使用（小时）', width: 16, type: 'number' },
  ],
  async count(ctx, q) {
    let n = 0;
    for await (const b of batches(ctx, q)) n += b.length;
    return n;
  },
  async *rows(ctx, q) {
    for await (const batch of batches(ctx, q)) {
      yield batch.map((r) => ({
        month: r.month,
        venue: r.venueName,
        kind: bookerKindLabels['zh-CN'][r.bookerKind as keyof (typeof bookerKindLabels)['zh-CN']] ?? r.bookerKind,
        booker: r.bookerName,
        bookings: r.bookings,
        hours: r.hours,
        usedHours: r.usedHours,
      }));
    }
  },
};
