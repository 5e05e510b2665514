import type { PeriodicJob } from '../../../platform/jobs/scheduler.js';
import type { AppContext } from '../../../platform/context.js';
import { trustedCommunityId } from '../../../platform/access/trusted-scope.js';
import { dueToClose } from './votes.repository.js';
import { moveVote } from './votes.service.js';

/** Closes (and counts) every open vote whose closing time has passed; a vote closed meanwhile by staff is left alone. */
export async function closeDueVotes(ctx: AppContext, now: Date): Promise<number> {
  let closed = 0;
  for (const v of await dueToClose(ctx.db, now)) {
    try {
      await ctx.db.transaction().execute((trx) => moveVote(ctx, trx, null, trustedCommunityId(v.community_id), v.id, 'close', '到期自动截止'));
      closed++;
    } catch (err) {
      if ((err as { code?: string }).code !== 'INVALID_STATE') throw err;
    }
  }
  return closed;
}

export const voteJobs: PeriodicJob[] = [{ name: 'votes.close_due', everyMs: 60_000, run: async (ctx, now) => void (await closeDueVotes(ctx, now)) }];
