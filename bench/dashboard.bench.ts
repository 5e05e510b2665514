import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { Measure } from './run.js';
import { actorIn, buildCommunity, createTestEnv } from '../apps/api/test/harness.js';
import { ensureCategories } from '../apps/api/src/modules/tickets/categories/categories.service.js';
import { communityDashboard, subdistrictDashboard } from '../apps/api/src/modules/ledger/dashboard.service.js';
import { foldRollup } from '../apps/api/src/modules/tickets/reports/rollup.repository.js';
import type { Actor } from '../apps/api/src/platform/access/actor.js';
import type { AppContext } from '../apps/api/src/platform/context.js';
// The bench seeds its own communities.
import { trustedCommunityId } from '../apps/api/src/platform/access/trusted-scope.js';

const DAY = 86_400_000;
const channels = ['walk_in', 'meeting', 'door_visit', 'phone', 'online', 'hotline', 'group_chat', 'patrol'];

/**
 * Generates N tickets over a subdistrict of five communities spread over the last year, with a realistic mix: most closed
 * and rated (about 90 % satisfied or basically), some open, some overdue, some rejected or merged. Batches of 1,000 rows.
 */
export async function generateTickets(ctx: AppContext, communityIds: number[], n: number, seed = 42): Promise<void> {
  let s = seed;
  // 32-bit integer arithmetic: in doubles the product loses its low bits and the sequence falls into a short cycle.
  const rand = () => (s = (Math.imul(s, 1103515245) + 12345) & 0x7fffffff) / 2147483648;
  const cats = new Map<number, Awaited<ReturnType<typeof ensureCategories>>>();
  for (const id of communityIds) cats.set(id, await ensureCategories(ctx, trustedCommunityId(id)));
  const now = Date.now();
  for (let i = 0; i < n; i += 1000) {
    const rows = [];
    for (let k = i; k < Math.min(n, i + 1000); k++) {
      const cid = communityIds[k % communityIds.length]!;
      const cat = cats.get(cid)![Math.floor(rand() * 8)]!;
      const created = new Date(now - rand() * 365 * DAY);
      const respondedIn = rand() < 0.92 ? rand() * cat.response_hours * 0.9 : cat.response_hours * (1 + rand());
      const r = rand();
      const status = r < 0.04 ? 'submitted' : r < 0.08 ? 'in_progress' : r < 0.1 ? 'rejected' : r < 0.11 ? 'merged' : r < 0.15 ? 'resolved' : 'closed';
      const resolvedAt = ['resolved', 'closed'].includes(status) ? new Date(created.getTime() + rand() * cat.resolution_hours * 1.2 * 3600_000) : null;
      const rating = status === 'closed' ? (rand() < 0.1 ? null : rand() < 0.9 ? (rand() < 0.7 ? 'satisfied' : 'basically_satisfied') : 'dissatisfied') : null;
      rows.push({
        community_id: cid,
        code: `G${seed}-${k}`,
        channel: channels[Math.floor(rand() * channels.length)]!,
        category_id: cat.id,
        status,
        title: '生成的诉求',
        description: '用于基准测试的诉求内容',
        compound_id: null,
        building_id: null,
        address_text: null,
        reporter_resident_id: null,
        reporter_name: null,
        reporter_phone_enc: null,
        reporter_phone_masked: null,
        reporter_phone_hash: null,
        meeting_title: null,
        assignee_kind: null,
        assignee_id: null,
        escalated_to_partner_id: null,
        escalation_due_at: null,
        response_due_at: new Date(created.getTime() + cat.response_hours * 3600_000),
        resolution_due_at: new Date(created.getTime() + cat.resolution_hours * 3600_000),
        first_response_at: status === 'submitted' ? null : new Date(created.getTime() + respondedIn * 3600_000),
        resolved_at: resolvedAt,
        closed_at: ['closed', 'rejected', 'merged'].includes(status) ? new Date((resolvedAt ?? created).getTime() + DAY) : null,
        close_reason: status === 'closed' ? (rating ? 'rated' : 'unrated_timeout') : status === 'rejected' ? 'rejected' : status === 'merged' ? 'merged' : null,
        merged_into_id: null,
        rating,
        rating_comment: null,
        rated_at: rating ? resolvedAt : null,
        result_text: null,
        created_by: null,
        created_at: created,
      });
    }
    await ctx.db.insertInto('tickets').values(rows).execute();
  }
  // What the fold job does every 30 s in the server.
  await foldRollup(ctx.db);
  await sql`analyze tickets, ticket_daily_counts, ticket_count_deltas, ticket_deadlines`.execute(ctx.db);
}

const pct = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))]!;

/** Dashboard p50/p95 over a year, for one community and for the subdistrict, at BENCH_TICKETS (1M on PostgreSQL, 100k on PGlite). */
export async function run(): Promise<Measure[]> {
  const env = await createTestEnv();
  const n = Number(process.env.BENCH_TICKETS ?? (env.ctx.engine === 'postgresql' ? 1_000_000 : 100_000));
  try {
    const first = await buildCommunity(env.ctx);
    const ids = [first.id];
    for (let i = 0; i < 4; i++) ids.push((await buildCommunity(env.ctx, { subdistrictId: first.subdistrictId })).id);
    const t0 = performance.now();
    await generateTickets(env.ctx, ids, n);
    const genMs = performance.now() - t0;
    const { account } = await actorIn(env, 'subdistrict_admin', first);
    const actor: Actor = {
      accountId: account.id,
      role: 'subdistrict_admin',
      displayName: 'bench',
      communityId: null,
      subdistrictId: first.subdistrictId,
      scope: ids,
      requestId: crypto.randomUUID(),
      locale: 'zh-CN',
    };
    const one: number[] = [];
    const sub: number[] = [];
    for (let i = 0; i < 30; i++) {
      const a = performance.now();
      await communityDashboard(env.ctx, actor, { communityId: ids[i % ids.length] });
      one.push(performance.now() - a);
      const b = performance.now();
      await subdistrictDashboard(env.ctx, actor, {});
      sub.push(performance.now() - b);
    }
    const e = env.ctx.engine;
    return [
      { name: `tickets_generate_${n}_${e}`, value: Math.round(genMs), unit: 'ms' },
      { name: `dashboard_community_p50_${n}_${e}`, value: Math.round(pct(one, 0.5)), unit: 'ms' },
      { name: `dashboard_community_p95_${n}_${e}`, value: Math.round(pct(one, 0.95)), unit: 'ms' },
      { name: `dashboard_subdistrict_p50_${n}_${e}`, value: Math.round(pct(sub, 0.5)), unit: 'ms' },
      { name: `dashboard_subdistrict_p95_${n}_${e}`, value: Math.round(pct(sub, 0.95)), unit: 'ms' },
    ];
  } finally {
    await env.close();
  }
}
