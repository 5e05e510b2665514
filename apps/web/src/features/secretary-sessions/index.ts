export { SecretarySessionsPage } from './sessions-page.js';
export { SecretarySessionPage } from './session-page.js';
export { SecretarySessionPrintPage } from './print-page.js';
