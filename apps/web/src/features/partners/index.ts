export { PartnersPage } from './partners-page.js';
