export { DashboardPage } from './dashboard-page.js';
export { LedgerPage } from './ledger-page.js';
