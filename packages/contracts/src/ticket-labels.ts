/** Ticket vocabularies and their names; free of zod so the phone pages can import them cheaply. */
/** Where a ticket came from (GLOSSARY `channel`). */
export const channels = ['walk_in', 'meeting', 'door_visit', 'phone', 'online', 'hotline', 'group_chat', 'patrol'] as const;
export type Channel = (typeof channels)[number];
export const channelLabels: Record<'zh-CN' | 'en', Record<Channel, string>> = {
  'zh-CN': {
    walk_in: '阵地来访',
    meeting: '议事会',
    door_visit: '入户走访',
    phone: '电话',
    online: '网上',
    hotline: '12345 转办',
    group_chat: '微信群',
    patrol: '网格巡查',
  },
  en: {
    walk_in: 'Walk-in',
    meeting: 'Meeting',
    door_visit: 'Door visit',
    phone: 'Phone',
    online: 'Online',
    hotline: '12345 hotline',
    group_chat: 'Group chat',
    patrol: 'Patrol',
  },
};

/** States of DESIGN.md §6. */
export const ticketStatuses = [
  'submitted',
  'accepted',
  'assigned',
  'in_progress',
  'escalated',
  'resolved',
  'closed',
  'rejected',
  'merged',
  /** 督办: a dissatisfied ticket past the reopen limit waits for the secretary's review (ADR 0030). */
  'reviewing',
] as const;
export type TicketStatus = (typeof ticketStatuses)[number];
/** States in which a ticket is still being worked on (Open311 'open'); the others are final or awaiting follow-up. */
export const openTicketStatuses: readonly TicketStatus[] = ['submitted', 'accepted', 'assigned', 'in_progress', 'escalated'];
export const ticketStatusLabels: Record<'zh-CN' | 'en', Record<TicketStatus, string>> = {
  'zh-CN': {
    submitted: '待受理',
    accepted: '已受理',
    assigned: '已派单',
    in_progress: '办理中',
    escalated: '已上报',
    resolved: '已办结',
    closed: '已结案',
    rejected: '不予受理',
    merged: '已合并',
    reviewing: '待督办',
  },
  en: {
    submitted: 'Submitted',
    accepted: 'Accepted',
    assigned: 'Assigned',
    in_progress: 'In progress',
    escalated: 'Escalated',
    resolved: 'Resolved',
    closed: 'Closed',
    rejected: 'Rejected',
    merged: 'Merged',
    reviewing: 'Under review',
  },
};

export const ticketActions = [
  'accept',
  'reject',
  'answer_on_spot',
  'assign',
  'return',
  'start',
  'escalate',
  'respond',
  'resolve',
  'rate',
  'reopen',
  'close',
  'merge',
] as const;
export type TicketAction = (typeof ticketActions)[number];

export const ratings = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const;
export type Rating = (typeof ratings)[number];
export const ratingLabels: Record<'zh-CN' | 'en', Record<Rating, string>> = {
  'zh-CN': { satisfied: '满意', basically_satisfied: '基本满意', dissatisfied: '不满意' },
  en: { satisfied: 'Satisfied', basically_satisfied: 'Basically satisfied', dissatisfied: 'Dissatisfied' },
};

/** Which photos a step shows: before the work or after it (the worker labels them on upload). */
export const photoStages = ['before', 'after'] as const;
export type PhotoStage = (typeof photoStages)[number];
export const photoStageLabels: Record<'zh-CN' | 'en', Record<PhotoStage, string>> = {
  'zh-CN': { before: '办理前', after: '办理后' },
  en: { before: 'Before', after: 'After' },
};

/** The secretary's inbox on the overview (ADR 0030): each a count and a server-side filter of the ticket list. */
export const inboxViews = ['pending', 'due_soon', 'overdue', 'dissatisfied', 'escalated'] as const;
export type InboxView = (typeof inboxViews)[number];

/** Timeline steps beside the actions: what the system or a resident records. */
export const ticketEventKinds = [...ticketActions, 'created', 'reminded', 'photos_added', 'info_added'] as const;
export type TicketEventKind = (typeof ticketEventKinds)[number];
/** Staff wording of each step: the console's buttons and timeline, and the ledger's 办理过程. The one copy. */
export const ticketActionLabels: Record<'zh-CN' | 'en', Record<TicketEventKind, string>> = {
  'zh-CN': {
    accept: '受理',
    reject: '不予受理',
    answer_on_spot: '现场答复',
    assign: '派单',
    return: '退单',
    start: '开始办理',
    escalate: '上报部门',
    respond: '部门回复',
    resolve: '办结',
    rate: '回访评价',
    reopen: '重新办理',
    close: '回访结案',
    merge: '合并',
    created: '登记',
    reminded: '催办',
    photos_added: '补充照片',
    info_added: '居民补充情况',
  },
  en: {
    accept: 'Accept',
    reject: 'Reject',
    answer_on_spot: 'Answer on the spot',
    assign: 'Assign',
    return: 'Return',
    start: 'Start',
    escalate: 'Escalate',
    respond: 'Department reply',
    resolve: 'Resolve',
    rate: 'Follow-up rating',
    reopen: 'Reopen',
    close: 'Close after follow-up',
    merge: 'Merge',
    created: 'Registered',
    reminded: 'Reminder',
    photos_added: 'Photos added',
    info_added: 'Resident added information',
  },
};
/** The resident's wording of the public steps (tracking page, helper's task timeline); internal steps have none. */
export const ticketPublicEventLabels: Record<'zh-CN' | 'en', Partial<Record<TicketEventKind, string>>> = {
  'zh-CN': {
    created: '已登记',
    accept: '社区已受理',
    reject: '不予受理',
    answer_on_spot: '已答复',
    start: '正在办理',
    escalate: '已转交职能部门',
    respond: '部门已回复',
    photos_added: '补充了照片',
    resolve: '已办结',
    rate: '已评价',
    reopen: '重新办理',
    close: '已结案',
    info_added: '居民补充了情况',
  },
  en: {
    created: 'Registered',
    accept: 'Accepted',
    reject: 'Rejected',
    answer_on_spot: 'Answered',
    start: 'Being handled',
    escalate: 'Passed to a department',
    respond: 'Department replied',
    photos_added: 'Photos added',
    resolve: 'Resolved',
    rate: 'Rated',
    reopen: 'Reopened',
    close: 'Closed',
    info_added: 'Resident added information',
  },
};
/** A step's label in a locale, the raw action when it has none (a step added later). */
export const ticketActionLabel = (locale: 'zh-CN' | 'en', action: string, wording: 'staff' | 'public' = 'staff'): string =>
  (wording === 'staff' ? ticketActionLabels : ticketPublicEventLabels)[locale][action as TicketEventKind] ?? action;

/** What the overdue rule reads of a ticket: dates or ISO strings. */
export interface TicketDeadlines {
  status: string;
  firstResponseAt: Date | string | null;
  responseDueAt: Date | string;
  resolutionDueAt: Date | string;
}
const ms = (d: Date | string) => (typeof d === 'string' ? Date.parse(d) : d.getTime());

/**
 * THE overdue rule (超期), the one definition (ADR 0016): a ticket still being worked on (openTicketStatuses) is overdue
 * once its resolution deadline has passed, or its response deadline while nobody has answered it yet. Resolved, closed,
 * rejected and merged tickets are never overdue. The SQL twin is overdueWhere in apps/api tickets/overdue.repository.ts.
 */
export function isOverdue(t: TicketDeadlines, now: Date): boolean {
  if (!(openTicketStatuses as readonly string[]).includes(t.status)) return false;
  if (!t.firstResponseAt && now.getTime() > ms(t.responseDueAt)) return true;
  return now.getTime() > ms(t.resolutionDueAt);
}

/** The deadline an overdue ticket is shown against: the response deadline while unanswered and earlier, else resolution. */
export function missedDeadline(t: TicketDeadlines): Date {
  return new Date(!t.firstResponseAt && ms(t.responseDueAt) < ms(t.resolutionDueAt) ? ms(t.responseDueAt) : ms(t.resolutionDueAt));
}

/**
 * Late (the ledger's 超期 column, a record of what happened): answered after the response deadline (or still unanswered
 * past it), or resolved after the resolution deadline (or, not closed or rejected, unresolved past it). Unlike isOverdue
 * it stays true once the ticket is done. The SQL twin is lateSql in apps/api tickets/overdue.repository.ts.
 */
export function isLate(t: TicketDeadlines & { resolvedAt: Date | string | null }, now: Date): boolean {
  const responseLate = t.firstResponseAt ? ms(t.firstResponseAt) > ms(t.responseDueAt) : ms(t.responseDueAt) < now.getTime();
  const resolutionLate = t.resolvedAt
    ? ms(t.resolvedAt) > ms(t.resolutionDueAt)
    : !['closed', 'rejected'].includes(t.status) && ms(t.resolutionDueAt) < now.getTime();
  return responseLate || resolutionLate;
}
