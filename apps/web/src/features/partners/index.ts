export { PartnersPage } from './partners-page.js';
export { ResourcesPage } from './resources-page.js';
export { AgreementsPage } from './agreements-page.js';
export { ContributionsPage } from './contributions-page.js';
export { PartnerPortalPage } from './portal-page.js';
