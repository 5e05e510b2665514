import type { paths } from '@linli/contracts/openapi';
import { client, unwrap } from '../../lib/api.js';

/** Every query key of the venues feature starts with 'venues'. */
export const venuesKeys = {
  all: ['venues'] as const,
  list: (communityId: number | null) => ['venues', 'list', communityId] as const,
  bookings: (communityId: number | null, venueId: number | null, from: string) => ['venues', 'bookings', communityId, venueId, from] as const,
  stats: (communityId: number | null, month: string) => ['venues', 'stats', communityId, month] as const,
  bookers: (communityId: number | null) => ['venues', 'bookers', communityId] as const,
};
type Body<P extends keyof paths> = paths[P] extends { post: { requestBody?: { content: { 'application/json': infer B } } } } ? B : never;
type Cid = number | null;
const cq = (communityId: Cid) => ({ communityId: communityId ?? undefined });

export const fetchVenues = (communityId: Cid) => unwrap(client.GET('/api/venues', { params: { query: cq(communityId) } }));
export type VenueRow = Awaited<ReturnType<typeof fetchVenues>>['items'][number];
export const createVenue = (body: Body<'/api/venues'>) => unwrap(client.POST('/api/venues', { body }));
export const fetchBookings = (communityId: Cid, venueId: number, from: string, to: string) =>
  unwrap(client.GET('/api/bookings', { params: { query: { ...cq(communityId), venueId, from, to } } }));
export type BookingRow = Awaited<ReturnType<typeof fetchBookings>>['items'][number];
export const createBooking = (body: Body<'/api/bookings'>) => unwrap(client.POST('/api/bookings', { body }));
export type BookingDecision = 'approve' | 'decline' | 'cancel';
export const decideBooking = (id: number, decision: BookingDecision, communityId: Cid) => {
  const params = { path: { id }, query: cq(communityId) };
  if (decision === 'approve') return unwrap(client.POST('/api/bookings/{id}/approve', { params, body: {} }));
  if (decision === 'decline') return unwrap(client.POST('/api/bookings/{id}/decline', { params, body: {} }));
  return unwrap(client.POST('/api/bookings/{id}/cancel', { params, body: {} }));
};
export const fetchVenueStats = (communityId: Cid, month: string) =>
  unwrap(client.GET('/api/venues/stats', { params: { query: { ...cq(communityId), month } } }));
export type VenueStatsRow = Awaited<ReturnType<typeof fetchVenueStats>>['venues'][number];

/** The teams and partners a booking may name (their registers' first pages: a community has tens of each). */
export async function fetchBookers(communityId: Cid) {
  const [teams, partners] = await Promise.all([
    unwrap(client.GET('/api/teams', { params: { query: { ...cq(communityId), pageSize: 100 } } })),
    unwrap(client.GET('/api/partners', { params: { query: { ...cq(communityId), pageSize: 100 } } })),
  ]);
  return { teams: teams.items.map((x) => ({ id: x.id, name: x.name })), partners: partners.items.map((x) => ({ id: x.id, name: x.name })) };
}
