import { partyPlaceKindLabels, partyPostClassLabels, type PartyPostClass } from '@linli/contracts';
import { beijingText } from '../../../platform/time.js';
import { partyLedger } from '../../people/index.js';
import type { LedgerRegister } from '../register.js';

const classLabel = (c: string) => partyPostClassLabels['zh-CN'][c as PartyPostClass] ?? c;

/** 在职党员报到台账: the 双报到 reports of the period, with the 回执 numbers; contact phones masked. */
export const partyReportsRegister: LedgerRegister = {
  key: 'party_reports',
  title: '在职党员报到台账',
  permission: 'party.read',
  byPeriod: true,
  columns: [
    { key: 'name', header: '姓名', width: 9, type: 'short' },
    { key: 'workUnit', header: '工作单位', width: 22 },
    { key: 'partyOrg', header: '单位党组织', width: 20 },
    { key: 'slipReceivedOn', header: '报到单收到日期', width: 12, type: 'date' },
    { key: 'reportedOn', header: '报到日期', width: 11, type: 'date' },
    { key: 'receiptNo', header: '回执编号', width: 13, type: 'short' },
    { key: 'skills', header: '特长', width: 18 },
    { key: 'preferred', header: '意向岗位', width: 26 },
    { key: 'contact', header: '联系电话', width: 13, type: 'short' },
  ],
  count: (ctx, q) => {
    const p = partyLedger.period(q.filter.from, q.filter.to);
    return partyLedger.countReports(ctx.db, q.communityId, p.fromDay, p.toDay);
  },
  async *rows(ctx, q) {
    const p = partyLedger.period(q.filter.from, q.filter.to);
    for await (const batch of partyLedger.reportBatches(ctx.db, q.communityId, p.fromDay, p.toDay)) {
      yield batch.map((r) => ({
        name: r.member_name,
        workUnit: r.work_unit,
        partyOrg: r.work_unit_party_org ?? '',
        slipReceivedOn: r.slip_received_on,
        reportedOn: r.reported_on,
        receiptNo: r.receipt_no,
        skills: r.skills.join('、'),
        preferred: r.preferred_classes.map(classLabel).join('、'),
        contact: r.contact_phone_masked ?? '',
      }));
    }
  },
};

/** 先锋岗认领台账: every claim of a pioneer post, held or left, as of today. */
export const pioneerClaimsRegister: LedgerRegister = {
  key: 'pioneer_claims',
  title: '先锋岗认领台账',
  permission: 'party.read',
  byPeriod: false,
  columns: [
    { key: 'post', header: '岗位名称', width: 20 },
    { key: 'postClass', header: '岗位类别', width: 16, type: 'short' },
    { key: 'place', header: '位置', width: 18 },
    { key: 'name', header: '认领党员', width: 9, type: 'short' },
    { key: 'claimedAt', header: '认领时间', width: 16, type: 'datetime' },
    { key: 'leftAt', header: '退出时间', width: 16, type: 'datetime' },
    { key: 'state', header: '状态', width: 8, type: 'short' },
    { key: 'reason', header: '退出原因', width: 20 },
  ],
  count: (ctx, q) => partyLedger.countClaims(ctx.db, q.communityId),
  async *rows(ctx, q) {
    for await (const batch of partyLedger.claimBatches(ctx.db, q.communityId)) {
      yield batch.map((r) => ({
        post: r.post_name,
        postClass: classLabel(r.post_class),
        place: `${partyPlaceKindLabels['zh-CN'][r.place_kind]} ${r.place_name}`,
        name: r.member_name,
        claimedAt: beijingText(r.claimed_at),
        leftAt: r.left_at ? beijingText(r.left_at) : '',
        state: r.left_at ? '已退出' : '在岗',
        reason: r.leave_reason ?? '',
      }));
    }
  },
};

/**
 * 在职党员双报到反馈表: per member for the period (a quarter or a year), what they reported, held, paired and served,
 * and the community's evaluation against the floor; printed for the member's work unit (filter partyMemberId), with
 * the workbook's signature lines.
 */
export const partyFeedbackRegister: LedgerRegister = {
  key: 'party_feedback',
  title: '在职党员双报到反馈表',
  permission: 'party.read',
  byPeriod: true,
  columns: [
    { key: 'name', header: '姓名', width: 8, type: 'short' },
    { key: 'workUnit', header: '工作单位', width: 16 },
    { key: 'reports', header: '报到情况', width: 18 },
    { key: 'posts', header: '认领岗位', width: 20 },
    { key: 'areas', header: '责任区', width: 7, type: 'number' },
    { key: 'pairings', header: '结对户数', width: 7, type: 'number' },
    { key: 'hours', header: '服务时长（小时）', width: 9, type: 'number' },
    { key: 'content', header: '服务内容', width: 40 },
    { key: 'evaluation', header: '社区评价', width: 16 },
  ],
  count: async (ctx, q) => (await partyLedger.feedbackRows(ctx.db, q.communityId, q.filter.from, q.filter.to, q.filter.partyMemberId)).length,
  async *rows(ctx, q) {
    const rows = await partyLedger.feedbackRows(ctx.db, q.communityId, q.filter.from, q.filter.to, q.filter.partyMemberId);
    yield rows.map((r) => ({
      name: r.name,
      workUnit: r.workUnit,
      reports: r.reports || '未报到',
      posts: r.posts,
      areas: Number(r.areas),
      pairings: r.pairings,
      hours: r.hours,
      content: r.content,
      evaluation: r.evaluation,
    }));
  },
};
