import type { AppContext } from '../platform/context.js';
import type { App } from '../platform/http/types.js';
import type { PeriodicJob } from '../platform/jobs/scheduler.js';
import { authRoutes } from './auth/index.js';
import { placesRoutes, rosterImportJob } from './places/index.js';
import { peopleRoutes } from './people/index.js';
import { partnersRoutes } from './partners/index.js';
import { sessionsRoutes } from './escalations/index.js';
import { ticketJobs, ticketsRoutes } from './tickets/index.js';
import { startWebhookWorker, subscribeWebhooks, webhooksRoutes } from './webhooks/index.js';
import { open311Routes } from './open311/index.js';
import { orgsRoutes } from './orgs/index.js';
import { escalationJobs, escalationsRoutes } from './escalations/index.js';
import { ledgerExportJob, ledgerRoutes } from './ledger/index.js';
import { calendarRoutes } from '../platform/calendar/calendar.routes.js';
import { rateLimitCleanupJob } from '../platform/limits/limits.js';
import { outboxPurgeJob } from '../platform/outbox/dispatcher.js';
import type { BackgroundJobKind } from '../platform/jobs/background.js';
import { agreementJobs, offersRoutes } from './partners/index.js';
import { publicWishRoutes, wishJobs, wishesRoutes } from './wishes/index.js';
import { helpRoutes } from './help/index.js';
import { matchingJobs, matchingRoutes } from './matching/index.js';
import { careRoutes, checkinJobs, checkinsRoutes } from './care/index.js';
import { meetingsRoutes } from './meetings/index.js';
import { projectsRoutes } from './projects/index.js';
import { volunteersRoutes } from './volunteers/index.js';
import { voteJobs, votesRoutes } from './meetings/votes/index.js';
import { dutyJobs, dutyRoutes } from './people/index.js';
import { pointsJobs, pointsRoutes, subscribePoints } from './volunteers/index.js';
import { activitiesRoutes, publicActivitiesRoutes, venuesRoutes } from './activities/index.js';
import { partyBranchRoutes, partyRoutes } from './people/index.js';

/** Every module's routes, mounted by app.ts. */
export const moduleRoutes: Array<(app: App, ctx: AppContext) => void> = [
  authRoutes,
  placesRoutes,
  peopleRoutes,
  partnersRoutes,
  sessionsRoutes,
  ticketsRoutes,
  ledgerRoutes,
  calendarRoutes,
  webhooksRoutes,
  open311Routes,
  orgsRoutes,
  escalationsRoutes,
  offersRoutes,
  wishesRoutes,
  publicWishRoutes,
  helpRoutes,
  matchingRoutes,
  careRoutes,
  checkinsRoutes,
  meetingsRoutes,
  publicActivitiesRoutes,
  activitiesRoutes,
  venuesRoutes,
  projectsRoutes,
  volunteersRoutes,
  votesRoutes,
  dutyRoutes,
  pointsRoutes,
  partyRoutes,
  partyBranchRoutes,
];

/** Every module's periodic jobs, run by the scheduler started in main.ts. */
export const moduleJobs: PeriodicJob[] = [
  ...ticketJobs,
  rateLimitCleanupJob,
  outboxPurgeJob,
  ...escalationJobs,
  // Agreements' renewal reminders, wishes' reminders and expiry, the matching index's refresh (issue 9).
  ...agreementJobs,
  ...wishJobs,
  ...matchingJobs,
  // The morning sweep and the missed check-in ladder (issue 12).
  ...checkinJobs,
  ...voteJobs,
  // Duty shifts short of people tomorrow (issue 10).
  ...dutyJobs,
  ...pointsJobs,
];

/** Every module's kinds of background work (imports, exports), run from their job rows by the job runner (ADR 0021). */
export const moduleBackgroundJobs: BackgroundJobKind[] = [rosterImportJob, ledgerExportJob];

/** Cross-module reactions to domain events, registered once at boot; the outbox dispatcher calls them (ADR 0020). */
export const moduleSubscribers: Array<(ctx: AppContext) => void> = [subscribeWebhooks, subscribePoints];

/** Background workers each process runs beside the HTTP server (webhook delivery); main.ts stops them on shutdown. */
export const moduleWorkers: Array<(ctx: AppContext) => { stop(): Promise<void> }> = [(ctx) => startWebhookWorker(ctx)];
