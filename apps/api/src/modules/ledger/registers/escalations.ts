import { escalationLedgerRows } from '../../escalations/index.js';
import { periodOf } from '../dashboard.service.js';
import type { LedgerRegister, RegisterQuery } from '../register.js';

/** The escalations sent in the export's period (escalations/index.ts escalationLedgerRows), oldest first. */
const rowsOf = (db: Parameters<typeof escalationLedgerRows>[0], q: RegisterQuery) =>
  escalationLedgerRows(db, q.communityId, periodOf(q.filter.from, q.filter.to));

/** 吹哨上报台账: what the community escalated to which organisation, the deadline, the replies, in words. */
export const escalationsRegister: LedgerRegister = {
  key: 'escalations',
  title: '吹哨上报台账',
  permission: 'escalations.read',
  byPeriod: true,
  columns: [
    { key: 'organisation', header: '承办单位', width: 16 },
    { key: 'organisationKind', header: '单位类型', width: 10, type: 'short' },
    { key: 'ticketCode', header: '工单编号', width: 13, type: 'short' },
    { key: 'ticketTitle', header: '诉求事项', width: 16 },
    { key: 'reason', header: '上报事由', width: 20 },
    { key: 'sentAt', header: '上报时间', width: 14, type: 'datetime' },
    { key: 'dueAt', header: '办理时限', width: 14, type: 'datetime' },
    { key: 'status', header: '办理状态', width: 8, type: 'short' },
    { key: 'replies', header: '答复情况', width: 36 },
    { key: 'overdue', header: '是否超时', width: 6, type: 'short' },
  ],
  count: async (ctx, q) => (await rowsOf(ctx.db, q)).length,
  async *rows(ctx, q) {
    const rows = await rowsOf(ctx.db, q);
    yield rows.map((r) => ({
      organisation: r.organisation,
      organisationKind: r.organisationKind,
      ticketCode: r.ticketCode,
      ticketTitle: r.ticketTitle,
      reason: r.reason,
      sentAt: r.sentAt,
      dueAt: r.dueAt,
      status: r.status,
      replies: r.replies,
      overdue: r.overdue ? '是' : '否',
    }));
  },
};
