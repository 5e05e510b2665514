export { partnersRoutes } from './partners.routes.js';
export * as partnerRefs from './refs.repository.js';
