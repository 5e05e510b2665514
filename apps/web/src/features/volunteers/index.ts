export { VolunteersPage } from './volunteers-page.js';
