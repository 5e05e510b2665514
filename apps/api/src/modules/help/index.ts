export { helpRoutes } from './help.routes.js';
/** The help register's read model for the ledger module. */
export * as helpLedger from './ledger.js';
/** What matching reads of a help need (category, request, place). */
export { helpNeedForMatch } from './match-need.js';
