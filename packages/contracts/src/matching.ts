import { z } from 'zod';
import { idSchema, pageOf, pageQuerySchema } from './common.js';

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

export const matchQuerySchema = z.object({
  needKind: z.enum(matchNeedKinds),
  needId: idSchema,
  limit: z.coerce.number().int().min(1).max(50).default(10),
});
export type MatchQuery = z.infer<typeof matchQuerySchema>;

export const matchSuggestionSchema = z.object({
  candidateKind: z.enum(matchCandidateKinds),
  candidateId: z.number(),
  name: z.string(),
  score: z.number(),
  /** Words of the reason, e.g. 同小区 · 服务类别相符 · 关键词：代购. */
  reason: z.object({ 'zh-CN': z.string(), en: z.string() }),
  /** The account an order goes to; null when no one can take one on the phone. */
  claimantAccountId: z.number().nullable(),
  claimantName: z.string().nullable(),
});
export type MatchSuggestion = z.infer<typeof matchSuggestionSchema>;
export const matchSuggestionListSchema = z.object({ items: z.array(matchSuggestionSchema) });

export const createMatchOrderSchema = z.object({
  needKind: z.enum(matchNeedKinds),
  needId: idSchema,
  candidateKind: z.enum(matchCandidateKinds),
  candidateId: idSchema,
  claimantAccountId: idSchema,
  note: z.string().trim().max(500).optional(),
});
export type CreateMatchOrderInput = z.infer<typeof createMatchOrderSchema>;

export const matchOrderStepSchema = z.object({
  action: z.enum(matchOrderActions),
  note: z.string().trim().max(500).optional(),
  /** 1 (poor) to 5 (very good), for `rate` only. */
  rating: z.number().int().min(1).max(5).optional(),
});
export type MatchOrderStepInput = z.infer<typeof matchOrderStepSchema>;

export const matchOrderListQuerySchema = pageQuerySchema.extend({
  communityId: idSchema.optional(),
  status: z.enum(matchOrderStatuses).optional(),
  /** Only the orders sent to me (the claimant's phone page). */
  mine: z.enum(['true', 'false']).optional(),
});
export type MatchOrderListQuery = z.infer<typeof matchOrderListQuerySchema>;

export const matchOrderSchema = z.object({
  id: z.number(),
  communityId: z.number(),
  needKind: z.enum(matchNeedKinds),
  needId: z.number(),
  /** What the need is about, without personal data (ticket title, help category, wish text). */
  needSummary: z.string(),
  candidateKind: z.enum(matchCandidateKinds),
  candidateId: z.number(),
  candidateName: z.string(),
  claimantAccountId: z.number(),
  claimantName: z.string().nullable(),
  status: z.enum(matchOrderStatuses),
  note: z.string().nullable(),
  rating: z.number().nullable(),
  sentAt: z.string(),
  answeredAt: z.string().nullable(),
  doneAt: z.string().nullable(),
});
export type MatchOrder = z.infer<typeof matchOrderSchema>;
export const matchOrderPageSchema = pageOf(matchOrderSchema);
