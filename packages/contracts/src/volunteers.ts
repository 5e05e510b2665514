import { z } from 'zod';
import { idSchema, pageOf, pageQuerySchema, phoneSchema } from './common.js';
import { dateSchema, dateTimeSchema } from './hygiene.js';
import { serviceSourceKinds, volunteerGenders, volunteerIdTypes, volunteerOrigins, volunteerStatuses, weekdaySlots } from './volunteer-labels.js';

export * from './volunteer-labels.js';

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const tags = z.array(z.string().trim().min(1).max(30)).max(20).default([]);

export const volunteerStatusSchema = z.enum(volunteerStatuses);
export const volunteerOriginSchema = z.enum(volunteerOrigins);
export const volunteerIdTypeSchema = z.enum(volunteerIdTypes);
export const serviceSourceKindSchema = z.enum(serviceSourceKinds);

/** An ID number: a resident ID card is checked by its check digit in the service; other documents by length only. */
const idNumberSchema = z
  .string()
  .trim()
  .min(5)
  .max(30)
  .regex(/^[0-9A-Za-z()-]+$/);

const volunteerFields = {
  name: z.string().trim().min(1).max(50),
  idType: volunteerIdTypeSchema.default('resident_id_card'),
  idNumber: idNumberSchema,
  /** Optional in the API (staff may register someone without a mobile); the phone page asks for it. */
  phone: phoneSchema.nullable().optional(),
  gender: z.enum(volunteerGenders).nullable().optional(),
  birthDate: dateSchema.nullable().optional(),
  skills: tags,
  availability: optionalText(200),
  weekdaySlots: z.array(z.enum(weekdaySlots)).max(14).default([]),
  serviceAreas: tags,
  origin: volunteerOriginSchema.default('resident'),
  affiliation: optionalText(100),
};

/** Staff register a volunteer in the console (approved at once unless `approve` is false). */
export const createVolunteerSchema = z.object({
  ...volunteerFields,
  residentId: idSchema.nullable().optional(),
  accountId: idSchema.nullable().optional(),
  partyMemberId: idSchema.nullable().optional(),
  approve: z.boolean().default(true),
  communityId: idSchema.optional(),
});
export type CreateVolunteerInput = z.infer<typeof createVolunteerSchema>;

/** Someone applies on the phone page (`/h5/volunteer/join?c=<community code>`): staff review it. */
export const joinVolunteerSchema = z.object({ ...volunteerFields, communityCode: z.string().trim().min(2).max(40) });
export type JoinVolunteerInput = z.infer<typeof joinVolunteerSchema>;

export const reviewVolunteerSchema = z.object({
  decision: z.enum(['approve', 'reject', 'suspend', 'reinstate', 'leave']),
  reason: z.string().trim().max(200).nullable().optional(),
});
export type ReviewVolunteerInput = z.infer<typeof reviewVolunteerSchema>;

export const volunteerListQuerySchema = pageQuerySchema.extend({
  status: volunteerStatusSchema.optional(),
  origin: volunteerOriginSchema.optional(),
  communityId: idSchema.optional(),
});

export const volunteerSchema = z.object({
  id: z.number(),
  communityId: z.number(),
  volunteerNo: z.number(),
  /** 志愿者编号 as printed: V + community-wide number, zero-padded. */
  number: z.string(),
  name: z.string(),
  idType: volunteerIdTypeSchema,
  idNumberMasked: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  gender: z.enum(volunteerGenders).nullable(),
  birthDate: z.string().nullable(),
  skills: z.array(z.string()),
  availability: z.string().nullable(),
  weekdaySlots: z.array(z.string()),
  serviceAreas: z.array(z.string()),
  origin: volunteerOriginSchema,
  affiliation: z.string().nullable(),
  residentId: z.number().nullable(),
  accountId: z.number().nullable(),
  partyMemberId: z.number().nullable(),
  status: volunteerStatusSchema,
  statusReason: z.string().nullable(),
  registeredVia: z.string(),
  /** Confirmed hours (corrections included). */
  hours: z.number(),
  star: z.number().int(),
  createdAt: z.string(),
});
export type Volunteer = z.infer<typeof volunteerSchema>;
export const volunteerPageSchema = pageOf(volunteerSchema);

export const serviceHoursEntrySchema = z.object({
  id: z.number(),
  volunteerId: z.number(),
  volunteerName: z.string(),
  sourceKind: serviceSourceKindSchema,
  sourceId: z.number().nullable(),
  sourceTitle: z.string(),
  sessionId: z.number().nullable(),
  startedAt: z.string(),
  endedAt: z.string(),
  rawMinutes: z.number(),
  hours: z.number(),
  roundingRule: z.string(),
  recordedBy: z.number(),
  recordedByName: z.string(),
  confirmedBy: z.number(),
  confirmedAt: z.string(),
  correctsEntryId: z.number().nullable(),
  note: z.string().nullable(),
});
export type ServiceHoursEntry = z.infer<typeof serviceHoursEntrySchema>;
export const serviceHoursListSchema = z.object({ items: z.array(serviceHoursEntrySchema), totalHours: z.number() });

export const volunteerEventSchema = z.object({
  id: z.number(),
  action: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  reason: z.string().nullable(),
  actorName: z.string().nullable(),
  at: z.string(),
});
export const volunteerDetailSchema = volunteerSchema.extend({
  entries: z.array(serviceHoursEntrySchema),
  events: z.array(volunteerEventSchema),
  hoursToNextStar: z.number().nullable(),
});
export type VolunteerDetail = z.infer<typeof volunteerDetailSchema>;

/** The whole ID number and phone, for a permission that may see them (the view is logged). */
export const volunteerPiiSchema = z.object({ idNumber: z.string().nullable(), phone: z.string().nullable() });

export const recordHoursSchema = z.object({
  volunteerId: idSchema,
  sourceKind: serviceSourceKindSchema,
  sourceId: idSchema.nullable().optional(),
  sourceTitle: z.string().trim().min(1).max(200),
  startedAt: dateTimeSchema,
  endedAt: dateTimeSchema,
  note: optionalText(500),
});
export type RecordHoursInput = z.infer<typeof recordHoursSchema>;

/** A correction is a new entry: the counted hours to add (negative to take away), and why. */
export const correctHoursSchema = z.object({
  countedHours: z
    .number()
    .min(-1000)
    .max(1000)
    .refine((v) => Math.round(v * 2) === v * 2, { params: { rule: 'invalid' } }),
  reason: z.string().trim().min(1).max(200),
});
export type CorrectHoursInput = z.infer<typeof correctHoursSchema>;

export const serviceHoursQuerySchema = z.object({
  volunteerId: idSchema.optional(),
  from: dateSchema.optional(),
  to: dateSchema.optional(),
  communityId: idSchema.optional(),
});

export const openSessionSchema = z.object({
  sourceKind: serviceSourceKindSchema,
  sourceId: idSchema.nullable().optional(),
  title: z.string().trim().min(1).max(200),
  place: optionalText(200),
  durationMinutes: z
    .number()
    .int()
    .min(15)
    .max(24 * 60)
    .default(240),
  communityId: idSchema.optional(),
});
export type OpenSessionInput = z.infer<typeof openSessionSchema>;

export const serviceSessionSchema = z.object({
  id: z.number(),
  sourceKind: serviceSourceKindSchema,
  sourceId: z.number().nullable(),
  title: z.string(),
  place: z.string().nullable(),
  openedBy: z.number(),
  openedByName: z.string(),
  openedAt: z.string(),
  closesAt: z.string(),
  closedAt: z.string().nullable(),
  signedIn: z.number(),
  signedOut: z.number(),
});
export type ServiceSession = z.infer<typeof serviceSessionSchema>;
/** Opening answers the code once; only its hash is kept. */
export const openedSessionSchema = serviceSessionSchema.extend({ code: z.string() });
export const serviceSessionListSchema = z.object({ items: z.array(serviceSessionSchema) });

/** The code from the organiser; `action` omitted signs in, or out when already in. */
export const signSchema = z.object({ code: z.string().trim().min(4).max(12), action: z.enum(['in', 'out']).optional() });
export const signResultSchema = z.object({
  action: z.enum(['signed_in', 'signed_out']),
  sessionTitle: z.string(),
  at: z.string(),
  hours: z.number().nullable(),
});
export type SignResult = z.infer<typeof signResultSchema>;

export const myVolunteerSchema = z.object({
  volunteer: volunteerSchema.nullable(),
  entries: z.array(serviceHoursEntrySchema),
  openSignins: z.array(z.object({ sessionId: z.number(), title: z.string(), signedInAt: z.string() })),
  hoursToNextStar: z.number().nullable(),
  starThresholds: z.array(z.number()),
});
export type MyVolunteer = z.infer<typeof myVolunteerSchema>;

export const volunteerSettingsSchema = z.object({
  roundingRule: z.enum(['chongqing', 'half_hour', 'exact']),
  starThresholds: z.array(z.number().int().min(1).max(100_000)).length(5),
  activityCapHours: z.number().min(0.5).max(24).nullable(),
  certificateResponsible: z.string().trim().max(50).nullable(),
  certificateHandler: z.string().trim().max(50).nullable(),
  certificateContact: z.string().trim().max(50).nullable(),
});
export type VolunteerSettingsView = z.infer<typeof volunteerSettingsSchema>;
export const updateVolunteerSettingsSchema = volunteerSettingsSchema.extend({ communityId: idSchema.optional() });

export const certificateQuerySchema = z.object({ from: dateSchema, to: dateSchema });
