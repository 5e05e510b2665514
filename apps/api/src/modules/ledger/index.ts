export { ledgerRoutes } from './ledger.routes.js';
export { ledgerExportJob } from './ledger-export-job.js';
