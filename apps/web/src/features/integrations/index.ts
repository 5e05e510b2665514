export { IntegrationsPage } from './integrations-page.js';
