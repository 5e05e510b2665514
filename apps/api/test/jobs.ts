import type { AppContext } from '../src/platform/context.js';
import { OutboxDispatcher } from '../src/platform/outbox/dispatcher.js';
import { JobRunner } from '../src/platform/jobs/background.js';
import { moduleBackgroundJobs } from '../src/modules/index.js';

/** Dispatches every due outbox event to the subscribers registered on ctx.events, as the running server would. Answers how many. */
export function drainOutbox(ctx: AppContext): Promise<number> {
  return new OutboxDispatcher(ctx).drain();
}

/** Runs every queued background job (imports, exports) to its end, as the job runner of a server would. Answers how many. */
export function runBackgroundJobs(ctx: AppContext): Promise<number> {
  return new JobRunner(ctx, moduleBackgroundJobs).drain();
}
