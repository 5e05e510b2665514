export { partnersRoutes } from './partners.routes.js';
export * as partnerRefs from './refs.repository.js';
/** The partners register's read model for the ledger module. */
export * as partnerLedger from './ledger.js';
/** Offers (资源清单) for the matching module: active, not archived, keyset pages by id. */
export { resourceCandidates, type ResourceCandidate } from './candidates.repository.js';
/** Resources, agreements, contributions and the partner contact's portal (issue 9, ADR 0037). */
export { offersRoutes } from './offers.routes.js';
export { agreementJobs, sendAgreementReminders } from './agreement-reminders.js';
/** The resources, agreements and contributions registers' read models for the ledger module. */
export * as offerLedger from './offers-ledger.js';
export { offerDashboard } from './offers-ledger.js';
