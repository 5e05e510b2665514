/** Venues and bookings (activities/venues/, ADR 0047): routes, refs, bookSlot/releaseSlot and the usage register. */
export { venuesRoutes, venueRefs, bookSlot, releaseSlot, venueLedger, type VenueRef, type BookSlotInput, type OpeningPeriod } from './venues/index.js';
