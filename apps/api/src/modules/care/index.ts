/** The care module's public face (issue 12, ADR 0039). The checkins part (care/checkins/) builds on these reads. */
export { careRecipientRefs, pairedHelpers, familyContacts, type CareRecipientRef, type CareTier, type PairedHelper, type FamilyContact } from './refs.js';
export { maskName } from './mask.js';
export { careRoutes } from './care.routes.js';
/** The visits register's read model for the ledger module, and the dashboard's counts. */
export * as careLedger from './ledger.js';
export { careCounts, coverageOf } from './board.service.js';
/**
 * A need found on a visit, for the wishes and help modules to turn into a wish or a help-list entry (the ticket is
 * done here: visitToTicket). They call `needOfVisit` and then `markVisitHandedOff` with their record's id.
 */
export { needOfVisit, markVisitHandedOff } from './visits.service.js';
/** 报平安 (ADR 0040): the daily check-ins, their routes and the sweep. */
export { checkinsRoutes, checkinJobs, checkinsToday, careNotifiers, type CareNotifier, type CareNotice } from './checkins/index.js';
