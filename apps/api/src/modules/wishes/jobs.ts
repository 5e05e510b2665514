import type { AppContext } from '../../platform/context.js';
import type { PeriodicJob } from '../../platform/jobs/scheduler.js';
import { publish } from '../../platform/outbox/outbox.js';
import { beijingDate } from '../../platform/time.js';
import { trustedCommunityId } from '../../platform/access/trusted-scope.js';
import * as repo from './wishes.repository.js';
import { recordStep } from './record-step.js';
import { isExpired, reminderDue } from './wish-state.js';

const dayOf = (d: string | Date | null) => (d === null ? null : typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10));

/** Published wishes past their due day with nobody claiming them are closed as expired (a step on the timeline). */
export async function expireWishes(ctx: AppContext, now: Date): Promise<number> {
  const today = beijingDate(now);
  let n = 0;
  for (const r of await repo.wishesDueBy(ctx.db, 'published', today)) {
    // A system job: the community of the row it picked.
    const cid = trustedCommunityId(r.community_id);
    await ctx.db.transaction().execute(async (trx) => {
      const row = await repo.lockWish(trx, cid, r.id);
      if (!row || !isExpired({ status: row.status as never, dueOn: dayOf(row.due_on) }, today)) return;
      await repo.updateWish(trx, cid, r.id, { status: 'expired', closed_at: now });
      await recordStep(trx, {
        communityId: cid,
        wishId: r.id,
        action: 'expire',
        fromStatus: 'published',
        toStatus: 'expired',
        actor: null,
        actorLabel: 'system',
        isPublic: true,
      });
      n++;
    });
  }
  return n;
}

/**
 * Reminds the claimants of a claimed wish two days before its due day and on it (each once): a step on the timeline
 * and a `wish.reminder` event carrying the claimants' accounts, for notices.
 */
export async function remindClaimants(ctx: AppContext, now: Date): Promise<number> {
  const today = beijingDate(now);
  const soon = new Date(now.getTime() + 2 * 86_400_000);
  let n = 0;
  for (const r of await repo.wishesDueBy(ctx.db, 'claimed', beijingDate(soon))) {
    const kind = reminderDue({ status: r.status as never, dueOn: dayOf(r.due_on) }, today);
    if (!kind) continue;
    const cid = trustedCommunityId(r.community_id);
    await ctx.db.transaction().execute(async (trx) => {
      if (!(await repo.insertReminderOnce(trx, cid, r.id, kind))) return;
      const claims = await repo.claimsOf(trx, cid, [r.id]);
      await recordStep(trx, {
        communityId: cid,
        wishId: r.id,
        action: 'reminded',
        actor: null,
        actorLabel: 'system',
        note: kind,
        isPublic: false,
        changes: { kind },
      });
      await publish(trx, 'wish.reminder', {
        communityId: cid,
        wishId: r.id,
        kind,
        accountIds: claims.map((c) => c.account_id).filter((x): x is number => x !== null),
      });
      n++;
    });
  }
  return n;
}

export const wishJobs: PeriodicJob[] = [
  { name: 'wishes.expire', everyMs: 60 * 60_000, run: async (ctx, now) => void (await expireWishes(ctx, now)) },
  { name: 'wishes.remind', everyMs: 30 * 60_000, run: async (ctx, now) => void (await remindClaimants(ctx, now)) },
];
