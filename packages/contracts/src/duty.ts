import { z } from 'zod';
import { idSchema } from './common.js';
import { dateSchema } from './hygiene.js';

export * from './duty-labels.js';
import { assignmentVias, swapStatuses } from './duty-labels.js';

/** HH:MM, Beijing wall time; the service checks the form (so another community's id answers 404 first). */
const hhmm = z.string().trim().min(1).max(5);
const note = z.string().trim().max(200).nullable().optional();

export const shiftTemplateInputSchema = z.object({
  communityId: idSchema.optional(),
  stationId: idSchema,
  weekday: z.number().int().min(1).max(7),
  startsAt: hhmm,
  endsAt: hhmm,
  headcount: z.number().int().min(1).max(100),
  teamId: idSchema.nullable().optional(),
  accountIds: z.array(idSchema).max(50).default([]),
  note,
});
export type ShiftTemplateInput = z.infer<typeof shiftTemplateInputSchema>;
export const shiftTemplateSchema = z.object({
  id: z.number(),
  stationId: z.number(),
  stationName: z.string(),
  weekday: z.number(),
  startsAt: z.string(),
  endsAt: z.string(),
  headcount: z.number(),
  teamId: z.number().nullable(),
  teamName: z.string().nullable(),
  accountIds: z.array(z.number()),
  accountNames: z.array(z.string()),
  note: z.string().nullable(),
});
export const shiftTemplateListSchema = z.object({ items: z.array(shiftTemplateSchema) });

export const generateShiftsSchema = z.object({
  communityId: idSchema.optional(),
  from: dateSchema,
  to: dateSchema,
  stationId: idSchema.optional(),
});
export type GenerateShiftsInput = z.infer<typeof generateShiftsSchema>;
export const generateShiftsResultSchema = z.object({ created: z.number(), existing: z.number(), assigned: z.number() });

export const createShiftSchema = z.object({
  communityId: idSchema.optional(),
  stationId: idSchema,
  day: dateSchema,
  startsAt: hhmm,
  endsAt: hhmm,
  headcount: z.number().int().min(1).max(100),
  note,
});
export type CreateShiftInput = z.infer<typeof createShiftSchema>;

export const shiftQuerySchema = z.object({
  communityId: idSchema.optional(),
  from: dateSchema,
  to: dateSchema,
  stationId: idSchema.optional(),
  uncoveredOnly: z.enum(['true', 'false']).optional(),
});

export const shiftPersonSchema = z.object({
  assignmentId: z.number(),
  accountId: z.number().nullable(),
  residentId: z.number().nullable(),
  name: z.string(),
  via: z.enum(assignmentVias),
  hasAccount: z.boolean(),
  checkedInAt: z.string().nullable(),
  checkedOutAt: z.string().nullable(),
});
export const shiftSchema = z.object({
  id: z.number(),
  stationId: z.number(),
  stationName: z.string(),
  templateId: z.number().nullable(),
  day: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  headcount: z.number(),
  teamId: z.number().nullable(),
  teamName: z.string().nullable(),
  note: z.string().nullable(),
  assigned: z.number(),
  checkedIn: z.number(),
  isCovered: z.boolean(),
  uncoveredAt: z.string().nullable(),
  people: z.array(shiftPersonSchema),
});
export type Shift = z.infer<typeof shiftSchema>;
export const shiftListSchema = z.object({ items: z.array(shiftSchema) });
export const shiftEventSchema = z.object({
  id: z.number(),
  action: z.string(),
  actorName: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
});
export const shiftDetailSchema = shiftSchema.extend({ events: z.array(shiftEventSchema) });

/** Put a squad (its members) or one person on a shift. */
export const assignShiftSchema = z.object({ teamId: idSchema.optional(), accountId: idSchema.optional() });
export const removeAssignmentSchema = z.object({ reason: z.string().trim().min(1).max(200) });

/** A duty person's own shifts (this week by default) on the phone. */
export const myShiftsQuerySchema = z.object({ from: dateSchema.optional(), to: dateSchema.optional() });
export const myShiftSchema = z.object({
  shiftId: z.number(),
  assignmentId: z.number(),
  stationName: z.string(),
  day: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  checkedInAt: z.string().nullable(),
  checkedOutAt: z.string().nullable(),
  hours: z.number().nullable(),
});
export const myShiftListSchema = z.object({ items: z.array(myShiftSchema), checkinBeforeMinutes: z.number(), checkinAfterMinutes: z.number() });

export const createSwapSchema = z.object({
  shiftId: idSchema,
  toAccountId: idSchema,
  /** The other person's shift the asker takes in exchange; none: the other simply takes over. */
  toShiftId: idSchema.nullable().optional(),
  reason: z.string().trim().min(1).max(200),
});
export type CreateSwapInput = z.infer<typeof createSwapSchema>;
/**
 * Whom the person on a shift can ask to swap (the phone page): the others with a login on duty at the same post this
 * week and the next two, each with their shifts there (to exchange one) — display names only.
 */
export const swapPartnersQuerySchema = z.object({ shiftId: idSchema });
export const swapPartnerSchema = z.object({
  accountId: z.number(),
  name: z.string(),
  shifts: z.array(z.object({ shiftId: z.number(), label: z.string() })),
});
export const swapPartnerListSchema = z.object({ items: z.array(swapPartnerSchema) });
export const swapDecisionSchema = z.object({ note });
export const swapQuerySchema = z.object({ communityId: idSchema.optional(), status: z.enum(swapStatuses).optional() });
export const swapSchema = z.object({
  id: z.number(),
  status: z.enum(swapStatuses),
  shiftId: z.number(),
  shiftLabel: z.string(),
  toShiftId: z.number().nullable(),
  toShiftLabel: z.string().nullable(),
  requestedBy: z.number(),
  requestedByName: z.string(),
  toAccountId: z.number(),
  toAccountName: z.string(),
  reason: z.string(),
  answeredAt: z.string().nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  createdAt: z.string(),
});
export const swapListSchema = z.object({ items: z.array(swapSchema) });

export const shiftSettingsSchema = z.object({
  checkinBeforeMinutes: z.number().int().min(0).max(240),
  checkinAfterMinutes: z.number().int().min(0).max(480),
  autoApproveSwaps: z.boolean(),
});
export type ShiftSettings = z.infer<typeof shiftSettingsSchema>;
export const updateShiftSettingsSchema = shiftSettingsSchema.extend({ communityId: idSchema.optional() });
