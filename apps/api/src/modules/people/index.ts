export { peopleRoutes } from './people.routes.js';
export { prepareFirstAdminSetup } from './first-admin.service.js';
export * as peopleRefs from './refs.repository.js';
export { accountNames, activeAccountsWithRole, findActiveAccount, findLoginAccount, findPasswordOf, setPasswordHash } from './refs.repository.js';
/** The party-member and team registers' read models for the ledger module. */
export * as peopleLedger from './ledger.js';
/** 值守排班 (duty rosters, ADR 0044): routes and the uncovered-shift job. */
export { dutyJobs, dutyRoutes } from './duty/index.js';
/** The duty roster's read models for the ledger and dashboard. */
export * as peopleDuty from './duty/ledger.repository.js';
