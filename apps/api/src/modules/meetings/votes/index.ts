import type { App } from '../../../platform/http/types.js';
import type { AppContext } from '../../../platform/context.js';
import { conventionsRoutes } from './conventions.routes.js';
import { votesRoutes as voteRoutesOnly } from './votes.routes.js';

/** Votes (表决) and conventions (小区公约), a part of meetings (ADR 0046). */
export function votesRoutes(app: App, ctx: AppContext): void {
  voteRoutesOnly(app, ctx);
  conventionsRoutes(app, ctx);
}
export { voteJobs, closeDueVotes } from './close-job.js';
export { tally, ruleFor } from './tally.js';
