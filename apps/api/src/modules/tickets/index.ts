import type { PeriodicJob } from '../../platform/jobs/scheduler.js';
import { closeUnratedTickets } from './acting/transitions.js';
import { sendTicketReminders } from './acting/reminders.js';
import { foldRollup } from './reports/rollup.repository.js';

export { ticketsRoutes } from './tickets.routes.js';
export { ensureCategories, ensureCategoriesIn } from './categories/categories.service.js';
export { createTicket, submitExternalTicket } from './intake/intake.js';
/** A ticket filed by the system, without an account (the care check-in ladder's visit ticket). */
export { insertNewTicket } from './intake/intake.js';
export { getTicket } from './reading/tickets.service.js';
export { actOnTicket } from './acting/transitions.js';
export { closeUnratedTickets } from './acting/transitions.js';
export { settingsOf } from './categories/ticket-settings.js';
export { ticketForNotice } from './reading/notice.js';
/** Tickets as Open311 shows them. */
export { externalRequests, externalUpdates, findTicketCode, findCommunityPhoto, type ExternalRequest, type ExternalUpdate } from './reading/requests.js';
/** An Open311 client adds information (and photos) to a ticket; photos of a new Open311 request. */
export { addExternalUpdate } from './public/external-updates.js';
export { storePhotos as addExternalPhotos, MAX_PHOTOS, MAX_PHOTO_MB } from './photos/photos.js';
/** The tickets' read models for the reports module (ledger): the roll-up and deadlines, and the ledger's rows. */
export * as ticketRollup from './reports/rollup.repository.js';
export * as ticketLedgerRows from './reports/ledger-rows.js';
/** The ticket's side of escalations, called by the escalations module inside its transaction (ADR 0028). */
export * as ticketEscalation from './acting/escalation-steps.js';
/** Tickets raised at a meeting, and a ticket's title for an agenda topic (meetings module, ADR 0045). */
export { ticketsOfMeetings, ticketTitle } from './reading/meeting-tickets.repository.js';

export const ticketJobs: PeriodicJob[] = [
  { name: 'tickets.close_unrated', everyMs: 10 * 60_000, run: async (ctx, now) => void (await closeUnratedTickets(ctx, now)) },
  { name: 'tickets.remind', everyMs: 60_000, run: async (ctx, now) => void (await sendTicketReminders(ctx, now)) },
  // Readers add the unfolded deltas themselves; folding keeps what they add small.
  { name: 'tickets.rollup_fold', everyMs: 30_000, run: async (ctx) => void (await foldRollup(ctx.db)) },
];
