import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../../test/harness.js';
import { Scheduler } from './scheduler.js';

describe('Scheduler', () => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv();
  });
  afterAll(async () => env.close());

  it('runs a job once per period across two schedulers sharing the database', async () => {
    const runs: string[] = [];
    const a = new Scheduler(env.ctx);
    const b = new Scheduler(env.ctx);
    for (const [s, who] of [
      [a, 'a'],
      [b, 'b'],
    ] as const) {
      s.register({ name: 'sweep', everyMs: 60_000, run: async () => void runs.push(who) });
    }
    const t0 = new Date('2026-11-23T08:00:00Z');
    expect(await a.tick(t0)).toEqual(['sweep']);
    expect(await b.tick(new Date(t0.getTime() + 30_000))).toEqual([]);
    expect(await b.tick(new Date(t0.getTime() + 60_000))).toEqual(['sweep']);
    expect(runs).toEqual(['a', 'b']);
  });

  it('records a failure and runs again next period', async () => {
    const s = new Scheduler(env.ctx);
    let calls = 0;
    s.register({
      name: 'flaky',
      everyMs: 1000,
      run: async () => {
        calls++;
        if (calls === 1) throw new Error('down');
      },
    });
    const t0 = new Date('2026-11-23T09:00:00Z');
    await s.tick(t0);
    const failed = await env.ctx.db.selectFrom('job_leases').selectAll().where('name', '=', 'flaky').executeTakeFirstOrThrow();
    expect(failed.last_error).toBe('down');
    await s.tick(new Date(t0.getTime() + 1000));
    const ok = await env.ctx.db.selectFrom('job_leases').selectAll().where('name', '=', 'flaky').executeTakeFirstOrThrow();
    expect(ok.last_error).toBeNull();
    expect(ok.run_count).toBe(2);
  });
});
