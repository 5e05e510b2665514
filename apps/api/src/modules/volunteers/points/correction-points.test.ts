import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorIn, buildAccount, createTestEnv, engineUnderTest, httpAs, loginAs, type TestEnv } from '../../../../test/harness.js';
import { drainOutbox } from '../../../../test/jobs.js';
import { trustedCommunityId } from '../../../platform/access/trusted-scope.js';
import { ensureVolunteer, recordServiceHours } from '../index.js';
import { earnForHours, subscribePoints } from './index.js';

// A correction of service hours (更正, a new entry) names the entry it corrects: the points of that entry are reversed
// and the corrected total earns its own, so the balance follows the hours (issue 10).

let env: TestEnv;
let sec: Awaited<ReturnType<typeof actorIn>>;
const as = (cookie: string) => httpAs(env.app, cookie);

beforeAll(async () => {
  env = await createTestEnv();
  subscribePoints(env.ctx);
  sec = await actorIn(env, 'secretary');
}, 180_000);
afterAll(async () => env?.close());

describe(`points follow corrections of service hours (${engineUnderTest})`, () => {
  it('reverses the corrected entry and earns the corrected total, through a correction of a correction, once each', async () => {
    const account = await buildAccount(env.ctx, { role: 'volunteer', communityId: sec.community.id });
    const cid = trustedCommunityId(sec.community.id);
    const volunteerId = await env.ctx.db
      .transaction()
      .execute((trx) => ensureVolunteer(trx, cid, { accountId: account.id, name: '何丽萍', by: sec.account.id }));
    const cookie = await loginAs(env.app, account.username);
    const balance = async () => (await as(cookie).get('/api/points/balance')).json().balance as number;

    const entryId = await env.ctx.db.transaction().execute((trx) =>
      recordServiceHours(trx, cid, {
        volunteerId,
        source: { kind: 'task', id: null, title: '整理社区图书角' },
        startedAt: new Date('2026-11-03T09:00:00+08:00'),
        endedAt: new Date('2026-11-03T12:00:00+08:00'),
        recordedBy: sec.account.id,
      }),
    );
    await drainOutbox(env.ctx);
    expect(await balance()).toBe(3);

    // One hour too many was recorded: the correction takes it away; the balance follows (3 reversed, 2 earned).
    const less = await as(sec.cookie).post(`/api/service-hours/${entryId}/correct`, { countedHours: -1, reason: '实际服务 2 小时' });
    expect(less.statusCode, less.body).toBe(201);
    const firstCorrection = less.json().id as number;
    await drainOutbox(env.ctx);
    expect(await balance()).toBe(2);
    const event = await env.ctx.db
      .selectFrom('outbox')
      .select('payload')
      .where('name', '=', 'volunteer.hours_recorded')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    const payload = (typeof event.payload === 'string' ? JSON.parse(event.payload) : event.payload) as { hours: number; correctsEntryId: number };
    expect(payload).toMatchObject({ hours: 2, correctsEntryId: entryId, entryId: firstCorrection });

    // Delivered again: nothing changes.
    await earnForHours(env.ctx, { communityId: cid, volunteerId, entryId: firstCorrection, hours: 2, sourceKind: 'task', correctsEntryId: entryId });
    expect(await balance()).toBe(2);

    // The correction itself is corrected (+2 h): the total is 4 hours, and so are the points.
    const more = await as(sec.cookie).post(`/api/service-hours/${firstCorrection}/correct`, { countedHours: 2, reason: '补记下午的 2 小时' });
    expect(more.statusCode, more.body).toBe(201);
    await drainOutbox(env.ctx);
    expect(await balance()).toBe(4);

    // Below zero in total is refused, naming the field, and writes nothing.
    const before = await env.ctx.db
      .selectFrom('service_hours')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const tooMuch = await as(sec.cookie).post(`/api/service-hours/${more.json().id}/correct`, { countedHours: -5, reason: '误记' });
    expect(tooMuch.statusCode).toBe(400);
    expect(tooMuch.json().error.details.fields[0].field).toBe('countedHours');
    const after = await env.ctx.db
      .selectFrom('service_hours')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));

    const kinds = await env.ctx.db.selectFrom('points_entries').select(['kind', 'delta']).where('volunteer_id', '=', volunteerId).orderBy('id').execute();
    expect(kinds.map((k) => [k.kind, Number(k.delta)])).toEqual([
      ['earned', 3],
      ['adjusted', -3],
      ['earned', 2],
      ['adjusted', -2],
      ['earned', 4],
    ]);
  });
});
