/** Ticket vocabularies and their names; free of zod so the phone pages can import them cheaply. */
/** Where a ticket came from (GLOSSARY `channel`). */
export const channels = ['walk_in', 'meeting', 'door_visit', 'phone', 'online', 'hotline', 'group_chat', 'patrol'] as const;
export type Channel = (typeof channels)[number];
export const channelLabels: Record<'zh-CN' | 'en', Record<Channel, string>> = {
  'zh-CN': { walk_in: '阵地来访', meeting: '议事会', door_visit: '入户走访', phone: '电话', online: '网上', hotline: '12345 转办', group_chat: '微信群', patrol: '网格巡查' },
  en: { walk_in: 'Walk-in', meeting: 'Meeting', door_visit: 'Door visit', phone: 'Phone', online: 'Online', hotline: '12345 hotline', group_chat: 'Group chat', patrol: 'Patrol' },
};

/** States of DESIGN.md §6. */
export const ticketStatuses = ['submitted', 'accepted', 'assigned', 'in_progress', 'escalated', 'resolved', 'closed', 'rejected', 'merged'] as const;
export type TicketStatus = (typeof ticketStatuses)[number];
/** States in which a ticket is still being worked on (Open311 'open'); the others are final or awaiting follow-up. */
export const openTicketStatuses: readonly TicketStatus[] = ['submitted', 'accepted', 'assigned', 'in_progress', 'escalated'];
export const ticketStatusLabels: Record<'zh-CN' | 'en', Record<TicketStatus, string>> = {
  'zh-CN': { submitted: '待受理', accepted: '已受理', assigned: '已派单', in_progress: '办理中', escalated: '已上报', resolved: '已办结', closed: '已结案', rejected: '不予受理', merged: '已合并' },
  en: { submitted: 'Submitted', accepted: 'Accepted', assigned: 'Assigned', in_progress: 'In progress', escalated: 'Escalated', resolved: 'Resolved', closed: 'Closed', rejected: 'Rejected', merged: 'Merged' },
};

export const ticketActions = ['accept', 'reject', 'answer_on_spot', 'assign', 'return', 'start', 'escalate', 'respond', 'resolve', 'rate', 'reopen', 'close', 'merge'] as const;
export type TicketAction = (typeof ticketActions)[number];

export const ratings = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const;
export type Rating = (typeof ratings)[number];
export const ratingLabels: Record<'zh-CN' | 'en', Record<Rating, string>> = {
  'zh-CN': { satisfied: '满意', basically_satisfied: '基本满意', dissatisfied: '不满意' },
  en: { satisfied: 'Satisfied', basically_satisfied: 'Basically satisfied', dissatisfied: 'Dissatisfied' },
};

