import { sql } from 'kysely';
import type { Measure } from './run.js';
import { createTestEnv } from '../apps/api/test/harness.js';
import { assertNotLocked, consumeLimit } from '../apps/api/src/platform/limits/limits.js';

/**
 * The cost of a limiter check (ADR 0011): one upsert of a database counter per limited request, against the engine under
 * test, measured in-process without HTTP. Keys rotate over 1,000 addresses so the table holds a realistic number of rows.
 */
export async function run(): Promise<Measure[]> {
  const engine = process.env.DATABASE_URL ? 'postgresql' : 'pglite';
  const env = await createTestEnv();
  try {
    const n = 5000;
    const time = async (fn: (i: number) => Promise<unknown>) => {
      for (let i = 0; i < 200; i++) await fn(i);
      const t0 = performance.now();
      for (let i = 0; i < n; i++) await fn(i);
      return ((performance.now() - t0) * 1000) / n;
    };
    // The floor for comparison: the cheapest round trip to the same engine.
    const roundTrip = await time(() => sql`select 1`.execute(env.ctx.db));
    const consume = await time((i) => consumeLimit(env.ctx.db, { key: `bench:address:10.0.${(i % 1000) >> 8}.${i % 256}`, max: 1e9, windowMs: 60_000 }));
    const lockCheck = await time((i) => assertNotLocked(env.ctx.db, [`login:account:${i % 1000}`, `login:address:10.1.0.${i % 256}`]));
    return [
      { name: `rate_limit_baseline_select_1_${engine}`, value: Math.round(roundTrip), unit: 'µs' },
      { name: `rate_limit_consume_${engine}`, value: Math.round(consume), unit: 'µs' },
      { name: `rate_limit_lock_check_${engine}`, value: Math.round(lockCheck), unit: 'µs' },
    ];
  } finally {
    await env.close();
  }
}
