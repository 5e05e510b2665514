export { partyRoutes } from './party.routes.js';
export { partyBranchRoutes } from './branches.routes.js';
