import type { AppContext } from '../../../platform/context.js';
import type { PeriodicJob } from '../../../platform/jobs/scheduler.js';
import { trustedCommunityId } from '../../../platform/access/trusted-scope.js';
import { writeAudit } from '../../../platform/audit/audit.js';
import * as repo from './ledger.repository.js';
import { post } from './ledger.service.js';
import { expireRedemptions } from './redemptions.service.js';
import { accounts, monthsBefore, roundPoints } from './rules.js';

/**
 * Points expire N months after they were earned (the community's rule; none when it is off). Movements out use the
 * oldest points first (FIFO), so what expires is what is left of the lots earned on or before the cutoff. Each
 * volunteer's expiry is one `expired` entry written under their lock, recomputed inside it: a second run the same
 * day finds nothing left to expire.
 */
export async function expirePoints(ctx: AppContext, now: Date): Promise<{ volunteers: number; points: number }> {
  let volunteers = 0;
  let points = 0;
  for (const c of await repo.expiringCommunities(ctx.db)) {
    // Trusted: the job walks every community whose rules let points expire.
    const cid = trustedCommunityId(c.community_id);
    const cutoff = monthsBefore(now, c.expiry_months!);
    for (const due of await repo.expiringBy(ctx.db, cid, cutoff)) {
      const amount = await ctx.db.transaction().execute(async (trx) => {
        await repo.lockVolunteer(trx, due.volunteerId);
        const still = (await repo.expiringBy(trx, cid, cutoff, due.volunteerId))[0]?.due ?? 0;
        const amount = roundPoints(still);
        if (amount <= 0) return 0;
        const entryId = await post(trx, cid, {
          volunteerId: due.volunteerId,
          kind: 'expired',
          delta: -amount,
          counter: accounts.expired,
          reason: `积分超过 ${c.expiry_months} 个月未使用，按先获得先过期清零`,
          authorId: null,
          source: null,
          occurredAt: now,
        });
        await writeAudit(trx, null, {
          communityId: cid,
          action: 'points.expired',
          entityType: 'volunteer',
          entityId: due.volunteerId,
          changes: { entryId, amount },
        });
        return amount;
      });
      if (amount > 0) {
        volunteers++;
        points = roundPoints(points + amount);
      }
    }
  }
  return { volunteers, points };
}

/** Hourly: points past their months, and redemption codes past their days (stock and points returned). */
export const pointsJobs: PeriodicJob[] = [
  {
    name: 'points.expiry',
    everyMs: 3_600_000,
    run: async (ctx, now) => {
      await expireRedemptions(ctx, now);
      await expirePoints(ctx, now);
    },
  },
];
