/** The activities module's public face (issue 11, ADR 0048). Venues (activities/venues/) belong to their own folder. */
export { activitiesRoutes } from './activities.routes.js';
export { publicActivitiesRoutes } from './public.routes.js';
