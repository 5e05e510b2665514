import { z } from 'zod';
import { idSchema, pageOf, pageQuerySchema } from './common.js';
import { dateSchema, dateTimeSchema } from './hygiene.js';
import { attendeeKinds, meetingEventKinds, meetingKinds, meetingStatuses, topicOutcomes, topicSourceKinds } from './meeting-labels.js';

// Meetings (议事会议, issue 11 point 1, ADR 0045): kinds, a season's rotation over compounds, agenda topics,
// attendees, minutes, decisions and follow-ups; tickets raised there link to the meeting.
export * from './meeting-labels.js';

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const meetingKindSchema = z.enum(meetingKinds);
export const meetingStatusSchema = z.enum(meetingStatuses);

export const meetingSchema = z.object({
  id: z.number(),
  communityId: z.number(),
  kind: meetingKindSchema,
  title: z.string(),
  status: meetingStatusSchema,
  compoundId: z.number().nullable(),
  compoundName: z.string().nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.string().nullable(),
  venueId: z.number().nullable(),
  hostName: z.string().nullable(),
  recorderName: z.string().nullable(),
  walkInCount: z.number(),
  rotationId: z.number().nullable(),
  secretarySessionId: z.number().nullable(),
  cancelReason: z.string().nullable(),
  topicCount: z.number(),
  createdAt: z.string(),
});
export type Meeting = z.infer<typeof meetingSchema>;
export const meetingPageSchema = pageOf(meetingSchema);

export const meetingTopicSchema = z.object({
  id: z.number(),
  seq: z.number(),
  title: z.string(),
  detail: z.string().nullable(),
  sourceKind: z.enum(topicSourceKinds),
  sourceId: z.number().nullable(),
  outcome: z.enum(topicOutcomes).nullable(),
  outcomeNote: z.string().nullable(),
  ticketId: z.number().nullable(),
  ticketCode: z.string().nullable(),
  decidedAt: z.string().nullable(),
});
export type MeetingTopic = z.infer<typeof meetingTopicSchema>;

export const meetingAttendeeSchema = z.object({
  id: z.number(),
  kind: z.enum(attendeeKinds),
  residentId: z.number().nullable(),
  accountId: z.number().nullable(),
  organisationId: z.number().nullable(),
  partnerId: z.number().nullable(),
  name: z.string(),
  roleNote: z.string().nullable(),
  signedInAt: z.string().nullable(),
});
export type MeetingAttendee = z.infer<typeof meetingAttendeeSchema>;

export const meetingDecisionSchema = z.object({ id: z.number(), topicId: z.number().nullable(), text: z.string(), createdAt: z.string() });
export type MeetingDecision = z.infer<typeof meetingDecisionSchema>;

export const meetingFollowUpSchema = z.object({
  id: z.number(),
  topicId: z.number().nullable(),
  text: z.string(),
  ownerName: z.string(),
  ownerAccountId: z.number().nullable(),
  dueOn: z.string().nullable(),
  doneAt: z.string().nullable(),
  doneNote: z.string().nullable(),
});
export type MeetingFollowUp = z.infer<typeof meetingFollowUpSchema>;

export const meetingEventSchema = z.object({
  id: z.number(),
  action: z.enum(meetingEventKinds),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  actorName: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
});
export type MeetingEvent = z.infer<typeof meetingEventSchema>;

/** A ticket registered at the meeting (linked by `tickets.meeting_id`). */
export const meetingTicketSchema = z.object({ id: z.number(), code: z.string(), title: z.string(), status: z.string() });

export const meetingDetailSchema = meetingSchema.extend({
  minutes: z.string().nullable(),
  topics: z.array(meetingTopicSchema),
  attendees: z.array(meetingAttendeeSchema),
  decisions: z.array(meetingDecisionSchema),
  followUps: z.array(meetingFollowUpSchema),
  events: z.array(meetingEventSchema),
  tickets: z.array(meetingTicketSchema),
});
export type MeetingDetail = z.infer<typeof meetingDetailSchema>;

export const createMeetingSchema = z.object({
  communityId: idSchema.optional(),
  kind: meetingKindSchema,
  title: text(80),
  compoundId: idSchema.nullable().optional(),
  startsAt: dateTimeSchema,
  endsAt: dateTimeSchema,
  place: optionalText(120),
  venueId: idSchema.nullable().optional(),
  hostName: optionalText(40),
  recorderName: optionalText(40),
  secretarySessionId: idSchema.nullable().optional(),
});
export type CreateMeetingInput = z.infer<typeof createMeetingSchema>;
export const updateMeetingSchema = createMeetingSchema.omit({ communityId: true }).partial();
export type UpdateMeetingInput = z.infer<typeof updateMeetingSchema>;

export const meetingListQuerySchema = pageQuerySchema.extend({
  communityId: idSchema.optional(),
  kind: meetingKindSchema.optional(),
  status: meetingStatusSchema.optional(),
  compoundId: idSchema.optional(),
  /** Beijing calendar days, inclusive: the calendar asks for a month. */
  from: dateSchema.optional(),
  to: dateSchema.optional(),
  sort: z.enum(['startsAt', 'id']).optional(),
});
export type MeetingListQuery = z.infer<typeof meetingListQuerySchema>;

export const holdMeetingSchema = z.object({ walkInCount: z.number().int().min(0).max(100000).optional() });
export type HoldMeetingInput = z.infer<typeof holdMeetingSchema>;
export const cancelMeetingSchema = z.object({ reason: text(500) });
export const saveMinutesSchema = z.object({
  minutes: z.string().trim().max(20000),
  recorderName: optionalText(40),
  walkInCount: z.number().int().min(0).max(100000).optional(),
});
export type SaveMinutesInput = z.infer<typeof saveMinutesSchema>;

export const addTopicSchema = z.object({
  sourceKind: z.enum(topicSourceKinds),
  sourceId: idSchema.nullable().optional(),
  /** Required for a new topic or a proposal; a ticket's or wish's topic takes their title when left empty. */
  title: optionalText(120),
  detail: optionalText(2000),
});
export type AddTopicInput = z.infer<typeof addTopicSchema>;
export const topicOutcomeSchema = z.object({
  outcome: z.enum(['answered', 'vote', 'deferred']),
  note: optionalText(2000),
});
export type TopicOutcomeInput = z.infer<typeof topicOutcomeSchema>;
export const topicParamsSchema = z.object({ id: idSchema, topicId: idSchema });
export const itemParamsSchema = z.object({ id: idSchema, itemId: idSchema });

/** A problem raised at the meeting becomes a ticket linked to it; with `answerOnSpot` it is answered there and then. */
export const meetingTicketInputSchema = z.object({
  categoryId: idSchema,
  title: optionalText(80),
  description: text(2000),
  compoundId: idSchema.nullable().optional(),
  reporterResidentId: idSchema.nullable().optional(),
  reporterName: optionalText(40),
  answerOnSpot: optionalText(1000),
  assigneeId: idSchema.nullable().optional(),
});
export type MeetingTicketInput = z.infer<typeof meetingTicketInputSchema>;

export const addAttendeeSchema = z.object({
  kind: z.enum(attendeeKinds),
  residentId: idSchema.nullable().optional(),
  accountId: idSchema.nullable().optional(),
  organisationId: idSchema.nullable().optional(),
  partnerId: idSchema.nullable().optional(),
  /** A guest's name; for the others it is read from their record. */
  name: optionalText(40),
  roleNote: optionalText(60),
  signedIn: z.boolean().default(false),
});
export type AddAttendeeInput = z.infer<typeof addAttendeeSchema>;

export const addDecisionSchema = z.object({ text: text(1000), topicId: idSchema.nullable().optional() });
export type AddDecisionInput = z.infer<typeof addDecisionSchema>;
export const addFollowUpSchema = z.object({
  text: text(500),
  ownerName: text(40),
  ownerAccountId: idSchema.nullable().optional(),
  dueOn: dateSchema.nullable().optional(),
  topicId: idSchema.nullable().optional(),
});
export type AddFollowUpInput = z.infer<typeof addFollowUpSchema>;
export const doneFollowUpSchema = z.object({ note: optionalText(500) });

export const meetingRotationSchema = z.object({
  id: z.number(),
  communityId: z.number(),
  kind: meetingKindSchema,
  title: z.string(),
  compoundIds: z.array(z.number()),
  startsOn: z.string(),
  intervalDays: z.number(),
  startTime: z.string(),
  durationMinutes: z.number(),
  place: z.string().nullable(),
  hostName: z.string().nullable(),
  meetingCount: z.number(),
});
export type MeetingRotation = z.infer<typeof meetingRotationSchema>;
export const meetingRotationListSchema = z.object({ items: z.array(meetingRotationSchema) });

export const createRotationSchema = z.object({
  communityId: idSchema.optional(),
  kind: meetingKindSchema,
  title: text(80),
  compoundIds: z.array(idSchema).min(1).max(200),
  startsOn: dateSchema,
  intervalDays: z.number().int().min(1).max(92),
  /** Beijing wall time `HH:MM`. */
  startTime: z.iso.time({ precision: -1 }),
  durationMinutes: z.number().int().min(10).max(720).default(90),
  place: optionalText(120),
  hostName: optionalText(40),
});
export type CreateRotationInput = z.infer<typeof createRotationSchema>;

/** What a resident's phone shows of a compound's upcoming meetings: no names. */
export const publicMeetingSchema = z.object({
  id: z.number(),
  kind: meetingKindSchema,
  title: z.string(),
  compoundName: z.string().nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.string().nullable(),
  topics: z.array(z.string()),
});
export type PublicMeeting = z.infer<typeof publicMeetingSchema>;
export const publicMeetingListSchema = z.object({ communityName: z.string(), items: z.array(publicMeetingSchema) });
export const publicMeetingQuerySchema = z.object({ c: z.string().trim().min(1).max(60), compoundId: idSchema.optional() });
