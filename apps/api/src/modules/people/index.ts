export { peopleRoutes } from './people.routes.js';
export { prepareFirstAdminSetup } from './first-admin.service.js';
