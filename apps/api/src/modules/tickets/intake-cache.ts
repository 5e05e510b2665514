import type { AppContext } from '../../platform/context.js';
import * as repo from './tickets.repository.js';

// Every registration reads its category (deadlines, default assignee) and the community's automatic-dispatch setting;
// they change a few times a year. A change made by this process is seen at once; one made by another server on the same
// database within TTL_MS.
const TTL_MS = 10_000;
type Category = NonNullable<Awaited<ReturnType<typeof repo.findCategoryForIntake>>>;
const byDb = new WeakMap<object, Map<string, { at: number; row: Category }>>();
const cacheOf = (ctx: AppContext) => byDb.get(ctx.db) ?? byDb.set(ctx.db, new Map()).get(ctx.db)!;

export async function categoryForIntake(ctx: AppContext, communityId: number, categoryId: number, now = Date.now()): Promise<Category | undefined> {
  const key = `${communityId}:${categoryId}`;
  const hit = cacheOf(ctx).get(key);
  if (hit && now - hit.at < TTL_MS) return hit.row;
  const row = await repo.findCategoryForIntake(ctx.db, communityId, categoryId);
  if (row) cacheOf(ctx).set(key, { at: now, row });
  return row;
}

/** After a category or the community's settings changed. */
export function forgetIntake(ctx: AppContext, communityId: number): void {
  const cache = cacheOf(ctx);
  for (const key of cache.keys()) if (key.startsWith(`${communityId}:`)) cache.delete(key);
}
