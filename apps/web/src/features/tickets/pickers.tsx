// What other features embed of the tickets feature (docs/adding-a-module.md §6).
export { TicketInboxCard } from './inbox-card.js';
