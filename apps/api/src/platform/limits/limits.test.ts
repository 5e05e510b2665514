import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import type { App } from '../http/types.js';
import { Scheduler } from '../jobs/scheduler.js';
import { moduleJobs } from '../../modules/index.js';
import { createTestEnv, type TestEnv } from '../../../test/harness.js';
import { consumeLimit, findLocks, recordFailure } from './limits.js';

describe('rate limits in the database', () => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv();
  });
  afterAll(async () => env.close());

  it('counts concurrent hits exactly: of 20 at once with a limit of 10, 10 pass', async () => {
    // One clock for all 20: with a clock each, the hit that opens the window may carry a later millisecond than a refused
    // one, whose wait then rounds up to 61 s.
    const now = new Date();
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () => consumeLimit(env.ctx.db, { key: 'test:concurrent', max: 10, windowMs: 60_000 }, now)),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(10);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: 'RATE_LIMITED', details: { retryAfterSeconds: 60 } });
  });

  it('starts a new window once the old one has passed', async () => {
    const t0 = new Date('2026-12-01T08:00:00Z');
    const limit = { key: 'test:window', max: 1, windowMs: 60_000 };
    await consumeLimit(env.ctx.db, limit, t0);
    await expect(consumeLimit(env.ctx.db, limit, new Date(t0.getTime() + 59_000))).rejects.toMatchObject({ details: { retryAfterSeconds: 1 } });
    await expect(consumeLimit(env.ctx.db, limit, new Date(t0.getTime() + 60_000))).resolves.toBeUndefined();
  });

  it('a periodic job, run through the lease scheduler, removes expired counters and keeps live ones and locks', async () => {
    const now = new Date();
    const policy = { lockAfter: 1, lockMs: 3_600_000, maxLockMs: 3_600_000, forgetMs: 60_000 };
    await consumeLimit(env.ctx.db, { key: 'test:old', max: 5, windowMs: 1000 }, new Date(now.getTime() - 10_000));
    await consumeLimit(env.ctx.db, { key: 'test:live', max: 5, windowMs: 600_000 }, now);
    await recordFailure(env.ctx.db, 'test:locked', policy, now);
    const scheduler = new Scheduler(env.ctx);
    for (const job of moduleJobs) scheduler.register(job);
    expect(await scheduler.tick(new Date(now.getTime() + 1000))).toContain('rate-limits.cleanup');
    const keys = (await env.ctx.db.selectFrom('rate_limits').select('key').where('key', 'like', 'test:%').execute()).map((r) => r.key);
    expect(keys).not.toContain('test:old');
    expect(keys).toEqual(expect.arrayContaining(['test:live', 'test:locked']));
    expect((await findLocks(env.ctx.db, ['test:locked', 'test:live'])).size).toBe(1);
  });

  it("routes' config.rateLimit (@fastify/rate-limit) counts in the database, shared by two app instances", async () => {
    const make = async () => {
      const app = await buildApp(env.ctx, { serveWeb: false });
      app.get('/api/test/limited', { config: { public: true, rateLimit: { max: 2, timeWindow: '1 minute' } } }, async () => ({ ok: true }));
      await app.ready();
      return app;
    };
    const [a, b] = [await make(), await make()];
    try {
      const hit = (app: App) => app.inject({ url: '/api/test/limited', remoteAddress: '192.0.2.77' });
      expect([(await hit(a)).statusCode, (await hit(b)).statusCode]).toEqual([200, 200]);
      const third = await hit(a);
      expect(third.statusCode).toBe(429);
      expect(third.json().error.code).toBe('RATE_LIMITED');
      expect((await b.inject({ url: '/api/test/limited', remoteAddress: '192.0.2.78' })).statusCode).toBe(200);
    } finally {
      await a.close();
      await b.close();
    }
  });
});
