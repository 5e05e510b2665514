export { ledgerRoutes } from './ledger.routes.js';
export { waitForLedgerExport } from './ledger.service.js';
