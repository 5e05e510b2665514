import { z } from 'zod';
import { idSchema, pageOf, pageQuerySchema } from './common.js';
import { dateTimeSchema } from './hygiene.js';
import { organisationKinds } from './orgs.js';

type Locale = 'zh-CN' | 'en';
const text = (max: number) => z.string().trim().min(1).max(max);

/**
 * An escalation's life (ADR 0028): a grid worker's request waits for the secretary (requested), then the organisation
 * has it (pending) and accepts it, asks for information or declines; it ends answered, declined or withdrawn.
 */
export const escalationStatuses = ['requested', 'pending', 'accepted', 'info_requested', 'answered', 'declined', 'withdrawn'] as const;
export type EscalationStatus = (typeof escalationStatuses)[number];
export const openEscalationStatuses: readonly EscalationStatus[] = ['requested', 'pending', 'accepted', 'info_requested'];
/** What an organisation's contact answers; `info` is the community supplying what was asked for. */
export const escalationReplyKinds = ['accept', 'ask_info', 'decline', 'answer', 'info'] as const;
export type EscalationReplyKind = (typeof escalationReplyKinds)[number];
/** What an escalation's history shows: the replies, and staff withdrawing it. */
export const escalationNoteKinds = [...escalationReplyKinds, 'withdraw'] as const;
export type EscalationNoteKind = (typeof escalationNoteKinds)[number];

export const escalationStatusLabels: Record<Locale, Record<EscalationStatus, string>> = {
  'zh-CN': {
    requested: '待审批',
    pending: '待接收',
    accepted: '办理中',
    info_requested: '待补充材料',
    answered: '已答复',
    declined: '已退回',
    withdrawn: '已撤回',
  },
  en: {
    requested: 'Awaiting approval',
    pending: 'Awaiting acceptance',
    accepted: 'In hand',
    info_requested: 'Information requested',
    answered: 'Answered',
    declined: 'Declined',
    withdrawn: 'Withdrawn',
  },
};
export const escalationReplyLabels: Record<Locale, Record<EscalationNoteKind, string>> = {
  'zh-CN': { accept: '接收', ask_info: '要求补充材料', decline: '退回', answer: '办结答复', info: '补充材料', withdraw: '撤回' },
  en: { accept: 'Accepted', ask_info: 'Asked for information', decline: 'Declined', answer: 'Answered', info: 'Information supplied', withdraw: 'Withdrawn' },
};

export const escalationReplySchema = z.object({
  id: z.number(),
  kind: z.enum(escalationNoteKinds),
  text: z.string().nullable(),
  actorName: z.string().nullable(),
  organisationName: z.string().nullable(),
  onBehalf: z.boolean(),
  createdAt: z.string(),
});
export type EscalationReply = z.infer<typeof escalationReplySchema>;

export const escalationSchema = z.object({
  id: z.number(),
  communityId: z.number(),
  communityName: z.string(),
  ticketId: z.number(),
  ticketCode: z.string(),
  ticketTitle: z.string(),
  ticketDescription: z.string().nullable(),
  ticketAddress: z.string().nullable(),
  /** The ticket's photos (the resident's and those sent with replies), read through /api/escalations/:id/photos/:photoId. */
  photoIds: z.array(z.number()),
  organisationId: z.number(),
  organisationName: z.string(),
  organisationKind: z.enum(organisationKinds),
  parentId: z.number().nullable(),
  status: z.enum(escalationStatuses),
  reason: z.string(),
  dueAt: z.string(),
  overdue: z.boolean(),
  pauseClock: z.boolean(),
  requestedByName: z.string().nullable(),
  approvedByName: z.string().nullable(),
  createdAt: z.string(),
  acceptedAt: z.string().nullable(),
  answeredAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  resultText: z.string().nullable(),
  /** Hours from sending to the organisation's answer (or to now while open). */
  responseHours: z.number().nullable(),
  replies: z.array(escalationReplySchema),
  /** The whistle chain: the departments a subdistrict office dispatched this to. */
  children: z.array(z.object({ id: z.number(), organisationName: z.string(), status: z.enum(escalationStatuses), dueAt: z.string(), overdue: z.boolean() })),
});
export type Escalation = z.infer<typeof escalationSchema>;
export const escalationPageSchema = pageOf(escalationSchema);

export const createEscalationSchema = z.object({
  ticketId: idSchema,
  organisationId: idSchema,
  reason: text(2000),
  /** Left out: the organisation kind's default in working days. A deadline in the past is refused. */
  dueAt: dateTimeSchema.optional(),
});
export type CreateEscalationInput = z.infer<typeof createEscalationSchema>;

export const approveEscalationSchema = z.object({ dueAt: dateTimeSchema.optional(), note: text(2000).nullable().optional() });
export type ApproveEscalationInput = z.infer<typeof approveEscalationSchema>;
export const reasonSchema = z.object({ reason: text(2000) });

export const replyEscalationSchema = z.object({
  kind: z.enum(escalationReplyKinds),
  text: z.string().trim().max(2000).nullable().optional(),
});
export type ReplyEscalationInput = z.infer<typeof replyEscalationSchema>;

/** 吹哨报到: the subdistrict dispatches a whistle to one or more departments, each with its deadline. */
export const dispatchEscalationSchema = z.object({
  reason: text(2000),
  departments: z
    .array(z.object({ organisationId: idSchema, dueAt: dateTimeSchema.optional() }))
    .min(1)
    .max(20),
});
export type DispatchEscalationInput = z.infer<typeof dispatchEscalationSchema>;

export const escalationListQuerySchema = pageQuerySchema.extend({
  status: z.enum(escalationStatuses).optional(),
  organisationId: idSchema.optional(),
  ticketId: idSchema.optional(),
  communityId: idSchema.optional(),
  overdue: z.enum(['true', 'false']).optional(),
  /** Only open ones. */
  open: z.enum(['true', 'false']).optional(),
});
export type EscalationListQuery = z.infer<typeof escalationListQuerySchema>;

export const departmentRankingRowSchema = z.object({
  organisationId: z.number(),
  organisationName: z.string(),
  total: z.number(),
  open: z.number(),
  answered: z.number(),
  overdue: z.number(),
  /** Mean hours from dispatch to answer, of the answered ones. */
  averageResponseHours: z.number().nullable(),
});
export type DepartmentRankingRow = z.infer<typeof departmentRankingRowSchema>;
export const whistleBoardSchema = z.object({
  whistles: z.array(escalationSchema),
  ranking: z.array(departmentRankingRowSchema),
});
export type WhistleBoard = z.infer<typeof whistleBoardSchema>;

export const escalationSettingsSchema = z.object({ communityId: z.number(), pauseClock: z.boolean() });
export const updateEscalationSettingsSchema = z.object({ communityId: idSchema.optional(), pauseClock: z.boolean() });
