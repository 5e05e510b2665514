export { PartyPage } from './party-page.js';
