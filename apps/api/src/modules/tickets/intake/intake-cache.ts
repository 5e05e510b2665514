import type { AppContext } from '../../../platform/context.js';
import { TtlCache } from '../../../platform/cache/ttl-cache.js';
import * as repo from '../tickets.repository.js';
import type { CommunityId } from '../../../platform/db/scope.js';

// Every registration reads its category (deadlines, default assignee) and the community's automatic-dispatch setting;
// they change a few times a year.
type Category = Awaited<ReturnType<typeof repo.findCategoryForIntake>>;
const categories = new TtlCache<string, Category>(10_000);

export function categoryForIntake(ctx: AppContext, communityId: CommunityId, categoryId: number): Promise<Category> {
  return categories.get(ctx.db, `${communityId}:${categoryId}`, () => repo.findCategoryForIntake(ctx.db, communityId, categoryId));
}

/** After a category or the community's settings changed. */
export function forgetIntake(ctx: AppContext, communityId: number): void {
  categories.forget(ctx.db, (key) => key.startsWith(`${communityId}:`));
}
