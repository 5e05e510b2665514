import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorIn, buildAccount, createTestEnv, engineUnderTest, httpAs, loginAs, type TestEnv } from '../../../../test/harness.js';
import { drainOutbox } from '../../../../test/jobs.js';
import { trustedCommunityId } from '../../../platform/access/trusted-scope.js';
import { ensureVolunteer } from '../index.js';
import { earnForFulfilledWish, subscribePoints } from './index.js';

// Wish points (issue 10): the wishes module names the accounts that claimed a wish on `wish.fulfilled`; the points
// part earns the community's per-wish points for those who are volunteers, once per wish.

let env: TestEnv;
let sec: Awaited<ReturnType<typeof actorIn>>;
const as = (cookie: string) => httpAs(env.app, cookie);

async function volunteer(name: string) {
  const account = await buildAccount(env.ctx, { role: 'volunteer', communityId: sec.community.id });
  const cid = trustedCommunityId(sec.community.id);
  const id = await env.ctx.db.transaction().execute((trx) => ensureVolunteer(trx, cid, { accountId: account.id, name, by: sec.account.id }));
  return { id, account, cookie: await loginAs(env.app, account.username) };
}

/** A wish staff recorded at a meeting, published as shared (several may claim it). */
async function publishedWish(text: string) {
  const res = await as(sec.cookie).post('/api/wishes', { source: 'meeting', meetingTitle: '居民议事会', residentName: '李大爷', text, value: 300 });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id as number;
  expect((await as(sec.cookie).post(`/api/wishes/${id}/publish`, { shared: true })).statusCode).toBe(200);
  return id;
}

const balance = async (cookie: string) => (await as(cookie).get('/api/points/balance')).json().balance as number;
const wishEntries = (volunteerId: number) =>
  env.ctx.db
    .selectFrom('points_entries')
    .select(['delta', 'source_kind', 'source_id'])
    .where('volunteer_id', '=', volunteerId)
    .where('source_kind', '=', 'wish')
    .execute();

beforeAll(async () => {
  env = await createTestEnv();
  subscribePoints(env.ctx);
  sec = await actorIn(env, 'secretary');
  const rules = await as(sec.cookie).get('/api/points/rules');
  const set = await as(sec.cookie).put('/api/points/rules', { ...rules.json(), pointsPerWish: 5 });
  expect(set.statusCode, set.body).toBe(200);
}, 180_000);
afterAll(async () => env?.close());

describe(`wish points (${engineUnderTest})`, () => {
  it('earns the per-wish points for each volunteer who claimed a fulfilled wish, once, and nothing for others', async () => {
    const a = await volunteer('王小丽');
    const b = await volunteer('赵志刚');
    const party = await actorIn(env, 'party_member', sec.community);
    const id = await publishedWish('楼道里想装一个扶手');
    for (const who of [a, b, party]) expect((await as(who.cookie).post(`/api/wishes/${id}/claim`, { shareNote: '出工安装' })).statusCode, 'claim').toBe(200);
    const fulfilled = await as(a.cookie).post(`/api/wishes/${id}/fulfil`, { note: '扶手已装好，李大爷试过了' });
    expect(fulfilled.statusCode, fulfilled.body).toBe(200);

    // The event names the claimants' accounts (and nothing else of them).
    const event = await env.ctx.db
      .selectFrom('outbox')
      .select(['id', 'payload'])
      .where('name', '=', 'wish.fulfilled')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    const payload = (typeof event.payload === 'string' ? JSON.parse(event.payload) : event.payload) as { wishId: number; helperAccountIds: number[] };
    expect(payload.wishId).toBe(id);
    expect([...payload.helperAccountIds].sort((x, y) => x - y)).toEqual([a.account.id, b.account.id, party.account.id].sort((x, y) => x - y));

    await drainOutbox(env.ctx);
    expect(await balance(a.cookie)).toBe(5);
    expect(await balance(b.cookie)).toBe(5);
    expect((await wishEntries(a.id)).map((e) => [Number(e.delta), e.source_id])).toEqual([[5, id]]);

    // The same event delivered again (at-least-once) earns nothing more.
    expect(await earnForFulfilledWish(env.ctx, { communityId: sec.community.id, ...payload }, Number(event.id))).toBe(0);
    expect(await balance(a.cookie)).toBe(5);
    const audit = await env.ctx.db
      .selectFrom('audit_log')
      .select('changes')
      .where('action', '=', 'points.earned')
      .where('entity_id', '=', String(a.id))
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(audit.changes)).toContain(`"outboxId":${Number(event.id)}`);
  });

  it('a wish claimed by staff for someone without an account, or by a volunteer of another community, earns nothing here', async () => {
    const id = await publishedWish('想请人陪老人去医院复查');
    const recorded = await as(sec.cookie).post(`/api/wishes/${id}/claims`, { claimantKind: 'volunteer', claimantName: '志愿者小陈' });
    expect(recorded.statusCode, recorded.body).toBe(200);
    expect((await as(sec.cookie).post(`/api/wishes/${id}/fulfil`, { note: '已陪同复查' })).statusCode).toBe(200);
    const before = await env.ctx.db
      .selectFrom('points_entries')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    await drainOutbox(env.ctx);
    const after = await env.ctx.db
      .selectFrom('points_entries')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));

    // An account of another community named in an event finds no volunteer in this one (trusted community of the wish).
    const other = await actorIn(env, 'secretary');
    const stranger = await buildAccount(env.ctx, { role: 'volunteer', communityId: other.community.id });
    const cid = trustedCommunityId(other.community.id);
    const strangerVolunteer = await env.ctx.db
      .transaction()
      .execute((trx) => ensureVolunteer(trx, cid, { accountId: stranger.id, name: '外社区志愿者', by: other.account.id }));
    expect(await earnForFulfilledWish(env.ctx, { communityId: sec.community.id, wishId: id, helperAccountIds: [stranger.id] })).toBe(0);
    expect(await wishEntries(strangerVolunteer)).toEqual([]);
  });
});
