export { PartyMembersPage, StationsPage, TeamsPage } from './people-pages.js';
export { AccountsPage } from './accounts-page.js';
