import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { Measure } from './run.js';
import { actorIn, buildAccount, createTestEnv, httpAs, type TestEnv } from '../apps/api/test/harness.js';
import { ensureVolunteer } from '../apps/api/src/modules/volunteers/index.js';
import { getBalance, getStatement } from '../apps/api/src/modules/volunteers/points/points.service.js';
import { redeemPerk } from '../apps/api/src/modules/volunteers/points/redemptions.service.js';
import type { Actor } from '../apps/api/src/platform/access/actor.js';
import { AppError } from '../apps/api/src/platform/errors.js';
// The bench seeds its own community.
import { trustedCommunityId } from '../apps/api/src/platform/access/trusted-scope.js';

const p = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))]!;
const ms = (x: number) => Math.round(x * 10) / 10;
const engine = process.env.DATABASE_URL ? 'postgresql' : 'pglite';

type Community = { id: number; subdistrictId: number };
const actorOf = (accountId: number, role: Actor['role'], community: Community): Actor => ({
  accountId,
  role,
  displayName: 'bench',
  communityId: community.id,
  subdistrictId: community.subdistrictId,
  scope: [community.id],
  requestId: crypto.randomUUID(),
  locale: 'zh-CN',
});

/**
 * Points at scale (ADR 0042): a volunteer's balance and monthly statement over BENCH_POINTS_ENTRIES (default 100,000)
 * ledger entries, and 200 redemptions at once of a perk with 50 in stock (exactly 50 must succeed).
 */
export async function run(): Promise<Measure[]> {
  const env = await createTestEnv();
  try {
    return [...(await ledgerRun(env)), ...(await rushRun(env))];
  } finally {
    await env.close();
  }
}

async function volunteerIn(env: TestEnv, community: Community, by: number, name: string) {
  const account = await buildAccount(env.ctx, { role: 'volunteer', communityId: community.id });
  const cid = trustedCommunityId(community.id);
  const id = await env.ctx.db.transaction().execute((trx) => ensureVolunteer(trx, cid, { accountId: account.id, name, by }));
  return { id, accountId: account.id };
}

async function ledgerRun(env: TestEnv): Promise<Measure[]> {
  const n = Number(process.env.BENCH_POINTS_ENTRIES ?? 100_000);
  const calls = Number(process.env.BENCH_POINTS_CALLS ?? 200);
  const sec = await actorIn(env, 'secretary');
  const v = await volunteerIn(env, sec.community, sec.account.id, '刘桂芳');
  // Bench-only bulk insert: n earned/spent entries, one every 45 minutes back from now (~960 a month, ~8.5 years).
  const t0 = performance.now();
  await sql`
    insert into points_entries (community_id, volunteer_id, kind, debit_account, credit_account, amount, delta, reason, occurred_at)
    select ${sec.community.id}, ${v.id},
      case when i % 10 = 0 then 'spent' else 'earned' end,
      case when i % 10 = 0 then ${`volunteer:${v.id}`} else 'community_pool' end,
      case when i % 10 = 0 then 'perk:0' else ${`volunteer:${v.id}`} end,
      1, case when i % 10 = 0 then -1 else 1 end, '压测', now() - (i * interval '45 minutes')
    from generate_series(1, ${n}) as i`.execute(env.ctx.db);
  await sql`vacuum analyze points_entries`.execute(env.ctx.db);
  const seedMs = performance.now() - t0;
  const actor = actorOf(sec.account.id, 'secretary', sec.community);
  const month = new Date(Date.now() + 8 * 3_600_000 - 60 * 86_400_000).toISOString().slice(0, 7);
  const balance: number[] = [];
  const statement: number[] = [];
  let lines = 0;
  for (let i = 0; i < calls; i++) {
    let s = performance.now();
    await getBalance(env.ctx, actor, { volunteerId: v.id });
    balance.push(performance.now() - s);
    s = performance.now();
    lines = (await getStatement(env.ctx, actor, { volunteerId: v.id, month })).entries.length;
    statement.push(performance.now() - s);
  }
  return [
    { name: `points_seed_${n}_entries_${engine}`, value: Math.round(seedMs), unit: 'ms' },
    { name: `points_balance_p50_${engine}`, value: ms(p(balance, 0.5)), unit: 'ms' },
    { name: `points_balance_p95_${engine}`, value: ms(p(balance, 0.95)), unit: 'ms' },
    { name: `points_statement_month_lines_${engine}`, value: lines, unit: 'entries' },
    { name: `points_statement_p50_${engine}`, value: ms(p(statement, 0.5)), unit: 'ms' },
    { name: `points_statement_p95_${engine}`, value: ms(p(statement, 0.95)), unit: 'ms' },
  ];
}

async function rushRun(env: TestEnv): Promise<Measure[]> {
  const people = Number(process.env.BENCH_POINTS_RUSH ?? 200);
  const stock = 50;
  const sec = await actorIn(env, 'secretary');
  const partnerId = (await httpAs(env.app, sec.cookie).post('/api/partners', { name: '老街理发店', kind: 'merchant' })).json().id as number;
  const perk = await httpAs(env.app, sec.cookie).post('/api/perks', {
    partnerId,
    title: '理发一次',
    pricePoints: 10,
    stock,
    validFrom: '2026-01-01',
    validTo: '2099-12-31',
  });
  if (perk.statusCode !== 201) throw new Error(`perk not created: ${perk.body}`);
  const perkId = perk.json().id as number;
  const vols = [];
  for (let i = 0; i < people; i++) vols.push(await volunteerIn(env, sec.community, sec.account.id, `志愿者${i}`));
  await env.ctx.db
    .insertInto('points_entries')
    .values(
      vols.map((v) => ({
        community_id: sec.community.id,
        volunteer_id: v.id,
        kind: 'adjusted' as const,
        debit_account: 'community_pool',
        credit_account: `volunteer:${v.id}`,
        amount: 20,
        delta: 20,
        reason: '压测初始积分',
        author_id: sec.account.id,
        source_kind: null,
        source_id: null,
        reverses_entry_id: null,
      })),
    )
    .execute();
  const t0 = performance.now();
  const results = await Promise.allSettled(vols.map((v) => redeemPerk(env.ctx, actorOf(v.accountId, 'volunteer', sec.community), perkId)));
  const wallMs = performance.now() - t0;
  const ok = results.filter((r) => r.status === 'fulfilled').length;
  const refused = results.filter((r) => r.status === 'rejected' && r.reason instanceof AppError && r.reason.code === 'PERK_OUT_OF_STOCK').length;
  const other = results.length - ok - refused;
  for (const r of results) if (r.status === 'rejected' && !(r.reason instanceof AppError && r.reason.code === 'PERK_OUT_OF_STOCK')) console.error(r.reason);
  const left = await env.ctx.db.selectFrom('perks').select('stock').where('id', '=', perkId).executeTakeFirstOrThrow();
  if (ok !== stock || left.stock !== 0) console.error(`points bench: ${ok} redemptions succeeded of ${stock} in stock, ${left.stock} left`);
  return [
    { name: `points_rush_${people}_for_${stock}_successes_${engine}`, value: ok, unit: 'redemptions' },
    { name: `points_rush_${people}_for_${stock}_refused_${engine}`, value: refused, unit: 'redemptions' },
    { name: `points_rush_${people}_for_${stock}_other_errors_${engine}`, value: other, unit: 'redemptions' },
    { name: `points_rush_${people}_for_${stock}_stock_left_${engine}`, value: left.stock, unit: 'items' },
    { name: `points_rush_${people}_for_${stock}_wall_${engine}`, value: Math.round(wallMs), unit: 'ms' },
  ];
}
