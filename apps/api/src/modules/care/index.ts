/** The care module's public face (issue 12, ADR 0039). The checkins part (care/checkins/) builds on these reads. */
export { careRecipientRefs, pairedHelpers, familyContacts, type CareRecipientRef, type CareTier, type PairedHelper, type FamilyContact } from './refs.js';
export { maskName } from './mask.js';
/** 报平安 (ADR 0040): the daily check-ins, their routes and the sweep. */
export { checkinsRoutes, checkinJobs, checkinsToday, careNotifiers, type CareNotifier, type CareNotice } from './checkins/index.js';
