/** The activities module's public face (issue 11, ADR 0048). Venues (activities/venues/) are their own folder, re-exported below. */
export { activitiesRoutes } from './activities.routes.js';
export { publicActivitiesRoutes } from './public.routes.js';
/** Venues and bookings (activities/venues/, ADR 0047): routes, refs, bookSlot/releaseSlot and the usage register. */
export { venuesRoutes, venueRefs, bookSlot, releaseSlot, venueLedger, type VenueRef, type BookSlotInput, type OpeningPeriod } from './venues/index.js';
/** The activities register (活动台账) for the ledger module. */
export * as activityLedger from './ledger.js';
/** Photos of a held activity (activities/photos.service.ts), and what the demo needs to write activities as the module does. */
export { addActivityPhotos } from './photos.service.js';
import { storeActivityPhotos } from './photos.service.js';
import { weeklyRrule } from './occurrences.js';
import { hashSignupKey } from './links.js';
export const activityDemoSupport = { storeActivityPhotos, weeklyRrule, hashSignupKey };
