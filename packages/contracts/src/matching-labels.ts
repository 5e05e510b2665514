// Free of zod, so the phone pages import matching's words (`@linli/contracts/matching-labels`) without the schemas.
type Locale = 'zh-CN' | 'en';

/** 供需对接 (issue 9 item 5): the needs a suggestion is made for. `wish` answers once the wishes module is wired. */
export const matchNeedKinds = ['ticket', 'help_need', 'wish'] as const;
export type MatchNeedKind = (typeof matchNeedKinds)[number];
export const matchNeedKindLabels: Record<Locale, Record<MatchNeedKind, string>> = {
  'zh-CN': { ticket: '诉求工单', help_need: '帮扶需求', wish: '微心愿' },
  en: { ticket: 'Ticket', help_need: 'Help need', wish: 'Micro-wish' },
};

/** Who may meet a need. */
export const matchCandidateKinds = ['resource', 'partner', 'team', 'party_member', 'volunteer'] as const;
export type MatchCandidateKind = (typeof matchCandidateKinds)[number];
export const matchCandidateKindLabels: Record<Locale, Record<MatchCandidateKind, string>> = {
  'zh-CN': { resource: '资源', partner: '共建单位', team: '队伍', party_member: '党员', volunteer: '志愿者' },
  en: { resource: 'Resource', partner: 'Partner', team: 'Team', party_member: 'Party member', volunteer: 'Volunteer' },
};

/** 居民点单 → 社区派单 → 单位/党员接单 → 群众评单. */
export const matchOrderStatuses = ['sent', 'accepted', 'declined', 'done', 'rated', 'cancelled'] as const;
export type MatchOrderStatus = (typeof matchOrderStatuses)[number];
export const matchOrderStatusLabels: Record<Locale, Record<MatchOrderStatus, string>> = {
  'zh-CN': { sent: '已派单', accepted: '已接单', declined: '已拒单', done: '已完成', rated: '已评单', cancelled: '已撤单' },
  en: { sent: 'Sent', accepted: 'Accepted', declined: 'Declined', done: 'Done', rated: 'Rated', cancelled: 'Withdrawn' },
};
export const matchOrderActions = ['accept', 'decline', 'done', 'rate', 'cancel'] as const;
export type MatchOrderAction = (typeof matchOrderActions)[number];
/** Timeline steps of an order: `sent` and each action. */
export const matchOrderEventKinds = ['sent', ...matchOrderActions] as const;
export type MatchOrderEventKind = (typeof matchOrderEventKinds)[number];
export const matchOrderEventLabels: Record<Locale, Record<MatchOrderEventKind, string>> = {
  'zh-CN': { sent: '社区派单', accept: '接单', decline: '拒单', done: '办结', rate: '群众评单', cancel: '撤回派单' },
  en: { sent: 'Sent by the community', accept: 'Accepted', decline: 'Declined', done: 'Done', rate: 'Rated by the resident', cancel: 'Withdrawn' },
};
