import { z } from 'zod';
import { idSchema, pageOf, pageQuerySchema, phoneSchema } from './common.js';
import { dateTimeSchema } from './hygiene.js';
import { careTiers, careHelperKinds, careDuties, careFrequencies, careWellbeing, careQualifyingTags } from './care-labels.js';

export * from './care-labels.js';

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const careTierSchema = z.enum(careTiers);
export const careHelperKindSchema = z.enum(careHelperKinds);
export const careDutySchema = z.enum(careDuties);
export const careFrequencySchema = z.enum(careFrequencies);
export const careWellbeingSchema = z.enum(careWellbeing);
export const careQualifyingTagSchema = z.enum(careQualifyingTags);

/** A family contact as it comes in: the phone plain, stored sealed. */
export const familyContactInputSchema = z.object({
  name: text(40),
  relation: optionalText(20),
  phone: phoneSchema.nullable().optional(),
});
export const familyContactSchema = z.object({ name: z.string(), relation: z.string().nullable(), phoneMasked: z.string().nullable() });

export const careRecipientSchema = z.object({
  id: z.number(),
  communityId: z.number(),
  residentId: z.number(),
  residentName: z.string(),
  gender: z.string().nullable(),
  age: z.number().nullable(),
  compoundName: z.string().nullable(),
  address: z.string().nullable(),
  tier: careTierSchema,
  status: z.enum(['active', 'ended']),
  qualifyingTags: z.array(z.string()),
  familyContacts: z.array(familyContactSchema),
  /** Whether health notes exist; their text only through the private view (care.health, logged). */
  hasHealthNotes: z.boolean(),
  carePlan: z.string().nullable(),
  majorChangeAt: z.string().nullable(),
  majorChangeNote: z.string().nullable(),
  lastVisitAt: z.string().nullable(),
  nextVisitDueAt: z.string().nullable(),
  overdue: z.boolean(),
  pairingCount: z.number(),
  createdAt: z.string(),
  endedAt: z.string().nullable(),
  endReason: z.string().nullable(),
});
export type CareRecipient = z.infer<typeof careRecipientSchema>;
export const careRecipientPageSchema = pageOf(careRecipientSchema);

/** The private part: health notes and family phones in full (care.health; each view is logged). */
export const careRecipientPrivateSchema = z.object({
  id: z.number(),
  healthNotes: z.string().nullable(),
  familyContacts: z.array(z.object({ name: z.string(), relation: z.string().nullable(), phone: z.string().nullable() })),
});
export type CareRecipientPrivate = z.infer<typeof careRecipientPrivateSchema>;

export const createCareRecipientSchema = z.object({
  communityId: idSchema.optional(),
  residentId: idSchema,
  tier: careTierSchema,
  /** Tags that qualify beyond the resident's own (a sensitive one such as 残疾 is stated here, not read). */
  qualifyingTags: z.array(careQualifyingTagSchema).max(10).optional(),
  familyContacts: z.array(familyContactInputSchema).max(5).optional(),
  healthNotes: optionalText(2000),
  carePlan: optionalText(2000),
});
export type CreateCareRecipientInput = z.infer<typeof createCareRecipientSchema>;
export const updateCareRecipientSchema = createCareRecipientSchema.omit({ communityId: true, residentId: true }).partial();
export type UpdateCareRecipientInput = z.infer<typeof updateCareRecipientSchema>;

export const majorChangeSchema = z.object({ note: text(500), at: dateTimeSchema.optional() });
export type MajorChangeInput = z.infer<typeof majorChangeSchema>;
export const endCareSchema = z.object({ reason: text(500) });

export const careRecipientListQuerySchema = pageQuerySchema.extend({
  communityId: idSchema.optional(),
  tier: careTierSchema.optional(),
  status: z.enum(['active', 'ended']).optional(),
  overdue: z.enum(['true', 'false']).optional(),
});
export type CareRecipientListQuery = z.infer<typeof careRecipientListQuerySchema>;

export const careSettingsSchema = z.object({
  communityId: z.number(),
  highIntervalDays: z.number().int(),
  keyIntervalDays: z.number().int(),
  generalIntervalDays: z.number().int(),
  majorChangeHours: z.number().int(),
});
export type CareSettings = z.infer<typeof careSettingsSchema>;
export const updateCareSettingsSchema = z.object({
  communityId: idSchema.optional(),
  highIntervalDays: z.number().int().min(1).max(90),
  keyIntervalDays: z.number().int().min(1).max(180),
  generalIntervalDays: z.number().int().min(1).max(366),
  majorChangeHours: z.number().int().min(1).max(168),
});
export type UpdateCareSettingsInput = z.infer<typeof updateCareSettingsSchema>;
export const communityQuerySchema = z.object({ communityId: idSchema.optional() });

export const pairingSchema = z.object({
  id: z.number(),
  communityId: z.number(),
  recipientId: z.number(),
  recipientName: z.string(),
  helperKind: careHelperKindSchema,
  accountId: z.number().nullable(),
  partyMemberId: z.number().nullable(),
  partnerId: z.number().nullable(),
  partnerName: z.string().nullable(),
  helperName: z.string(),
  helperPhoneMasked: z.string().nullable(),
  duties: z.array(careDutySchema),
  frequency: careFrequencySchema,
  ladderOrder: z.number(),
  active: z.boolean(),
  createdAt: z.string(),
  endedAt: z.string().nullable(),
});
export type Pairing = z.infer<typeof pairingSchema>;
export const pairingPageSchema = pageOf(pairingSchema);
export const createPairingSchema = z.object({
  recipientId: idSchema,
  helperKind: careHelperKindSchema,
  /** The helper's account (grid worker, volunteer, party member with an account): notices go to it. */
  accountId: idSchema.nullable().optional(),
  /** A doctor's clinic: a partner of the community. */
  partnerId: idSchema.nullable().optional(),
  helperName: optionalText(40),
  helperPhone: phoneSchema.nullable().optional(),
  duties: z.array(careDutySchema).min(1).max(careDuties.length),
  frequency: careFrequencySchema,
  ladderOrder: z.number().int().min(1).max(9).optional(),
});
export type CreatePairingInput = z.infer<typeof createPairingSchema>;
export const pairingListQuerySchema = pageQuerySchema.extend({
  communityId: idSchema.optional(),
  recipientId: idSchema.optional(),
  helperKind: careHelperKindSchema.optional(),
  includeEnded: z.enum(['true', 'false']).optional(),
});
export type PairingListQuery = z.infer<typeof pairingListQuerySchema>;

export const visitSchema = z.object({
  id: z.number(),
  communityId: z.number(),
  recipientId: z.number(),
  recipientName: z.string(),
  visitorId: z.number().nullable(),
  visitorName: z.string().nullable(),
  visitedAt: z.string(),
  wellbeing: careWellbeingSchema,
  healthFinding: z.string().nullable(),
  homeSafety: z.string().nullable(),
  needs: z.string().nullable(),
  followUp: z.string().nullable(),
  photoCount: z.number(),
  ticketId: z.number().nullable(),
  ticketCode: z.string().nullable(),
  createdAt: z.string(),
});
export type Visit = z.infer<typeof visitSchema>;
export const visitPageSchema = pageOf(visitSchema);
export const createVisitSchema = z.object({
  recipientId: idSchema,
  visitedAt: dateTimeSchema.optional(),
  wellbeing: careWellbeingSchema,
  healthFinding: optionalText(1000),
  homeSafety: optionalText(1000),
  needs: optionalText(1000),
  followUp: optionalText(1000),
});
export type CreateVisitInput = z.infer<typeof createVisitSchema>;
export const visitListQuerySchema = pageQuerySchema.extend({
  communityId: idSchema.optional(),
  recipientId: idSchema.optional(),
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
    .optional(),
});
export type VisitListQuery = z.infer<typeof visitListQuerySchema>;
/** A need found on a visit becomes a ticket with one tap: the category, and optionally other words than the need's. */
export const visitTicketSchema = z.object({ categoryId: idSchema, title: optionalText(60), description: optionalText(2000) });
export type VisitTicketInput = z.infer<typeof visitTicketSchema>;

const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
export const coverageQuerySchema = z.object({ communityId: idSchema.optional(), month: monthSchema.optional() });
export type CoverageQuery = z.infer<typeof coverageQuerySchema>;
export const coverageRowSchema = z.object({
  recipientId: z.number(),
  residentName: z.string(),
  compoundName: z.string().nullable(),
  tier: careTierSchema,
  required: z.number(),
  done: z.number(),
  overdue: z.boolean(),
  lastVisitAt: z.string().nullable(),
  nextVisitDueAt: z.string().nullable(),
});
export const coverageReportSchema = z.object({
  communityId: z.number(),
  month: z.string(),
  recipients: z.number(),
  required: z.number(),
  done: z.number(),
  covered: z.number(),
  overdue: z.number(),
  /** Recipients whose required visits of the month are done, in per cent (100 when nobody needs one). */
  coveragePercent: z.number(),
  rows: z.array(coverageRowSchema),
});
export type CoverageReport = z.infer<typeof coverageReportSchema>;

export const careBoardItemSchema = z.object({
  recipientId: z.number(),
  residentName: z.string(),
  compoundName: z.string().nullable(),
  address: z.string().nullable(),
  tier: careTierSchema,
  lastVisitAt: z.string().nullable(),
  nextVisitDueAt: z.string().nullable(),
  majorChange: z.boolean(),
});
export const careBoardSchema = z.object({
  communityId: z.number(),
  recipients: z.number(),
  overdue: z.array(careBoardItemSchema),
  dueThisWeek: z.array(careBoardItemSchema),
  unpaired: z.array(careBoardItemSchema),
});
export type CareBoard = z.infer<typeof careBoardSchema>;
export type CareBoardItem = z.infer<typeof careBoardItemSchema>;
export const careBoardQuerySchema = z.object({ communityId: idSchema.optional(), mine: z.enum(['true', 'false']).optional() });
