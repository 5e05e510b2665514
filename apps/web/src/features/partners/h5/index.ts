export { LifeCirclePage, PartnerPortalH5 } from './offers-h5.js';
