export { partnersRoutes } from './partners.routes.js';
export * as partnerRefs from './refs.repository.js';
/** The partners register's read model for the ledger module. */
export * as partnerLedger from './ledger.js';
/** Offers (资源清单) for the matching module: active, not archived, keyset pages by id. */
export { resourceCandidates, type ResourceCandidate } from './candidates.repository.js';
