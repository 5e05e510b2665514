export { placesRoutes } from './places.routes.js';
export { isResidentWithinReach, sealResidentFields } from './places.service.js';
export { waitForImport, uploadRoster, commitImport } from './import.service.js';
