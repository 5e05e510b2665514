import type { PeriodicJob } from '../../platform/jobs/scheduler.js';
import { closeUnratedTickets } from './tickets.service.js';
import { sendTicketReminders } from './reminders.js';

export { ticketsRoutes } from './tickets.routes.js';
export { closeUnratedTickets, ensureCategories, ensureCategoriesIn, submitExternalTicket } from './tickets.service.js';

export const ticketJobs: PeriodicJob[] = [
  { name: 'tickets.close_unrated', everyMs: 10 * 60_000, run: async (ctx, now) => void (await closeUnratedTickets(ctx, now)) },
  { name: 'tickets.remind', everyMs: 60_000, run: async (ctx, now) => void (await sendTicketReminders(ctx, now)) },
];
