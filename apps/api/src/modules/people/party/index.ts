export { partyRoutes } from './party.routes.js';
