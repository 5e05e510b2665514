import type { AppContext } from '../../../platform/context.js';
import type { CommunityId } from '../../../platform/db/scope.js';
import { beijingDate } from '../../../platform/time.js';
import { partyDashboardCounts } from './dashboard.repository.js';

/** 双报到 on the community dashboard: pioneer posts claimed (held now) and members reported this (Beijing) year. */
export const partyCounts = (ctx: AppContext, communityId: CommunityId, now = new Date()) =>
  partyDashboardCounts(ctx.db, communityId, `${beijingDate(now).slice(0, 4)}-01-01`);
