import { z } from 'zod';
import {
  bookingDetailSchema,
  bookingListQuerySchema,
  bookingListSchema,
  bookingSchema,
  createBookingSchema,
  createVenueSchema,
  decideBookingSchema,
  idParamsSchema,
  idSchema,
  publicBookingReceiptSchema,
  publicBookingRequestSchema,
  publicVenueBoardSchema,
  updateVenueSchema,
  venueListQuerySchema,
  venueListSchema,
  venueSchema,
  venueStatsQuerySchema,
  venueStatsSchema,
} from '@linli/contracts';
import type { AppContext } from '../../../platform/context.js';
import { actorOf, type App } from '../../../platform/http/types.js';
import * as venues from './venues.service.js';
import * as bookings from './bookings.service.js';
import { venueStats } from './stats.js';

const communityQuery = z.object({ communityId: idSchema.optional() });
const codeParams = z.object({ code: z.string().trim().min(1).max(40) });

/** Venues (/api/venues), bookings (/api/bookings) and the residents' phone request (ADR 0047). */
export function venuesRoutes(app: App, ctx: AppContext): void {
  const tags = ['venues'];
  app.get(
    '/api/venues',
    { config: { permission: 'venues.read' }, schema: { tags, querystring: venueListQuerySchema, response: { 200: venueListSchema } } },
    async (r) => venues.listVenues(ctx, actorOf(r), r.query),
  );
  app.get(
    '/api/venues/stats',
    { config: { permission: 'venues.read' }, schema: { tags, querystring: venueStatsQuerySchema, response: { 200: venueStatsSchema } } },
    async (r) => venueStats(ctx, actorOf(r), r.query),
  );
  app.get('/api/venues/:id', { config: { permission: 'venues.read' }, schema: { tags, params: idParamsSchema, response: { 200: venueSchema } } }, async (r) =>
    venues.getVenue(ctx, actorOf(r), r.params.id),
  );
  app.post(
    '/api/venues',
    { config: { permission: 'venues.write' }, schema: { tags, body: createVenueSchema, response: { 201: venueSchema } } },
    async (r, reply) => reply.status(201).send(await venues.createVenue(ctx, actorOf(r), r.body)),
  );
  app.patch(
    '/api/venues/:id',
    { config: { permission: 'venues.write' }, schema: { tags, params: idParamsSchema, body: updateVenueSchema, response: { 200: venueSchema } } },
    async (r) => venues.updateVenue(ctx, actorOf(r), r.params.id, r.body),
  );
  app.get(
    '/api/bookings',
    { config: { permission: 'venues.read' }, schema: { tags, querystring: bookingListQuerySchema, response: { 200: bookingListSchema } } },
    async (r) => bookings.listBookings(ctx, actorOf(r), r.query),
  );
  app.get(
    '/api/bookings/:id',
    { config: { permission: 'venues.read' }, schema: { tags, params: idParamsSchema, querystring: communityQuery, response: { 200: bookingDetailSchema } } },
    async (r) => bookings.getBooking(ctx, actorOf(r), r.params.id, r.query.communityId),
  );
  app.post(
    '/api/bookings',
    { config: { permission: 'venues.book' }, schema: { tags, body: createBookingSchema, response: { 201: bookingSchema } } },
    async (r, reply) => reply.status(201).send(await bookings.createBooking(ctx, actorOf(r), r.body)),
  );
  for (const [path, decision] of [
    ['approve', 'approve'],
    ['decline', 'decline'],
    ['cancel', 'cancel'],
    ['no-show', 'no_show'],
  ] as const) {
    app.post(
      `/api/bookings/:id/${path}`,
      {
        config: { permission: 'venues.book' },
        schema: { tags, params: idParamsSchema, querystring: communityQuery, body: decideBookingSchema, response: { 200: bookingSchema } },
      },
      async (r) => bookings.decideBooking(ctx, actorOf(r), r.params.id, decision, r.body.note, r.query.communityId),
    );
  }
  app.get(
    '/api/public/communities/:code/venues',
    { config: { public: true }, schema: { tags: ['public'], params: codeParams, response: { 200: publicVenueBoardSchema } } },
    async (r) => bookings.publicVenueBoard(ctx, r.params.code),
  );
  app.post(
    '/api/public/bookings',
    {
      config: { public: true, rateLimit: { max: 5, timeWindow: '1 minute' } },
      schema: { tags: ['public'], body: publicBookingRequestSchema, response: { 201: publicBookingReceiptSchema } },
    },
    async (r, reply) => reply.status(201).send(await bookings.requestPublicBooking(ctx, r.body)),
  );
}
