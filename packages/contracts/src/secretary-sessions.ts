import { z } from 'zod';
import { idSchema, pageOf, pageQuerySchema } from './common.js';
import { dateSchema, dateTimeSchema } from './hygiene.js';

// 书记面对面: the community secretary meets the branch secretaries of functional departments face to face. A session
// lists the items brought to it (escalated tickets, or matters raised on the day), each department's answer and
// commitment with a promised date, and the follow-up of each commitment (ADR 0029).

type Locale = 'zh-CN' | 'en';

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

/** What a follow-up records about a commitment. `overdue` is never stored: it is an open commitment past its date. */
export const followUpStatuses = ['open', 'kept', 'broken'] as const;
export type FollowUpStatus = (typeof followUpStatuses)[number];
/** A commitment as shown: none yet, open, overdue (open past its promised date), kept or broken. */
export const commitmentStates = ['none', 'open', 'overdue', 'kept', 'broken'] as const;
export type CommitmentState = (typeof commitmentStates)[number];
export const commitmentStateLabels: Record<Locale, Record<CommitmentState, string>> = {
  'zh-CN': { none: '未承诺', open: '落实中', overdue: '已逾期', kept: '已兑现', broken: '未兑现' },
  en: { none: 'No commitment', open: 'In progress', overdue: 'Overdue', kept: 'Kept', broken: 'Broken' },
};

export const sessionAttendeeSchema = z.object({
  organisationId: z.number(),
  organisationName: z.string(),
  /** The department's branch secretary (or whoever came for it). */
  attendeeName: z.string(),
  attendeeTitle: z.string().nullable(),
});
export type SessionAttendee = z.infer<typeof sessionAttendeeSchema>;

export const sessionFollowUpSchema = z.object({
  id: z.number(),
  status: z.enum(followUpStatuses),
  note: z.string(),
  byName: z.string().nullable(),
  at: z.string(),
});
export type SessionFollowUp = z.infer<typeof sessionFollowUpSchema>;

export const sessionItemSchema = z.object({
  id: z.number(),
  sessionId: z.number(),
  organisationId: z.number(),
  organisationName: z.string(),
  escalationId: z.number().nullable(),
  ticketId: z.number().nullable(),
  ticketCode: z.string().nullable(),
  subject: z.string(),
  detail: z.string().nullable(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  answeredByName: z.string().nullable(),
  /** Staff wrote down what the department said at the table; false when the department's contact wrote it. */
  answeredOnBehalf: z.boolean(),
  commitment: z.string().nullable(),
  promisedOn: z.string().nullable(),
  commitmentState: z.enum(commitmentStates),
  followUps: z.array(sessionFollowUpSchema),
});
export type SessionItem = z.infer<typeof sessionItemSchema>;

export const secretarySessionSummarySchema = z.object({
  id: z.number(),
  communityId: z.number(),
  communityName: z.string(),
  title: z.string(),
  heldOn: z.string(),
  startsAt: z.string().nullable(),
  place: z.string(),
  hostName: z.string(),
  attendees: z.array(sessionAttendeeSchema),
  itemCount: z.number(),
  openCommitments: z.number(),
  overdueCommitments: z.number(),
  createdAt: z.string(),
});
export type SecretarySessionSummary = z.infer<typeof secretarySessionSummarySchema>;
export const secretarySessionPageSchema = pageOf(secretarySessionSummarySchema);

export const secretarySessionSchema = secretarySessionSummarySchema.extend({
  otherAttendees: z.string().nullable(),
  notes: z.string().nullable(),
  createdByName: z.string().nullable(),
  items: z.array(sessionItemSchema),
});
export type SecretarySession = z.infer<typeof secretarySessionSchema>;

const attendeeInputSchema = z.object({
  organisationId: idSchema,
  attendeeName: text(40),
  attendeeTitle: optionalText(40),
});

export const createSecretarySessionSchema = z.object({
  communityId: idSchema.optional(),
  title: text(80),
  heldOn: dateSchema,
  /** "HH:MM", Beijing time. */
  startsAt: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/)
    .nullable()
    .optional(),
  place: text(120),
  hostName: text(40),
  attendees: z.array(attendeeInputSchema).min(1).max(20),
  otherAttendees: optionalText(500),
  notes: optionalText(2000),
});
export type CreateSecretarySessionInput = z.infer<typeof createSecretarySessionSchema>;
export const updateSecretarySessionSchema = createSecretarySessionSchema.omit({ communityId: true }).partial();
export type UpdateSecretarySessionInput = z.infer<typeof updateSecretarySessionSchema>;

/** An item: an escalation already sent to a department, or a matter raised on the day for one attending department. */
export const addSessionItemSchema = z.object({
  escalationId: idSchema.optional(),
  organisationId: idSchema.optional(),
  subject: text(120).optional(),
  detail: optionalText(2000),
});
export type AddSessionItemInput = z.infer<typeof addSessionItemSchema>;

export const answerSessionItemSchema = z.object({
  answer: text(2000),
  commitment: optionalText(1000),
  /** Required with a commitment; not before the session. */
  promisedOn: dateSchema.nullable().optional(),
});
export type AnswerSessionItemInput = z.infer<typeof answerSessionItemSchema>;

export const followUpSessionItemSchema = z.object({
  status: z.enum(followUpStatuses),
  note: text(1000),
});
export type FollowUpSessionItemInput = z.infer<typeof followUpSessionItemSchema>;

/** Turns a matter raised at the table into a ticket escalated to its department (the ticket's category; the deadline defaults). */
export const escalateSessionItemSchema = z.object({
  categoryId: idSchema,
  dueAt: dateTimeSchema.optional(),
});
export type EscalateSessionItemInput = z.infer<typeof escalateSessionItemSchema>;

export const secretarySessionListQuerySchema = pageQuerySchema.extend({
  communityId: idSchema.optional(),
  from: dateSchema.optional(),
  to: dateSchema.optional(),
});
export type SecretarySessionListQuery = z.infer<typeof secretarySessionListQuerySchema>;

/** A commitment across the community's sessions, for the follow-up list (overdue first). */
export const sessionCommitmentSchema = sessionItemSchema.extend({
  sessionTitle: z.string(),
  heldOn: z.string(),
  communityId: z.number(),
});
export type SessionCommitment = z.infer<typeof sessionCommitmentSchema>;
export const sessionCommitmentPageSchema = pageOf(sessionCommitmentSchema);
export const sessionCommitmentQuerySchema = pageQuerySchema.extend({
  communityId: idSchema.optional(),
  state: z.enum(['open', 'overdue', 'kept', 'broken']).optional(),
  organisationId: idSchema.optional(),
});
export type SessionCommitmentQuery = z.infer<typeof sessionCommitmentQuerySchema>;

export const sessionItemParamsSchema = z.object({ id: idSchema, itemId: idSchema });
