export { placesRoutes } from './places.routes.js';
export { isResidentWithinReach, sealResidentFields } from './places.service.js';
export { waitForImport, uploadRoster, commitImport } from './import.service.js';
export { residentReachOf, type ResidentReach } from './places.policy.js';
export { residentIdsWithinReach } from './places.repository.js';
export {
  communityIdsOfSubdistrict, communityRefs, compoundView, findCompoundRef, findGridRef, findResidentRef, findSubdistrictRef, gridView, residentView,
} from './place-refs.repository.js';
