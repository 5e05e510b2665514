export { CareBoardPage } from './board-page.js';
export { CareRecipientsPage } from './recipients-page.js';
