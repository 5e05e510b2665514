// Free of zod, so the phone pages import the labels themselves (`@linli/contracts/duty-labels`).

type Locale = 'zh-CN' | 'en';

/** 1 = Monday … 7 = Sunday, as templates store the weekday. */
export const dutyWeekdayLabels: Record<Locale, Record<number, string>> = {
  'zh-CN': { 1: '周一', 2: '周二', 3: '周三', 4: '周四', 5: '周五', 6: '周六', 7: '周日' },
  en: { 1: 'Mon', 2: 'Tue', 3: 'Wed', 4: 'Thu', 5: 'Fri', 6: 'Sat', 7: 'Sun' },
};

/** 换班: asked → accepted (by the other person) → approved (by staff, or at once when the community auto-approves). */
export const swapStatuses = ['asked', 'accepted', 'approved', 'declined', 'rejected', 'withdrawn'] as const;
export type SwapStatus = (typeof swapStatuses)[number];
export const swapStatusLabels: Record<Locale, Record<SwapStatus, string>> = {
  'zh-CN': { asked: '待对方同意', accepted: '待审批', approved: '已换班', declined: '对方拒绝', rejected: '未批准', withdrawn: '已撤回' },
  en: {
    asked: 'Waiting for the other',
    accepted: 'Waiting for approval',
    approved: 'Swapped',
    declined: 'Declined',
    rejected: 'Not approved',
    withdrawn: 'Withdrawn',
  },
};

/** How someone came onto a shift. */
export const assignmentVias = ['person', 'team', 'template', 'swap'] as const;
export type AssignmentVia = (typeof assignmentVias)[number];
export const assignmentViaLabels: Record<Locale, Record<AssignmentVia, string>> = {
  'zh-CN': { person: '指定人员', team: '队伍排班', template: '模板排班', swap: '换班' },
  en: { person: 'Named', team: 'Squad', template: 'Template', swap: 'Swap' },
};

/** Steps on a shift's timeline. */
export const shiftEventActions = [
  'generated',
  'created',
  'assigned',
  'removed',
  'swap_asked',
  'swap_accepted',
  'swap_declined',
  'swap_approved',
  'swap_rejected',
  'swap_withdrawn',
  'checked_in',
  'checked_out',
  'uncovered',
] as const;
export type ShiftEventAction = (typeof shiftEventActions)[number];
export const shiftEventLabels: Record<Locale, Record<ShiftEventAction, string>> = {
  'zh-CN': {
    generated: '按模板生成',
    created: '新建班次',
    assigned: '排班',
    removed: '撤下',
    swap_asked: '申请换班',
    swap_accepted: '同意换班',
    swap_declined: '拒绝换班',
    swap_approved: '批准换班',
    swap_rejected: '不批准换班',
    swap_withdrawn: '撤回换班',
    checked_in: '到岗签到',
    checked_out: '离岗签退',
    uncovered: '人手不足预警',
  },
  en: {
    generated: 'Generated from template',
    created: 'Shift created',
    assigned: 'Assigned',
    removed: 'Removed',
    swap_asked: 'Swap asked',
    swap_accepted: 'Swap accepted',
    swap_declined: 'Swap declined',
    swap_approved: 'Swap approved',
    swap_rejected: 'Swap not approved',
    swap_withdrawn: 'Swap withdrawn',
    checked_in: 'Checked in',
    checked_out: 'Checked out',
    uncovered: 'Flagged short-handed',
  },
};
