export { partnersRoutes } from './partners.routes.js';
