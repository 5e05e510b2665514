import type { PeriodicJob } from '../../platform/jobs/scheduler.js';
import { refreshStaleIndexes } from './refresh.js';

export { matchingRoutes } from './matching.routes.js';
export { refreshMatchIndex } from './refresh.js';

export const matchingJobs: PeriodicJob[] = [
  // Rebuilds indexes older than five minutes, so new partners, resources and people are suggested without a request paying for it.
  { name: 'matching.refresh', everyMs: 60_000, run: async (ctx, now) => void (await refreshStaleIndexes(ctx.db, now)) },
];
