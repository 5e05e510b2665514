export { VenuesPage } from './venues-page.js';
