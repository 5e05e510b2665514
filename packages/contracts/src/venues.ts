import { z } from 'zod';
import { idSchema, phoneSchema } from './common.js';
import { dateTimeSchema } from './hygiene.js';
import { bookerKinds, bookingStatuses, venueBookerKinds, venueKinds, venueStatuses } from './venue-labels.js';

export * from './venue-labels.js';

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/);
/** An instant with its offset ('2026-12-07T09:00:00+08:00' or UTC 'Z'). */
const instant = dateTimeSchema;

/** One opening period on a weekday (1 = Monday … 7 = Sunday), Beijing wall time. */
export const openingPeriodSchema = z.object({ weekday: z.number().int().min(1).max(7), opens: hhmm, closes: hhmm });
export type OpeningPeriodInput = z.infer<typeof openingPeriodSchema>;

export const venueSchema = z.object({
  id: z.number(),
  communityId: z.number(),
  stationId: z.number().nullable(),
  name: z.string(),
  kind: z.enum(venueKinds),
  location: z.string().nullable(),
  capacity: z.number(),
  openingHours: z.array(openingPeriodSchema),
  bookableBy: z.array(z.enum(venueBookerKinds)),
  needsApproval: z.boolean(),
  status: z.enum(venueStatuses),
  description: z.string().nullable(),
});
export type Venue = z.infer<typeof venueSchema>;
export const venueListSchema = z.object({ items: z.array(venueSchema) });
export const venueListQuerySchema = z.object({ communityId: idSchema.optional(), status: z.enum(venueStatuses).optional() });

export const createVenueSchema = z.object({
  communityId: idSchema.optional(),
  stationId: idSchema.nullable().optional(),
  name: z.string().trim().min(1).max(60),
  kind: z.enum(venueKinds),
  location: optionalText(200),
  capacity: z.number().int().min(1).max(10000),
  openingHours: z.array(openingPeriodSchema).max(28).default([]),
  bookableBy: z.array(z.enum(venueBookerKinds)).max(3).default(['team', 'partner']),
  needsApproval: z.boolean().default(true),
  description: optionalText(1000),
});
export type CreateVenueInput = z.infer<typeof createVenueSchema>;
export const updateVenueSchema = createVenueSchema
  .omit({ communityId: true })
  .partial()
  .extend({ status: z.enum(venueStatuses).optional() });
export type UpdateVenueInput = z.infer<typeof updateVenueSchema>;

export const bookingSchema = z.object({
  id: z.number(),
  communityId: z.number(),
  venueId: z.number(),
  venueName: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  purpose: z.string(),
  bookerKind: z.enum(bookerKinds),
  teamId: z.number().nullable(),
  partnerId: z.number().nullable(),
  activityId: z.number().nullable(),
  bookerName: z.string().nullable(),
  contactPhoneMasked: z.string().nullable(),
  attendees: z.number().nullable(),
  channel: z.string(),
  status: z.enum(bookingStatuses),
  noShow: z.boolean(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  createdAt: z.string(),
});
export type Booking = z.infer<typeof bookingSchema>;
export const bookingListSchema = z.object({ items: z.array(bookingSchema) });
export const bookingListQuerySchema = z.object({
  communityId: idSchema.optional(),
  venueId: idSchema.optional(),
  status: z.enum(bookingStatuses).optional(),
  from: instant.optional(),
  to: instant.optional(),
});

export const createBookingSchema = z.object({
  communityId: idSchema.optional(),
  venueId: idSchema,
  startsAt: instant,
  endsAt: instant,
  purpose: z.string().trim().min(1).max(200),
  bookerKind: z.enum(['team', 'partner', 'resident', 'staff']),
  teamId: idSchema.nullable().optional(),
  partnerId: idSchema.nullable().optional(),
  /** A resident booking at the desk: their name and phone (stored encrypted, answered masked). */
  contactName: optionalText(40),
  contactPhone: phoneSchema.nullable().optional(),
  attendees: z.number().int().min(1).max(10000).nullable().optional(),
});
export type CreateBookingInput = z.infer<typeof createBookingSchema>;

export const decideBookingSchema = z.object({ note: optionalText(200) });
export const bookingEventSchema = z.object({
  action: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string(),
  actorId: z.number().nullable(),
  note: z.string().nullable(),
  at: z.string(),
});
export const bookingDetailSchema = bookingSchema.extend({ timeline: z.array(bookingEventSchema) });

/** A resident's request from the phone page (/h5/venues?c=): staff approve it. */
export const publicBookingRequestSchema = z.object({
  communityCode: z.string().trim().min(1).max(40),
  venueId: idSchema,
  startsAt: instant,
  endsAt: instant,
  purpose: z.string().trim().min(1).max(200),
  contactName: z.string().trim().min(1).max(40),
  contactPhone: phoneSchema,
  attendees: z.number().int().min(1).max(10000).nullable().optional(),
});
export type PublicBookingRequestInput = z.infer<typeof publicBookingRequestSchema>;
export const publicBookingReceiptSchema = z.object({ id: z.number(), status: z.enum(bookingStatuses) });
/** The phone page's view of a community's venues and their taken times (no names of who booked). */
export const publicVenueBoardSchema = z.object({
  communityName: z.string(),
  venues: z.array(
    z.object({
      id: z.number(),
      name: z.string(),
      kind: z.enum(venueKinds),
      location: z.string().nullable(),
      capacity: z.number(),
      openingHours: z.array(openingPeriodSchema),
      taken: z.array(z.object({ startsAt: z.string(), endsAt: z.string() })),
    }),
  ),
});

/** Usage of each venue in a month: hours booked (approved) and used (approved, ended, not a no-show), by booker. */
export const venueStatsQuerySchema = z.object({
  communityId: idSchema.optional(),
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
    .optional(),
});
export const venueStatsSchema = z.object({
  month: z.string(),
  venues: z.array(
    z.object({
      venueId: z.number(),
      venueName: z.string(),
      bookings: z.number(),
      bookedHours: z.number(),
      usedHours: z.number(),
      byBooker: z.array(
        z.object({
          bookerKind: z.enum(bookerKinds),
          bookerId: z.number().nullable(),
          bookerName: z.string(),
          bookings: z.number(),
          hours: z.number(),
          usedHours: z.number(),
        }),
      ),
    }),
  ),
});
export type VenueStats = z.infer<typeof venueStatsSchema>;
