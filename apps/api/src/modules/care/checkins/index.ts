import type { PeriodicJob } from '../../../platform/jobs/scheduler.js';
import { sweepCheckins } from './sweep.js';

export { checkinsRoutes } from './checkins.routes.js';
export { sweepCheckins } from './sweep.js';
export { checkinsToday } from './today.js';
export { careNotifiers, type CareNotifier, type CareNotice } from './notifier.js';

/** The morning sweep and the ladder: every minute, each run on one process (lease scheduler). */
export const checkinJobs: PeriodicJob[] = [{ name: 'care.checkins_sweep', everyMs: 60_000, run: async (ctx, now) => void (await sweepCheckins(ctx, now)) }];
