/** Points (积分), perks (专属优惠包) and redemptions (兑换): the volunteers module's points part (issue 10, ADR 0042). */
import type { AppContext } from '../../../platform/context.js';
import { earnForFulfilledWish, earnForHours, type HoursRecorded } from './earn.js';

export { pointsRoutes } from './points.routes.js';
export { pointsJobs, expirePoints } from './expiry.js';
export { earnForHours, earnForWish, earnForFulfilledWish, type HoursRecorded, type WishFulfilled } from './earn.js';
export { balanceOf as pointsBalance, balancesOf as pointsBalances } from './ledger.repository.js';
/** The points and redemptions registers' read models and the dashboard's counts for the ledger module. */
export * as pointsLedger from './ledger.js';

/** Earns points when hours are recorded (idempotent by the hours entry) and when a wish a volunteer claimed is fulfilled (once per wish). */
export function subscribePoints(ctx: AppContext): void {
  ctx.events.on('volunteer.hours_recorded', 'points', (payload) => earnForHours(ctx, payload as HoursRecorded).then(() => undefined));
  ctx.events.on('wish.fulfilled', 'points', (payload, meta) => earnForFulfilledWish(ctx, payload, meta.outboxId).then(() => undefined));
}
