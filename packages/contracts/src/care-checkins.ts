import { z } from 'zod';
import { idSchema } from './common.js';
import { dateSchema } from './hygiene.js';

export * from './care-checkin-labels.js';
import { awayKinds, checkinStatuses, checkinVias, ladderStepKinds } from './care-checkin-labels.js';

/** The link holder: the person themselves, or a family member with their own link. */
export const checkinLinkHolders = ['self', 'family'] as const;

/** HH:MM, Beijing time; the service checks the form (so another community's id answers 404 first). */
const hhmm = z.string().trim().min(1).max(5);

export const ladderStepSchema = z.object({
  kind: z.enum(ladderStepKinds),
  afterMinutes: z
    .number()
    .int()
    .min(0)
    .max(24 * 60),
});
export const checkinLadderSchema = z.object({ steps: z.array(ladderStepSchema).min(1).max(ladderStepKinds.length) });
export type CheckinLadder = z.infer<typeof checkinLadderSchema>;
export const updateCheckinLadderSchema = checkinLadderSchema.extend({ communityId: idSchema.optional() });

export const checkinPlanInputSchema = z.object({ dueBy: hhmm, isActive: z.boolean().default(true) });
export const checkinPlanSchema = z.object({ recipientId: z.number(), dueBy: z.string(), isActive: z.boolean(), hasLink: z.boolean() });

export const createCheckinSchema = z.object({
  recipientId: idSchema,
  via: z.enum(['helper', 'family', 'staff']),
  note: z.string().trim().max(200).nullable().optional(),
});
export type CreateCheckinInput = z.infer<typeof createCheckinSchema>;
/** The one-tap check-in: only the token from the link's fragment. */
export const tapCheckinSchema = z.object({ token: z.string().min(1).max(200) });
export const tapCheckinResultSchema = z.object({ ok: z.literal(true), name: z.string(), checkedInAt: z.string() });

export const issueCheckinLinkSchema = z.object({
  holder: z.enum(checkinLinkHolders).default('self'),
  holderName: z.string().trim().max(40).nullable().optional(),
});
/** The only answer that ever carries the link: staff hand it over, it is never listed again. */
export const issuedCheckinLinkSchema = z.object({ linkId: z.number(), path: z.string() });
export const checkinLinkSchema = z.object({
  id: z.number(),
  holder: z.enum(checkinLinkHolders),
  holderName: z.string().nullable(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
});
export const checkinLinkListSchema = z.object({ items: z.array(checkinLinkSchema) });

export const createAwaySchema = z.object({
  recipientId: idSchema,
  kind: z.enum(awayKinds),
  startsOn: dateSchema,
  endsOn: dateSchema,
  note: z.string().trim().max(200).nullable().optional(),
});
export type CreateAwayInput = z.infer<typeof createAwaySchema>;
export const awaySchema = z.object({
  id: z.number(),
  recipientId: z.number(),
  kind: z.enum(awayKinds),
  startsOn: z.string(),
  endsOn: z.string(),
  note: z.string().nullable(),
  cancelledAt: z.string().nullable(),
});
export const awayListSchema = z.object({ items: z.array(awaySchema) });

export const ladderEntrySchema = z.object({ kind: z.enum(ladderStepKinds), at: z.string(), notified: z.string().nullable(), ticketId: z.number().nullable() });
export const todayCheckinSchema = z.object({
  recipientId: z.number(),
  name: z.string(),
  compound: z.string().nullable(),
  dueAt: z.string(),
  status: z.enum(checkinStatuses),
  checkedInAt: z.string().nullable(),
  via: z.enum(checkinVias).nullable(),
  /** The ladder steps already taken today, oldest first; the last one is where the person is on the ladder. */
  ladder: z.array(ladderEntrySchema),
  stoppedAfterEscalation: z.boolean(),
  awayKind: z.enum(awayKinds).nullable(),
});
export type TodayCheckin = z.infer<typeof todayCheckinSchema>;
export const todayCheckinsQuerySchema = z.object({ communityId: idSchema.optional(), mine: z.enum(['true', 'false']).optional() });
export const todayCheckinsSchema = z.object({
  day: z.string(),
  counts: z.object({ done: z.number(), pending: z.number(), missed: z.number(), away: z.number() }),
  items: z.array(todayCheckinSchema),
});
export type TodayCheckins = z.infer<typeof todayCheckinsSchema>;
export const recipientIdParamsSchema = z.object({ recipientId: idSchema });
