export { placesRoutes } from './places.routes.js';
export { isResidentWithinReach, sealResidentFields } from './residents.service.js';
export { rosterImportJob, uploadRoster, commitImport } from './import.service.js';
export { residentReachOf, type ResidentReach } from './places.policy.js';
export { residentIdsWithinReach } from './places.repository.js';
export * as placeRefs from './refs.repository.js';
export {
  communityIdsOfSubdistrict,
  communityRefs,
  compoundView,
  findCompoundRef,
  findGridRef,
  findResidentRef,
  findSubdistrictRef,
  gridView,
  residentView,
} from './refs.repository.js';
/** The 花名册's read model for the ledger module. */
export * as rosterLedger from './roster-ledger.js';
