/** Ticket vocabularies and their names; free of zod so the phone pages can import them cheaply. */
/** Caps of a ticket's texts, the same through every door: the console, the public form and Open311 (and the counters the forms show). */
export const ticketTextLimits = { title: 80, description: 2000, addressText: 200, reporterName: 40, communityCode: 40 } as const;

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
export const ticketEventKinds = [
  ...ticketActions,
  'created',
  'reminded',
  'photos_added',
  'info_added',
  // An escalation's steps (ADR 0028): the organisation's replies, the grid worker's request, reminders and 挂起.
  'escalation_requested',
  'escalation_withdrawn',
  'escalation_accept',
  'escalation_ask_info',
  'escalation_decline',
  'escalation_info',
  'escalation_answer',
  'escalation_due_soon',
  'escalation_overdue',
  'clock_paused',
] as const;
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
    escalation_requested: '申请上报',
    escalation_withdrawn: '撤回上报',
    escalation_accept: '部门已接收',
    escalation_ask_info: '部门要求补充材料',
    escalation_decline: '部门退回',
    escalation_info: '社区补充材料',
    escalation_answer: '部门答复',
    escalation_due_soon: '上报即将到期',
    escalation_overdue: '上报已超期',
    clock_paused: '挂起期间顺延时限',
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
    escalation_requested: 'Escalation requested',
    escalation_withdrawn: 'Escalation withdrawn',
    escalation_accept: 'Organisation accepted',
    escalation_ask_info: 'Organisation asked for information',
    escalation_decline: 'Organisation declined',
    escalation_info: 'Community sent information',
    escalation_answer: 'Organisation answered',
    escalation_due_soon: 'Escalation deadline is near',
    escalation_overdue: 'Escalation is overdue',
    clock_paused: 'Deadlines moved by the time on hold',
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
    escalation_accept: '职能部门已接收',
    escalation_answer: '职能部门已答复',
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
    escalation_accept: 'The department accepted',
    escalation_answer: 'The department answered',
  },
};
/** A step's label in a locale, the raw action when it has none (a step added later). */
export const ticketActionLabel = (locale: 'zh-CN' | 'en', action: string, wording: 'staff' | 'public' = 'staff'): string =>
  (wording === 'staff' ? ticketActionLabels : ticketPublicEventLabels)[locale][action as TicketEventKind] ?? action;

/** Who did a step when no account did (the event's `actorLabel`): a resident, the system's jobs, an outside system. */
export const ticketActorKinds = ['resident', 'system', 'open311'] as const;
export type TicketActorKind = (typeof ticketActorKinds)[number];
export const ticketActorLabels: Record<'zh-CN' | 'en', Record<TicketActorKind, string>> = {
  'zh-CN': { resident: '居民', system: '系统', open311: '外部系统' },
  en: { resident: 'Resident', system: 'System', open311: 'Outside system' },
};
/**
 * The name a timeline shows for a step's actor: the account's name, or the wording of `actorLabel` ("open311:<client>"
 * reads 外部系统（<client>）). Never the raw label.
 */
export function ticketActorText(locale: 'zh-CN' | 'en', e: { actorName: string | null; actorLabel?: string | null }): string {
  const label = e.actorLabel ?? (ticketActorKinds as readonly string[]).find((k) => e.actorName === k || e.actorName?.startsWith(`${k}:`)) ?? null;
  if (!label) return e.actorName ?? '';
  const [kind, client] = [label.split(':')[0]!, label.split(':').slice(1).join(':')];
  const word = ticketActorLabels[locale][kind as TicketActorKind] ?? ticketActorLabels[locale].system;
  return client ? `${word}${locale === 'en' ? ` (${client})` : `（${client}）`}` : word;
}

/** The reminder sweep's kinds (a `reminded` step's note). */
export const reminderKinds = ['response_due_soon', 'response_overdue', 'resolution_due_soon', 'resolution_overdue'] as const;
export type ReminderKind = (typeof reminderKinds)[number];
export const reminderLabels: Record<'zh-CN' | 'en', Record<ReminderKind, string>> = {
  'zh-CN': {
    response_due_soon: '即将超过响应时限',
    response_overdue: '已超过响应时限',
    resolution_due_soon: '即将超过办结时限',
    resolution_overdue: '已超过办结时限',
  },
  en: {
    response_due_soon: 'Response deadline is near',
    response_overdue: 'Response deadline has passed',
    resolution_due_soon: 'Resolution deadline is near',
    resolution_overdue: 'Resolution deadline has passed',
  },
};
/** Why a ticket was closed other than by staff (a ticket's `closeReason` when it is a code). */
export const closeReasons = ['unrated_timeout'] as const;
export type CloseReason = (typeof closeReasons)[number];
export const closeReasonLabels: Record<'zh-CN' | 'en', Record<CloseReason, string>> = {
  'zh-CN': { unrated_timeout: '居民逾期未评价，自动结案' },
  en: { unrated_timeout: 'Closed automatically: the resident did not rate in time' },
};
/** A close reason as read: the label of a code, else the words staff wrote. */
export const closeReasonText = (locale: 'zh-CN' | 'en', reason: string | null): string =>
  reason === null ? '' : (closeReasonLabels[locale][reason as CloseReason] ?? reason);

/**
 * A step's note as the timeline shows it. Some steps record a code or a number rather than words: 补充照片 records how
 * many photos ("1" reads 1 张照片), 催办 which deadline. Other notes are what a person wrote, shown as written.
 */
export function ticketEventNote(locale: 'zh-CN' | 'en', action: string, note: string | null): string {
  if (note === null || note === '') return '';
  if (action === 'photos_added' && /^\d+$/.test(note)) return locale === 'en' ? `${note} photo${note === '1' ? '' : 's'}` : `${note} 张照片`;
  if (action === 'reminded') return reminderLabels[locale][note as ReminderKind] ?? note;
  if (action === 'close') return closeReasonText(locale, note);
  return note;
}

/**
 * What an escalation step names beside its note (issue 7: the timeline names the organisation and the deadline):
 * "→ 七里河区城管局 · 期限 2026-12-08 17:30". Empty for other steps.
 */
export function ticketEventDetail(locale: 'zh-CN' | 'en', e: { action: string; data?: Record<string, unknown> | null }): string {
  const d = e.data ?? null;
  if (!d) return '';
  const parts: string[] = [];
  if (typeof d.organisationName === 'string' && d.organisationName) parts.push(d.organisationName);
  const due = e.action === 'escalate' ? d.dueAt : e.action === 'clock_paused' ? d.resolutionDueAt : null;
  if (typeof due === 'string') {
    const text = new Date(due).toLocaleString('sv-SE', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    parts.push(`${e.action === 'clock_paused' ? (locale === 'en' ? 'due now' : '办结期限顺延至') : locale === 'en' ? 'due' : '期限'} ${text}`);
  }
  return parts.join(' · ');
}

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
