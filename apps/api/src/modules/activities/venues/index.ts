/**
 * Venues and bookings (场地预约; issue 11, ADR 0047), a part of activities. The activities module re-exports what it
 * needs from here: `venueRefs` to show a room, `bookSlot`/`releaseSlot` to hold or free one for an activity.
 */
export { venueRefs, bookSlot, releaseSlot, type VenueRef, type BookSlotInput } from './refs.js';
export type { OpeningPeriod } from './opening-hours.js';
export { venuesRoutes } from './venues.routes.js';
/** The venues' usage register (场地使用台账) and the dashboard's count, for the ledger module. */
export * as venueLedger from './ledger.js';
