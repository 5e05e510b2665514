import type { AppContext } from '../../../platform/context.js';
import type { CommunityId } from '../../../platform/db/scope.js';
import { coverage } from './ledger.repository.js';
import { weekOf } from './roster-rules.js';

/**
 * 值守 on the community dashboard: this Beijing week's shifts with as many people on them as they need (covered) over
 * all the week's shifts, as the console's week grid counts them.
 */
export async function dutyCounts(ctx: AppContext, communityId: CommunityId, now = new Date()) {
  const week = weekOf(now);
  return { weekFrom: week.from, weekTo: week.to, ...(await coverage(ctx.db, communityId, week.from, week.to)) };
}
