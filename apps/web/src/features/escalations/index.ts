export { OrganisationsPage } from './organisations-page.js';
export { EscalationsPage } from './escalations-page.js';
export { WhistleBoardPage, DepartmentRanking } from './whistle-board.js';
