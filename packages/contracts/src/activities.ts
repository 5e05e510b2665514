import { z } from 'zod';
import { idSchema, pageOf, pageQuerySchema, phoneSchema } from './common.js';
import { dateSchema, dateTimeSchema } from './hygiene.js';
import { activityAudiences, activityKinds, activityOrganiserKinds, activitySignupStatuses, activityStatuses } from './activity-labels.js';

export * from './activity-labels.js';

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const activityKindSchema = z.enum(activityKinds);
export const activityStatusSchema = z.enum(activityStatuses);

/** Weekly on some weekdays (1 = Monday … 7 = Sunday) until a date (Beijing), at most 200 occurrences. */
export const activityRecurrenceSchema = z.object({
  weekdays: z.array(z.number().int().min(1).max(7)).min(1).max(7),
  until: dateSchema,
});
export type ActivityRecurrence = z.infer<typeof activityRecurrenceSchema>;

export const createActivitySchema = z.object({
  communityId: idSchema.optional(),
  title: text(80),
  kind: activityKindSchema,
  description: optionalText(2000),
  organiserKind: z.enum(activityOrganiserKinds),
  /** The team or partner organising it (none for staff). */
  organiserId: idSchema.nullable().optional(),
  organiserName: optionalText(80),
  stationId: idSchema.nullable().optional(),
  venueId: idSchema.nullable().optional(),
  place: optionalText(120),
  startsAt: dateTimeSchema,
  endsAt: dateTimeSchema,
  /** Seats; none means no limit (and no waiting list). */
  capacity: z.number().int().min(1).max(100_000).nullable().optional(),
  signupOpensAt: dateTimeSchema.nullable().optional(),
  signupClosesAt: dateTimeSchema.nullable().optional(),
  audience: z.enum(activityAudiences).default('all'),
  compoundId: idSchema.nullable().optional(),
  /** Shown on the public calendar feed and the phone list. */
  isPublic: z.boolean().default(true),
  recurrence: activityRecurrenceSchema.nullable().optional(),
});
export type CreateActivityInput = z.infer<typeof createActivitySchema>;

export const activitySchema = z.object({
  id: z.number(),
  communityId: z.number(),
  seriesId: z.number().nullable(),
  rrule: z.string().nullable(),
  title: z.string(),
  kind: activityKindSchema,
  description: z.string().nullable(),
  organiserKind: z.enum(activityOrganiserKinds),
  organiserId: z.number().nullable(),
  organiserName: z.string().nullable(),
  stationId: z.number().nullable(),
  venueId: z.number().nullable(),
  bookingId: z.number().nullable(),
  place: z.string().nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  capacity: z.number().nullable(),
  signupOpensAt: z.string().nullable(),
  signupClosesAt: z.string().nullable(),
  audience: z.enum(activityAudiences),
  compoundId: z.number().nullable(),
  isPublic: z.boolean(),
  status: activityStatusSchema,
  confirmedCount: z.number(),
  waitlistCount: z.number(),
  attendedCount: z.number(),
  walkInCount: z.number(),
  hasCheckinCode: z.boolean(),
  /** The organiser's short report after the activity (held → reported). */
  report: z.string().nullable(),
  /** Names of the photos taken at it (`<hash>.jpg`), read at `/api/activities/{id}/photos/{name}`. */
  photos: z.array(z.string()),
  cancelReason: z.string().nullable(),
  createdAt: z.string(),
});
export type Activity = z.infer<typeof activitySchema>;
export const activityPageSchema = pageOf(activitySchema);

export const activityListQuerySchema = pageQuerySchema.extend({
  communityId: idSchema.optional(),
  from: dateTimeSchema.optional(),
  to: dateTimeSchema.optional(),
  stationId: idSchema.optional(),
  status: activityStatusSchema.optional(),
  kind: activityKindSchema.optional(),
});
export type ActivityListQuery = z.infer<typeof activityListQuerySchema>;

export const cancelActivitySchema = z.object({
  reason: text(200),
  /** Cancel this and every later occurrence of its series. */
  wholeSeries: z.boolean().default(false),
});

export const activitySignupInputSchema = z.object({ name: text(40), phone: phoneSchema });
export type ActivitySignupInput = z.infer<typeof activitySignupInputSchema>;

export const activitySignupSchema = z.object({
  id: z.number(),
  activityId: z.number(),
  name: z.string(),
  phoneMasked: z.string(),
  status: z.enum(activitySignupStatuses),
  /** Place on the waiting list (1 = next in), for waitlisted sign-ups. */
  position: z.number().nullable(),
  checkedInAt: z.string().nullable(),
  checkinVia: z.string().nullable(),
  promotedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type ActivitySignup = z.infer<typeof activitySignupSchema>;
export const activitySignupListSchema = z.object({ items: z.array(activitySignupSchema) });

/** What the phone gets after signing up: its status and the private link (shown once) to see, cancel and check in. */
export const activitySignedUpSchema = z.object({
  signup: activitySignupSchema,
  link: z.string(),
});

export const attendanceInputSchema = z.object({
  /** Sign-ups the organiser ticks as present. */
  signupIds: z.array(idSchema).max(2000).default([]),
  walkInCount: z.number().int().min(0).max(100_000).optional(),
});

export const checkinCodeSchema = z.object({ code: z.string() });

export const activityVolunteerInputSchema = z.object({
  volunteerId: idSchema,
  startedAt: dateTimeSchema.nullable().optional(),
  endedAt: dateTimeSchema.nullable().optional(),
});
export const activityVolunteerSchema = z.object({
  id: z.number(),
  volunteerId: z.number(),
  name: z.string().nullable(),
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  hoursEntryId: z.number().nullable(),
});
export const activityVolunteerListSchema = z.object({ items: z.array(activityVolunteerSchema) });

export const activityReportInputSchema = z.object({ report: text(4000) });
/** A photo's name is only ever matched against the names the row lists (never used as a path). */
export const activityPhotoParamsSchema = z.object({ id: idSchema, name: z.string().max(40) });

/** The phone's calendar: upcoming public activities of the community (and of a compound). */
export const publicActivityListQuerySchema = z.object({ c: text(40), compoundId: idSchema.optional() });
export const publicActivitySchema = activitySchema.pick({
  id: true,
  title: true,
  kind: true,
  description: true,
  organiserName: true,
  place: true,
  startsAt: true,
  endsAt: true,
  capacity: true,
  signupOpensAt: true,
  signupClosesAt: true,
  audience: true,
  status: true,
  confirmedCount: true,
  waitlistCount: true,
  /** Once held: the report and photo names (read at `/api/public/activities/{id}/photos/{name}`); before, null and []. */
  report: true,
  photos: true,
});
export type PublicActivity = z.infer<typeof publicActivitySchema>;
export const publicActivityListSchema = z.object({ communityName: z.string(), items: z.array(publicActivitySchema) });

export const publicSignupInputSchema = activitySignupInputSchema.extend({ c: text(40) });
export const signupKeySchema = z.object({ key: z.string().min(10).max(100) });
export const signupCheckinSchema = signupKeySchema.extend({ code: z.string().trim().min(1).max(12) });
export const mySignupSchema = z.object({ activity: publicActivitySchema, signup: activitySignupSchema });
export type MySignup = z.infer<typeof mySignupSchema>;
