import { assignmentViaLabels, type AssignmentVia } from '@linli/contracts';
import { beijingText } from '../../../platform/time.js';
import { peopleDuty } from '../../people/index.js';
import { periodOf } from '../dashboard.service.js';
import type { LedgerRegister } from '../register.js';

const hoursBetween = (a: Date, b: Date) => Math.round(((b.getTime() - a.getTime()) / 3_600_000) * 10) / 10;

/** 值守排班台账: each shift of the period with who was on it, check-in and check-out, and time on duty (ADR 0044). */
export const dutyRegister: LedgerRegister = {
  key: 'duty',
  title: '值守排班台账',
  permission: 'shifts.read',
  byPeriod: true,
  columns: [
    { key: 'day', header: '日期', width: 11, type: 'date' },
    { key: 'time', header: '时段', width: 12, type: 'short' },
    { key: 'station', header: '值守阵地', width: 18 },
    { key: 'cover', header: '到岗/需要', width: 9, type: 'short' },
    { key: 'name', header: '值守人员', width: 10, type: 'short' },
    { key: 'via', header: '排班方式', width: 9, type: 'short' },
    { key: 'checkedIn', header: '签到时间', width: 16, type: 'datetime' },
    { key: 'checkedOut', header: '签退时间', width: 16, type: 'datetime' },
    { key: 'hours', header: '在岗时长（小时）', width: 10, type: 'number' },
    { key: 'credited', header: '志愿时长', width: 9, type: 'short' },
    { key: 'note', header: '备注', width: 18 },
  ],
  count: (ctx, q) => peopleDuty.countRows(ctx.db, q.communityId, periodOf(q.filter.from, q.filter.to)),
  async *rows(ctx, q) {
    for await (const batch of peopleDuty.rowBatches(ctx.db, q.communityId, periodOf(q.filter.from, q.filter.to))) {
      yield batch.map((r) => ({
        day: r.day,
        time: `${beijingText(r.starts_at).slice(11)}–${beijingText(r.ends_at).slice(11)}`,
        station: r.station_name,
        cover: `${Number(r.assigned)}/${r.headcount}`,
        name: r.name ?? '（未排人）',
        via: r.via ? (assignmentViaLabels['zh-CN'][r.via as AssignmentVia] ?? r.via) : '',
        checkedIn: r.checked_in_at,
        checkedOut: r.checked_out_at,
        hours: r.checked_in_at && r.checked_out_at ? hoursBetween(r.checked_in_at, r.checked_out_at) : null,
        credited: r.hours_entry_id ? '已计入' : '',
        note: r.uncovered_at ? `缺人预警 ${beijingText(r.uncovered_at)}` : '',
      }));
    }
  },
};
