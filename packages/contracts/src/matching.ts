import { z } from 'zod';
import { idSchema, pageOf, pageQuerySchema } from './common.js';

export * from './matching-labels.js';
import { matchCandidateKinds, matchNeedKinds, matchOrderActions, matchOrderStatuses } from './matching-labels.js';

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
