import type { PeriodicJob } from '../../platform/jobs/scheduler.js';
import { closeUnratedTickets } from './transitions.js';
import { sendTicketReminders } from './reminders.js';
import { foldRollup } from './dashboard.repository.js';

export { ticketsRoutes } from './tickets.routes.js';
export { ensureCategories, ensureCategoriesIn } from './categories.service.js';
export { submitExternalTicket } from './intake.js';
export { closeUnratedTickets } from './transitions.js';
export { settingsOf } from './ticket-settings.js';
export { ledgerExportJob } from './ledger-export-job.js';

export const ticketJobs: PeriodicJob[] = [
  { name: 'tickets.close_unrated', everyMs: 10 * 60_000, run: async (ctx, now) => void (await closeUnratedTickets(ctx, now)) },
  { name: 'tickets.remind', everyMs: 60_000, run: async (ctx, now) => void (await sendTicketReminders(ctx, now)) },
  // Readers add the unfolded deltas themselves; folding keeps what they add small.
  { name: 'tickets.rollup_fold', everyMs: 30_000, run: async (ctx) => void (await foldRollup(ctx.db)) },
];
