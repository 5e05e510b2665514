export { TicketsPage } from './tickets-page.js';
export { TicketSettingsPage } from './ticket-settings-page.js';
