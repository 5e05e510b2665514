import type { PublicBookingRequestInput } from '@linli/contracts';
import { client, unwrap } from '../../../lib/api.js';

// The phone's calls (public, no login): typed client only, no zod in this chunk.
export const fetchVenueBoard = (code: string) => unwrap(client.GET('/api/public/communities/{code}/venues', { params: { path: { code } } }));
export type VenueBoard = Awaited<ReturnType<typeof fetchVenueBoard>>;
export type BoardVenue = VenueBoard['venues'][number];
export const askForVenue = (body: PublicBookingRequestInput) => unwrap(client.POST('/api/public/bookings', { body }));
