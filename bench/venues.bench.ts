import crypto from 'node:crypto';
import type { Measure } from './run.js';
import { buildAccount, buildCommunity } from '../apps/api/test/harness.js';
import { freshStorage } from '../e2e/support/server.js';
import { loadConfig } from '../apps/api/src/config.js';
import { bootContext } from '../apps/api/src/boot.js';
import type { Actor } from '../apps/api/src/platform/access/actor.js';
import { AppError } from '../apps/api/src/platform/errors.js';
import { createBooking } from '../apps/api/src/modules/activities/venues/bookings.service.js';

/**
 * No double booking under concurrency (issue 11, ADR 0047): BENCH_BOOKINGS (default 100) requests for one slot of one
 * venue at once, through the service the console uses (pre-check, then the exclusion constraint settles the race).
 * Repeated over BENCH_BOOKING_ROUNDS slots (default 5); reports successes and conflicts per round (exactly 1 and n − 1
 * expected), anything else refused, and the wall time of a round.
 */
export async function run(): Promise<Measure[]> {
  const n = Number(process.env.BENCH_BOOKINGS ?? 100);
  const rounds = Number(process.env.BENCH_BOOKING_ROUNDS ?? 5);
  const storage = await freshStorage();
  const engine = storage.engine;
  const env = { ...storage.env, LINLI_DEMO: '0', LOG_LEVEL: 'silent' };
  try {
    const { ctx, database } = await bootContext(loadConfig({ ...process.env, ...env }));
    try {
      const community = await buildCommunity(ctx);
      const cid = community.id;
      const account = await buildAccount(ctx, { role: 'social_worker', communityId: cid });
      const actor: Actor = {
        accountId: account.id,
        role: 'social_worker',
        displayName: 'bench',
        communityId: cid,
        subdistrictId: community.subdistrictId,
        scope: [cid],
        requestId: crypto.randomUUID(),
        locale: 'zh-CN',
      };
      const hours = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens: '08:00', closes: '22:00' }));
      const venue = await ctx.db
        .insertInto('venues')
        .values({ community_id: cid, name: '社区公社排练厅', kind: 'hall', capacity: 40, opening_hours: JSON.stringify(hours), bookable_by: ['team'] })
        .returning('id')
        .executeTakeFirstOrThrow();
      const wins: number[] = [];
      const conflicts: number[] = [];
      const others: number[] = [];
      const times: number[] = [];
      for (let round = 0; round < rounds; round++) {
        const day = `2027-03-${String(1 + round).padStart(2, '0')}`;
        const t0 = performance.now();
        const results = await Promise.allSettled(
          Array.from({ length: n }, (_, i) =>
            createBooking(ctx, actor, {
              venueId: venue.id,
              startsAt: `${day}T19:00:00+08:00`,
              endsAt: `${day}T20:30:00+08:00`,
              purpose: `排练 ${i + 1}`,
              bookerKind: 'staff',
            }),
          ),
        );
        times.push(performance.now() - t0);
        wins.push(results.filter((r) => r.status === 'fulfilled').length);
        const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
        conflicts.push(refused.filter((e) => e instanceof AppError && e.code === 'BOOKING_CONFLICT').length);
        others.push(refused.filter((e) => !(e instanceof AppError && e.code === 'BOOKING_CONFLICT')).length);
      }
      const live = await ctx.db
        .selectFrom('venue_bookings')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('venue_id', '=', venue.id)
        .where('status', 'in', ['requested', 'approved'])
        .executeTakeFirstOrThrow();
      times.sort((a, b) => a - b);
      return [
        { name: `venues.concurrent_requests_per_slot_${engine}`, value: n, unit: 'requests' },
        { name: `venues.rounds_${engine}`, value: rounds, unit: 'slots' },
        { name: `venues.successes_min_${engine}`, value: Math.min(...wins), unit: 'bookings' },
        { name: `venues.successes_max_${engine}`, value: Math.max(...wins), unit: 'bookings' },
        { name: `venues.conflicts_min_${engine}`, value: Math.min(...conflicts), unit: 'refusals' },
        { name: `venues.other_errors_${engine}`, value: others.reduce((s, x) => s + x, 0), unit: 'errors' },
        { name: `venues.live_bookings_after_${engine}`, value: Number(live.n), unit: 'rows' },
        { name: `venues.round_wall_median_${engine}`, value: Math.round(times[Math.floor(times.length / 2)]!), unit: 'ms' },
        { name: `venues.round_wall_max_${engine}`, value: Math.round(times[times.length - 1]!), unit: 'ms' },
      ];
    } finally {
      await database.close();
    }
  } finally {
    await storage.dispose();
  }
}

// `npx tsx bench/venues.bench.ts` runs this bench alone.
if (process.argv[1]?.endsWith('venues.bench.ts')) for (const m of await run()) console.log(JSON.stringify(m));
