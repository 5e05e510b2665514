export { orgsRoutes } from './orgs.routes.js';
export { servesCommunity, communitiesServedBy } from './orgs.service.js';
export { organisationsByIds, subdistrictOffices, type OrganisationRow } from './orgs.repository.js';
export { isContact, contactRoles } from './orgs.policy.js';
