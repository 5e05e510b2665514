import { z } from 'zod';
import { idSchema, pageQuerySchema, phoneSchema } from './common.js';
import { dateSchema, dateTimeSchema } from './hygiene.js';
import { channels, inboxViews, photoStages, ratings, ticketActions, ticketStatuses, ticketTextLimits } from './ticket-labels.js';

export * from './ticket-labels.js';
export const channelSchema = z.enum(channels);

/**
 * Default categories, after the 12345 practice: emergencies answered within 2 hours and resolved within 24;
 * water, power, gas and heating answered within 2 hours and resolved within 24; general matters answered within
 * 24 hours and resolved within 7 days; complex matters answered within 24 hours and resolved within 15 days.
 */
export const defaultCategories = [
  { code: 'emergency', nameZh: '紧急求助', nameEn: 'Emergency', responseHours: 2, resolutionHours: 24, workingHoursOnly: false },
  { code: 'utilities', nameZh: '水电气暖', nameEn: 'Water, power, gas, heating', responseHours: 2, resolutionHours: 24, workingHoursOnly: false },
  { code: 'environment', nameZh: '环境卫生', nameEn: 'Environment and sanitation', responseHours: 24, resolutionHours: 7 * 24, workingHoursOnly: false },
  { code: 'safety', nameZh: '安全隐患', nameEn: 'Safety hazard', responseHours: 2, resolutionHours: 3 * 24, workingHoursOnly: false },
  { code: 'property', nameZh: '物业服务', nameEn: 'Property services', responseHours: 24, resolutionHours: 7 * 24, workingHoursOnly: false },
  { code: 'neighbour', nameZh: '邻里纠纷', nameEn: 'Neighbour dispute', responseHours: 24, resolutionHours: 7 * 24, workingHoursOnly: true },
  { code: 'general', nameZh: '一般诉求', nameEn: 'General', responseHours: 24, resolutionHours: 7 * 24, workingHoursOnly: false },
  { code: 'complex', nameZh: '复杂诉求', nameEn: 'Complex', responseHours: 24, resolutionHours: 15 * 24, workingHoursOnly: false },
] as const;

export const assigneeKinds = ['account', 'team', 'partner'] as const;
/** Who a category's tickets go to by default; `grid_worker` is the grid worker of the ticket's compound. */
export const defaultAssigneeKinds = [...assigneeKinds, 'grid_worker'] as const;

export const ticketCategorySchema = z.object({
  id: z.number(),
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  responseHours: z.number(),
  resolutionHours: z.number(),
  workingHoursOnly: z.boolean(),
  isActive: z.boolean(),
  defaultAssigneeKind: z.enum(defaultAssigneeKinds).nullable(),
  defaultAssigneeId: z.number().nullable(),
  defaultAssigneeName: z.string().nullable(),
});
export type TicketCategory = z.infer<typeof ticketCategorySchema>;
export const ticketEventSchema = z.object({
  id: z.number(),
  action: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  actorName: z.string().nullable(),
  /** Who acted when no account did: `resident`, `system` or `open311:<client>`; word it with ticketActorText. */
  actorLabel: z.string().nullable(),
  channel: z.string().nullable(),
  note: z.string().nullable(),
  isPublic: z.boolean(),
  createdAt: z.string(),
  /** The step's details, e.g. an escalation's organisationName and dueAt (ADR 0028). */
  data: z.record(z.string(), z.unknown()).nullable().optional(),
  /** A rating step: the rating given (the resident sees it on the timeline). */
  rating: z.enum(ratings).nullable(),
  /** A photos step: whether they show the place before or after the work. */
  photoStage: z.enum(photoStages).nullable(),
});
export const ticketSchema = z.object({
  id: z.number(),
  communityId: z.number(),
  code: z.string(),
  channel: channelSchema,
  status: z.enum(ticketStatuses),
  categoryId: z.number(),
  categoryName: z.string(),
  title: z.string(),
  description: z.string(),
  compoundId: z.number().nullable(),
  compoundName: z.string().nullable(),
  buildingId: z.number().nullable(),
  buildingName: z.string().nullable(),
  addressText: z.string().nullable(),
  reporterName: z.string().nullable(),
  reporterPhoneMasked: z.string().nullable(),
  isAnonymous: z.boolean(),
  assigneeKind: z.enum(assigneeKinds).nullable(),
  assigneeId: z.number().nullable(),
  assigneeName: z.string().nullable(),
  escalatedToPartnerId: z.number().nullable(),
  escalationDueAt: z.string().nullable(),
  responseDueAt: z.string(),
  resolutionDueAt: z.string(),
  firstResponseAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  closeReason: z.string().nullable(),
  mergedIntoId: z.number().nullable(),
  reopenCount: z.number(),
  rating: z.enum(ratings).nullable(),
  ratingComment: z.string().nullable(),
  resultText: z.string().nullable(),
  isOverdue: z.boolean(),
  meetingTitle: z.string().nullable(),
  /** The meeting the ticket was raised at (ADR 0045). */
  meetingId: z.number().nullable(),
  /** The deadline the dispatcher set for this dispatch (the category's resolution deadline by default). */
  dispatchDueAt: z.string().nullable(),
  /** The instruction written at dispatch, shown on the worker's task. */
  dispatchNote: z.string().nullable(),
  /** Sent back by a dissatisfied rating (重新办理) and being worked again. */
  isRework: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Ticket = z.infer<typeof ticketSchema>;
export const ticketDetailSchema = ticketSchema.extend({
  events: z.array(ticketEventSchema),
  reporterCount: z.number(),
  photoIds: z.array(z.number()),
  photos: z.array(z.object({ id: z.number(), stage: z.enum(photoStages).nullable() })),
  /** Only in the answer to registering a ticket: what staff hand the resident so they can follow and rate it (shown once). */
  handover: z.object({ trackingCode: z.string(), link: z.string() }).optional(),
});
export type TicketDetail = z.infer<typeof ticketDetailSchema>;

export const ticketListQuerySchema = pageQuerySchema.extend({
  communityId: idSchema.optional(),
  status: z.enum(ticketStatuses).optional(),
  categoryId: idSchema.optional(),
  channel: channelSchema.optional(),
  compoundId: idSchema.optional(),
  mine: z.enum(['true', 'false']).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  /** One count of the secretary's inbox (待受理, 即将超期, 已超期, 不满意, 上报未回复). */
  inbox: z.enum(inboxViews).optional(),
});
/** The secretary's inbox: how many tickets wait in each view. */
export const ticketInboxSchema = z.object({
  pending: z.number(),
  due_soon: z.number(),
  overdue: z.number(),
  dissatisfied: z.number(),
  escalated: z.number(),
});
export type TicketInbox = z.infer<typeof ticketInboxSchema>;
/** The reporter's full phone, for one tap to call; reading it is written to the personal-data view log. */
export const reporterPhoneSchema = z.object({ phone: z.string() });
export const photoUploadQuerySchema = z.object({ stage: z.enum(photoStages).optional() });

const text = (max: number) => z.string().trim().max(max);
/** Intake by staff, a grid worker or a building head, on behalf of a resident (or anonymous). */
export const createTicketSchema = z.object({
  communityId: idSchema.optional(),
  channel: channelSchema,
  categoryId: idSchema,
  title: text(ticketTextLimits.title).min(1),
  description: text(ticketTextLimits.description).min(1),
  compoundId: idSchema.nullable().optional(),
  buildingId: idSchema.nullable().optional(),
  addressText: text(ticketTextLimits.addressText).nullable().optional(),
  reporterResidentId: idSchema.nullable().optional(),
  reporterName: text(ticketTextLimits.reporterName).nullable().optional(),
  reporterPhone: phoneSchema.nullable().optional(),
  isAnonymous: z.boolean().default(false),
  meetingTitle: text(80).nullable().optional(),
  /** Meeting mode: answered on the spot, with the answer. */
  answerOnSpot: text(1000).nullable().optional(),
  /** Meeting mode: dispatched at once to this account, with an optional deadline for the dispatch. */
  assigneeId: idSchema.nullable().optional(),
  dueAt: dateTimeSchema.nullable().optional(),
});
export type CreateTicketInput = z.infer<typeof createTicketSchema>;

export const transitionSchema = z.object({
  note: text(2000).nullable().optional(),
  assigneeKind: z.enum(assigneeKinds).optional(),
  assigneeId: idSchema.optional(),
  partnerId: idSchema.optional(),
  dueAt: dateTimeSchema.optional(),
  rating: z.enum(ratings).optional(),
  mergeIntoId: idSchema.optional(),
  /** Merge by the visible reference (GD000123) the staff see and search for. */
  mergeIntoCode: text(40).min(1).optional(),
});
export type TransitionInput = z.infer<typeof transitionSchema>;
export const transitionParamsSchema = z.object({ id: idSchema, action: z.enum(ticketActions) });

/** Residents online, without an account. */
export const publicTicketSchema = z.object({
  communityCode: text(ticketTextLimits.communityCode).min(1),
  categoryId: idSchema,
  compoundId: idSchema.nullable().optional(),
  addressText: text(ticketTextLimits.addressText).nullable().optional(),
  description: text(ticketTextLimits.description).min(5),
  contactName: text(ticketTextLimits.reporterName).nullable().optional(),
  contactPhone: phoneSchema,
});
/** What submission answers: the reference, the tracking code and the link with its key (the key is shown only here). */
export const publicTicketReceiptSchema = z.object({ code: z.string(), reference: z.string(), link: z.string() });
export const publicTicketViewSchema = z.object({
  code: z.string(),
  reference: z.string(),
  hasPhone: z.boolean(),
  status: z.enum(ticketStatuses),
  categoryName: z.string(),
  description: z.string(),
  createdAt: z.string(),
  resultText: z.string().nullable(),
  canRate: z.boolean(),
  canAddInfo: z.boolean(),
  rating: z.enum(ratings).nullable(),
  photoIds: z.array(z.number()),
  events: z.array(
    z.object({ action: z.string(), toStatus: z.string().nullable(), note: z.string().nullable(), createdAt: z.string(), rating: z.enum(ratings).nullable() }),
  ),
});
export const publicRateSchema = z.object({ rating: z.enum(ratings), comment: text(500).nullable().optional() });
/** A resident adds to their report while it is open: more detail, a new development. */
export const publicInfoSchema = z.object({ text: text(1000).min(2) });

export const duplicateQuerySchema = z.object({
  communityId: idSchema.optional(),
  text: z.string().trim().min(1).max(2000),
  compoundId: idSchema.optional(),
  buildingId: idSchema.optional(),
  categoryId: idSchema.optional(),
});
export const duplicateListSchema = z.object({
  items: z.array(
    z.object({
      id: z.number(),
      code: z.string(),
      title: z.string(),
      status: z.enum(ticketStatuses),
      category: z.string(),
      compoundName: z.string().nullable(),
      createdAt: z.string(),
      score: z.number(),
    }),
  ),
});

export const createCategorySchema = z.object({
  communityId: idSchema.optional(),
  code: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{1,30}$/)
    .max(32),
  nameZh: z.string().trim().min(1).max(30),
  nameEn: z.string().trim().min(1).max(60),
  responseHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 30),
  resolutionHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 90),
  workingHoursOnly: z.boolean().default(false),
  defaultAssigneeKind: z.enum(defaultAssigneeKinds).nullable().optional(),
  /** Required for account, team and partner; none for grid_worker. */
  defaultAssigneeId: idSchema.nullable().optional(),
});
export const updateCategorySchema = createCategorySchema.omit({ communityId: true, code: true }).partial().extend({ isActive: z.boolean().optional() });

/** A community's follow-up rules. */
export const ticketSettingsSchema = z.object({
  communityId: z.number(),
  /** How often "dissatisfied" sends a ticket back before it closes as dissatisfied. */
  reopenLimit: z.number().int().min(0).max(5),
  /** Days a resolved ticket waits for a rating before it closes as unrated. */
  unratedCloseDays: z.number().int().min(1).max(30),
  /** New tickets whose category has a default assignee are accepted and assigned at once. */
  autoAssign: z.boolean(),
  /** What Open311 shows without an api_key: category, status, times and compound, or also the description. */
  open311PublicDetail: z.enum(['summary', 'full']),
  updatedAt: z.string().nullable(),
});
export type TicketSettings = z.infer<typeof ticketSettingsSchema>;
export const updateTicketSettingsSchema = ticketSettingsSchema
  .omit({ communityId: true, updatedAt: true })
  .partial()
  .extend({ communityId: idSchema.optional() });

/** One day of the national working calendar that differs from Monday–Friday: a holiday, or a worked weekend day (调休). */
export const workCalendarDaySchema = z.object({ day: dateSchema, isWorkday: z.boolean(), name: z.string().trim().min(1).max(30) });
export const workCalendarQuerySchema = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
export const workCalendarParamsSchema = z.object({ day: dateSchema });
export const setWorkCalendarDaySchema = workCalendarDaySchema.omit({ day: true });
