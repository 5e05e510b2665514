import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorIn, createTestEnv, httpAs, type TestEnv } from '../../../../test/harness.js';
import { buildVotingCompound } from '../../../../test/vote-fixtures.js';

const HOUR = 3_600_000;

/** The phone's list of published votes (公示) of a community: only votes under publication, by compound, no voters. */
describe('published votes on the phone', () => {
  let env: TestEnv;
  let sec: Awaited<ReturnType<typeof actorIn>>;
  let other: Awaited<ReturnType<typeof actorIn>>;
  const as = (who: { cookie: string }) => httpAs(env.app, who);
  const anon = () => httpAs(env.app);
  const codeOf = async (communityId: number) =>
    (await env.ctx.db.selectFrom('communities').select('code').where('id', '=', communityId).executeTakeFirstOrThrow()).code;
  /** A vote of `compoundId` (null: the whole community) taken to `until`: draft, open, closed or published. */
  const voteUpTo = async (who: typeof sec, compoundId: number | null, until: 'draft' | 'open' | 'closed' | 'published', title: string) => {
    const created = await as(who).post('/api/votes', {
      title,
      matter: 'other',
      eligibility: 'households',
      compoundId,
      opensAt: new Date(Date.now() - HOUR).toISOString(),
      closesAt: new Date(Date.now() + 24 * HOUR).toISOString(),
      publicityDays: 5,
      quorum: { num: 1, den: 3, strict: false },
      threshold: { num: 1, den: 2, strict: true },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as number;
    const steps = ['open', 'close', 'publish'].slice(0, ['draft', 'open', 'closed', 'published'].indexOf(until));
    for (const s of steps) {
      if (s === 'close') {
        const links = await as(who).post(`/api/votes/${id}/links`, {});
        const key = (links.json().items[0].path as string).split('#k=')[1]!;
        expect((await anon().post('/api/votes/ballot', { key, choice: 'yes' })).statusCode).toBe(200);
      }
      const r = await as(who).post(`/api/votes/${id}/${s}`, {});
      expect(r.statusCode, r.body).toBe(200);
    }
    return id;
  };

  beforeAll(async () => {
    env = await createTestEnv();
    sec = await actorIn(env, 'secretary');
    other = await actorIn(env, 'secretary');
  });
  afterAll(async () => env.close());

  it('lists the votes under publication with their results, of one compound and the community-wide ones, nothing else', async () => {
    const { compound: a } = await buildVotingCompound(env.ctx, sec.community.id, { homes: 3 });
    const { compound: b } = await buildVotingCompound(env.ctx, sec.community.id, { homes: 2 });
    const { compound: theirs } = await buildVotingCompound(env.ctx, other.community.id, { homes: 2 });
    const inA = await voteUpTo(sec, a.id, 'published', '楼道电动车充电桩选址');
    const everyone = await voteUpTo(sec, null, 'published', '社区居民公约修订');
    const inB = await voteUpTo(sec, b.id, 'published', '二期绿化改造');
    await voteUpTo(sec, a.id, 'closed', '已截止未公示');
    await voteUpTo(sec, a.id, 'open', '表决中');
    await voteUpTo(sec, a.id, 'draft', '草稿');
    await voteUpTo(other, theirs.id, 'published', '别的社区的表决');

    const code = await codeOf(sec.community.id);
    const all = await anon().get(`/api/public/communities/${code}/votes`);
    expect(all.statusCode, all.body).toBe(200);
    expect(
      all
        .json()
        .items.map((v: { id: number }) => v.id)
        .sort(),
    ).toEqual([inA, everyone, inB].sort());
    const ofA = await anon().get(`/api/public/communities/${code}/votes?compoundId=${a.id}`);
    const items = ofA.json().items as Array<{
      id: number;
      title: string;
      compoundName: string | null;
      tally: { outcome: string; participated: { count: number } };
    }>;
    expect(items.map((v) => v.id).sort()).toEqual([inA, everyone].sort());
    const one = items.find((v) => v.id === inA)!;
    expect(one).toMatchObject({ compoundName: a.name, tally: { outcome: 'passed', participated: { count: 1 } } });
    // The 公示 shows numbers, never a voter: no labels, keys or choices of anyone.
    expect(ofA.body).not.toMatch(/业主|#k=|voterLabel|myChoice/);
  });

  it('stops listing a vote when its publicity ends, and answers 404 for an unknown community', async () => {
    const { compound } = await buildVotingCompound(env.ctx, sec.community.id, { homes: 2 });
    const id = await voteUpTo(sec, compound.id, 'published', '公示期已过');
    const code = await codeOf(sec.community.id);
    const listed = async () =>
      ((await anon().get(`/api/public/communities/${code}/votes?compoundId=${compound.id}`)).json().items as Array<{ id: number }>).map((v) => v.id);
    expect(await listed()).toContain(id);
    await env.ctx.db
      .updateTable('votes')
      .set({ publicity_until: new Date(Date.now() - 1000) })
      .where('id', '=', id)
      .execute();
    expect(await listed()).not.toContain(id);
    const missing = await anon().get('/api/public/communities/NO-SUCH-CODE/votes');
    expect(missing.statusCode).toBe(404);
    const bad = await anon().get(`/api/public/communities/${code}/votes?compoundId=abc`);
    expect(bad.statusCode).toBe(400);
  });
});
