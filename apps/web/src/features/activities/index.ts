export { ActivitiesPage } from './activities-page.js';
