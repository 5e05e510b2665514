export { partnersRoutes } from './partners.routes.js';
export * as partnerRefs from './refs.repository.js';
/** The partners register's read model for the ledger module. */
export * as partnerLedger from './ledger.js';
