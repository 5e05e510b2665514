// `DATABASE_URL=postgres://… npx tsx bench/care.ts`: the morning check-in sweep over 50,000 care recipients and the
// today board's latency. Prints one JSON line per measure {"name","value","unit"}; never fails (targets in ADR 0040:
// sweep under 10 s on PostgreSQL, board p95 under 200 ms).
import { sql } from 'kysely';
import { actorIn, buildCommunity, createTestEnv, engineUnderTest } from '../apps/api/test/harness.js';
import { sweepCheckins } from '../apps/api/src/modules/care/checkins/sweep.js';
import { beijingDate } from '../apps/api/src/platform/time.js';

const N = Number(process.env.BENCH_CARE_RECIPIENTS ?? 50_000);
// 500 people in care per community is a large one (理工大 has 75).
const COMMUNITIES = 100;
const print = (name: string, value: number, unit: string) => console.log(JSON.stringify({ name, value: Math.round(value * 10) / 10, unit }));

const env = await createTestEnv();
try {
  const { db } = env.ctx;
  const communities = [];
  for (let i = 0; i < COMMUNITIES; i++) communities.push(await buildCommunity(env.ctx));
  const per = Math.ceil(N / COMMUNITIES);
  for (const c of communities) {
    await sql`insert into residents (community_id, name) select ${c.id}, '老人' || g from generate_series(1, ${per}) g`.execute(db);
    await sql`insert into care_recipients (community_id, resident_id, tier) select community_id, id, 'high' from residents where community_id = ${c.id}`.execute(
      db,
    );
    await sql`insert into care_checkin_plans (community_id, recipient_id, due_by) select community_id, id, '10:00' from care_recipients where community_id = ${c.id}`.execute(
      db,
    );
  }
  const day = beijingDate(new Date());
  const at = (hhmm: string) => new Date(`${day}T${hhmm}:00+08:00`);

  // 06:00: today's rows for everyone, in one statement.
  let t0 = performance.now();
  const opened = await sweepCheckins(env.ctx, at('06:00'));
  print(`care.sweep_open_${opened.opened}`, performance.now() - t0, 'ms');
  // Most check in before 10:00; 2 % do not, and the 10:00 sweep takes their first step.
  await sql`update care_checkin_days set status = 'done', checked_in_at = due_at - interval '1 hour', via = 'link', next_step_at = null where day = ${day}::date and id % 50 <> 0`.execute(
    db,
  );
  t0 = performance.now();
  const climbed = await sweepCheckins(env.ctx, at('10:00'));
  print(`care.sweep_ladder_${climbed.steps}_steps`, performance.now() - t0, 'ms');
  t0 = performance.now();
  await sweepCheckins(env.ctx, at('10:01'));
  print('care.sweep_idle', performance.now() - t0, 'ms');

  // The board of one community of N / 100 people, as its secretary asks for it.
  const sec = await actorIn(env, 'secretary', communities[0]!);
  const times: number[] = [];
  for (let i = 0; i < 40; i++) {
    const s = performance.now();
    const res = await env.app.inject({ method: 'GET', url: '/api/check-ins/today', headers: { cookie: sec.cookie } });
    if (res.statusCode !== 200) throw new Error(`today answered ${res.statusCode}`);
    times.push(performance.now() - s);
  }
  times.sort((a, b) => a - b);
  print(`care.today_p95_${per}_people_${engineUnderTest}`, times[Math.floor(times.length * 0.95)]!, 'ms');
  print('care.today_p50', times[Math.floor(times.length / 2)]!, 'ms');
} finally {
  await env.close();
}
