import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorIn, createTestEnv, type TestEnv } from '../../../../test/harness.js';
import { tokenize } from '../../../platform/text/segment.js';
import { ensureCategories } from '../categories/categories.service.js';
// Tests name the communities they seeded themselves.
import { trustedCommunityId } from '../../../platform/access/trusted-scope.js';

describe('ticket search: pages and totals', () => {
  let env: TestEnv;
  let sec: Awaited<ReturnType<typeof actorIn>>;
  const list = async (query: string) => {
    const res = await env.app.inject({ url: `/api/tickets?${query}`, headers: { cookie: sec.cookie } });
    expect(res.statusCode).toBe(200);
    return res.json() as { total: number; items: Array<{ code: string }> };
  };
  const codes = (page: { items: Array<{ code: string }> }) => page.items.map((t) => t.code);

  beforeAll(async () => {
    env = await createTestEnv();
    sec = await actorIn(env, 'secretary');
    const other = await actorIn(env, 'secretary');
    const insert = async (communityId: number, code: string, text: string, minutesAgo: number, status = 'submitted') => {
      const [cat] = await ensureCategories(env.ctx, trustedCommunityId(communityId));
      const at = new Date(Date.now() - minutesAgo * 60_000);
      await env.ctx.db
        .insertInto('tickets')
        .values({
          community_id: communityId,
          code,
          channel: 'phone',
          category_id: cat!.id,
          status,
          title: text,
          description: text,
          tokens: tokenize(text).join(' '),
          response_due_at: at,
          resolution_due_at: at,
          created_at: at,
        })
        .execute();
    };
    // 25 about the corridor, newest first C0 … C24; two of them already accepted.
    for (let i = 0; i < 25; i++) await insert(sec.community.id, `C${i}`, `${(i % 5) + 1}号楼楼道堆放杂物`, i, i === 3 || i === 17 ? 'accepted' : 'submitted');
    for (let i = 0; i < 3; i++) await insert(sec.community.id, `E${i}`, '电梯困人，老人出不去', 100 + i);
    await insert(other.community.id, 'X0', '楼道堆放杂物', 0);
  });
  afterAll(async () => env.close());

  it('answers the newest matches of the community, page by page, with the total on every page', async () => {
    const first = await list(`q=${encodeURIComponent('楼道')}&pageSize=10`);
    expect(first.total).toBe(25);
    expect(codes(first)).toEqual(Array.from({ length: 10 }, (_, i) => `C${i}`));
    const third = await list(`q=${encodeURIComponent('楼道')}&pageSize=10&page=3`);
    expect([third.total, codes(third)]).toEqual([25, ['C20', 'C21', 'C22', 'C23', 'C24']]);
    const past = await list(`q=${encodeURIComponent('楼道')}&pageSize=10&page=4`);
    expect([past.total, codes(past)]).toEqual([25, []]);
  });

  it('sorts oldest first when asked, and combines the words with the other filters', async () => {
    const oldest = await list(`q=${encodeURIComponent('楼道')}&pageSize=3&sort=createdAt&order=asc`);
    expect([oldest.total, codes(oldest)]).toEqual([25, ['C24', 'C23', 'C22']]);
    const accepted = await list(`q=${encodeURIComponent('楼道 杂物')}&status=accepted`);
    expect([accepted.total, codes(accepted)]).toEqual([2, ['C3', 'C17']]);
    const lift = await list(`q=${encodeURIComponent('电梯困人')}`);
    expect([lift.total, codes(lift)]).toEqual([3, ['E0', 'E1', 'E2']]);
  });

  it('finds a ticket by its code, and nothing for a word no ticket has', async () => {
    expect(codes(await list('q=C7'))).toEqual(['C7']);
    expect(await list('q=X0')).toMatchObject({ total: 0, items: [] });
    expect(await list(`q=${encodeURIComponent('下水道')}`)).toMatchObject({ total: 0, items: [] });
  });
});
