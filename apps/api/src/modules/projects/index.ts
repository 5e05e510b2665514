/** 为民办实事 projects (issue 11, ADR 0047): routes, the register's read model and the dashboard's counts. */
export { projectsRoutes } from './projects.routes.js';
export { dashboardCounts as projectDashboard } from './projects.repository.js';
export * as projectLedger from './ledger.js';
