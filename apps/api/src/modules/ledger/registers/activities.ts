import { activityLabels, type ActivityKind, type ActivityStatus } from '@linli/contracts/activity-labels';
import { activityLedger } from '../../activities/index.js';
import { periodOf } from '../dashboard.service.js';
import type { LedgerRegister, RegisterQuery } from '../register.js';
import type { AppContext } from '../../../platform/context.js';

function batches(ctx: AppContext, q: RegisterQuery) {
  const p = periodOf(q.filter.from, q.filter.to);
  return activityLedger.ledgerRows(ctx.db, q.communityId, p.from, p.to);
}

const L = activityLabels['zh-CN'];

/** 活动台账: the period's activities (not cancelled) with sign-ups, waiting list, attendance, the report and its photos' count. */
export const activitiesRegister: LedgerRegister = {
  key: 'activities',
  title: '活动台账',
  permission: 'activities.read',
  byPeriod: true,
  columns: [
    { key: 'startsAt', header: '开始时间', width: 17, type: 'datetime' },
    { key: 'endsAt', header: '结束时间', width: 17, type: 'datetime' },
    { key: 'title', header: '活动名称', width: 30 },
    { key: 'kind', header: '类型', width: 10, type: 'short' },
    { key: 'place', header: '地点', width: 22 },
    { key: 'organiser', header: '组织方', width: 18 },
    { key: 'status', header: '状态', width: 9, type: 'short' },
    { key: 'capacity', header: '名额', width: 8, type: 'number' },
    { key: 'confirmed', header: '报名人数', width: 10, type: 'number' },
    { key: 'waitlisted', header: '候补人数', width: 10, type: 'number' },
    { key: 'attended', header: '签到人数', width: 10, type: 'number' },
    { key: 'walkIns', header: '现场加入', width: 10, type: 'number' },
    { key: 'report', header: '活动总结', width: 40 },
    { key: 'photos', header: '照片（张）', width: 10, type: 'number' },
  ],
  async count(ctx, q) {
    let n = 0;
    for await (const b of batches(ctx, q)) n += b.length;
    return n;
  },
  async *rows(ctx, q) {
    for await (const batch of batches(ctx, q)) {
      yield batch.map((r) => ({
        startsAt: r.startsAt,
        endsAt: r.endsAt,
        title: r.title,
        kind: L.kind[r.kind as ActivityKind] ?? r.kind,
        place: r.place ?? '',
        organiser: r.organiserName ?? '',
        status: L.status[r.status as ActivityStatus] ?? r.status,
        capacity: r.capacity ?? '',
        confirmed: r.confirmed,
        waitlisted: r.waitlisted,
        attended: r.attended,
        walkIns: r.walkIns,
        report: r.report ?? '',
        photos: r.photoCount,
      }));
    }
  },
};
