import type { AppContext } from '../../../platform/context.js';
import { trustedCommunityId } from '../../../platform/access/trusted-scope.js';
import { writeAudit } from '../../../platform/audit/audit.js';
import * as repo from './ledger.repository.js';
import { post, rulesOf } from './ledger.service.js';
import { accounts, pointsForHours, roundPoints } from './rules.js';
import { volunteerRefs } from '../refs.js';

/** What the volunteers module publishes when hours are recorded (`volunteer.hours_recorded`). */
export interface HoursRecorded {
  communityId: number;
  volunteerId: number;
  entryId: number;
  hours: number;
  sourceKind: string;
  /** A correction names the entry it replaces: its points are reversed before the new ones are earned. */
  correctsEntryId?: number | null;
}

/**
 * Earns points for a service-hours entry by the community's rules. Idempotent by the entry's id (a unique index on
 * earned entries per source): a second delivery of the same event changes nothing. A correction first reverses the
 * points of the entry it corrects (an `adjusted` entry pointing at it; never an edit), as far as the balance allows.
 */
export async function earnForHours(ctx: AppContext, e: HoursRecorded): Promise<{ earned: number; reversed: number }> {
  // Trusted: the event was published by the volunteers module in the transaction of the entry in this community.
  const cid = trustedCommunityId(e.communityId);
  const rules = await rulesOf(ctx, cid);
  const points = pointsForHours(rules, e.hours, e.sourceKind);
  return ctx.db.transaction().execute(async (trx) => {
    await repo.lockVolunteer(trx, e.volunteerId);
    let reversed = 0;
    if (e.correctsEntryId != null) {
      const old = await repo.findEarned(trx, cid, 'service_hours', e.correctsEntryId, e.volunteerId);
      if (old && !(await repo.findReversalOf(trx, old.id))) {
        const balance = await repo.balanceOf(trx, cid, e.volunteerId);
        reversed = roundPoints(Math.min(Number(old.amount), Math.max(0, balance)));
        if (reversed > 0) {
          await post(trx, cid, {
            volunteerId: e.volunteerId,
            kind: 'adjusted',
            delta: -reversed,
            counter: accounts.pool,
            reason: `服务时长更正，冲回原记录积分（记录 ${e.correctsEntryId}）`,
            authorId: null,
            source: { kind: 'service_hours', id: e.correctsEntryId },
            reversesEntryId: old.id,
          });
        }
      }
    }
    if (points <= 0 || (await repo.findEarned(trx, cid, 'service_hours', e.entryId, e.volunteerId))) return { earned: 0, reversed };
    const entryId = await post(trx, cid, {
      volunteerId: e.volunteerId,
      kind: 'earned',
      delta: points,
      counter: accounts.pool,
      reason: `志愿服务 ${e.hours} 小时`,
      authorId: null,
      source: { kind: 'service_hours', id: e.entryId },
    });
    await writeAudit(trx, null, {
      communityId: cid,
      action: 'points.earned',
      entityType: 'volunteer',
      entityId: e.volunteerId,
      changes: { entryId, points, hoursEntryId: e.entryId, reversed },
    });
    return { earned: points, reversed };
  });
}

/**
 * Points for a fulfilled wish (the rules' per-wish points) to each volunteer who claimed it; idempotent per wish and
 * volunteer (a second delivery of the same outbox event, or the wish fulfilled again after a reopening, earns nothing).
 */
export async function earnForWish(ctx: AppContext, communityId: number, wishId: number, volunteerIds: number[], outboxId?: number): Promise<number> {
  // Trusted: called from the wish.fulfilled subscriber with the wish's own community.
  const cid = trustedCommunityId(communityId);
  const rules = await rulesOf(ctx, cid);
  if (rules.pointsPerWish <= 0) return 0;
  let n = 0;
  for (const volunteerId of volunteerIds) {
    await ctx.db.transaction().execute(async (trx) => {
      await repo.lockVolunteer(trx, volunteerId);
      if (await repo.findEarned(trx, cid, 'wish', wishId, volunteerId)) return;
      const entryId = await post(trx, cid, {
        volunteerId,
        kind: 'earned',
        delta: rules.pointsPerWish,
        counter: accounts.pool,
        reason: '完成微心愿',
        authorId: null,
        source: { kind: 'wish', id: wishId },
      });
      await writeAudit(trx, null, {
        communityId: cid,
        action: 'points.earned',
        entityType: 'volunteer',
        entityId: volunteerId,
        changes: { entryId, wishId, outboxId: outboxId ?? null },
      });
      n++;
    });
  }
  return n;
}

/** What the wishes module publishes when a wish is fulfilled (`wish.fulfilled`): the accounts that claimed it. */
export interface WishFulfilled {
  communityId: number;
  wishId: number;
  helperAccountIds: number[];
}

/**
 * The `wish.fulfilled` subscriber: the helpers who are approved volunteers of the wish's community (an account of a
 * partner contact or a party member without a volunteer record earns nothing) earn the rules' per-wish points, once.
 */
export async function earnForFulfilledWish(ctx: AppContext, e: WishFulfilled, outboxId?: number): Promise<number> {
  // Trusted: the event was published by the wishes module in the transaction of the wish in this community.
  const cid = trustedCommunityId(e.communityId);
  const volunteerIds: number[] = [];
  for (const accountId of e.helperAccountIds ?? []) {
    const v = await volunteerRefs.byAccount(ctx.db, cid, accountId);
    if (v && v.status === 'approved') volunteerIds.push(v.id);
  }
  if (volunteerIds.length === 0) return 0;
  return earnForWish(ctx, cid, e.wishId, volunteerIds, outboxId);
}
