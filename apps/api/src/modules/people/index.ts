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
export { dutyCounts } from './duty/dashboard.js';
/** The duty roster's use cases, for the demo (demo/duty.ts). */
export * as dutyRoster from './duty/use-cases.js';
/** Party members' service: 双报到, pioneer posts, areas, pairings (issue 10, ADR 0043). */
export { partyRoutes, partyBranchRoutes } from './party/index.js';
/** The party registers' read models (报到台账, 先锋岗认领台账, 双报到反馈表) and the dashboard counts for the ledger module. */
export * as partyLedger from './party/ledger.js';
export { partyCounts } from './party/dashboard.js';
