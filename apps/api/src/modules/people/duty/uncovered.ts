import type { AppContext } from '../../../platform/context.js';
import type { PeriodicJob } from '../../../platform/jobs/scheduler.js';
import { trustedCommunityId } from '../../../platform/access/trusted-scope.js';
import { publish } from '../../../platform/outbox/outbox.js';
import * as uncoveredRepo from './uncovered.repository.js';
import { shiftLabel } from './duty.presenter.js';
import { recordShiftSteps } from './record-step.js';
import { tomorrowOf } from './roster-rules.js';

/**
 * Flags tomorrow's shifts below their headcount, each once: a step on the shift's timeline and a `shift.uncovered`
 * event the webhooks carry to the community's group bots. Run by the lease scheduler; a shift filled later keeps its
 * flag (the console shows coverage as it is now).
 */
export async function flagUncoveredShifts(ctx: AppContext, now: Date): Promise<number> {
  const day = tomorrowOf(now);
  let n = 0;
  for (const s of await uncoveredRepo.uncoveredOn(ctx.db, day)) {
    // A system job: the community of the row it picked (ADR 0018).
    const cid = trustedCommunityId(s.community_id);
    const assigned = Number(s.assigned);
    await ctx.db.transaction().execute(async (trx) => {
      if (!(await uncoveredRepo.markUncovered(trx, cid, s.id, now))) return;
      await recordShiftSteps(trx, cid, null, [
        { shiftId: s.id, action: 'uncovered', note: `${assigned}/${s.headcount}`, changes: { assigned, headcount: s.headcount } },
      ]);
      await publish(trx, 'shift.uncovered', {
        communityId: s.community_id,
        shiftId: s.id,
        label: shiftLabel(s),
        assigned,
        headcount: s.headcount,
      });
      n++;
    });
  }
  return n;
}

export const dutyJobs: PeriodicJob[] = [{ name: 'duty.uncovered', everyMs: 30 * 60_000, run: async (ctx, now) => void (await flagUncoveredShifts(ctx, now)) }];
