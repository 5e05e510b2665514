export { placesRoutes } from './places.routes.js';
export { sealResidentFields } from './places.service.js';
export { waitForImport, uploadRoster, commitImport } from './import.service.js';
