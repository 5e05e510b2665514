export { DutyPage } from './duty-page.js';
