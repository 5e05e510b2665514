import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { Measure } from './run.js';
import { actorIn, buildCommunity, createTestEnv } from '../apps/api/test/harness.js';
import { ensureCategories } from '../apps/api/src/modules/tickets/categories/categories.service.js';
import { findDuplicates } from '../apps/api/src/modules/tickets/intake/duplicates.js';
import { listTickets } from '../apps/api/src/modules/tickets/reading/tickets.service.js';
import { tokenize } from '../apps/api/src/platform/text/segment.js';
import type { Actor } from '../apps/api/src/platform/access/actor.js';
import type { AppContext } from '../apps/api/src/platform/context.js';
// The bench seeds its own communities.
import { trustedCommunityId } from '../apps/api/src/platform/access/trusted-scope.js';

const phrases = [
  '垃圾中转站异味',
  '楼道堆放杂物',
  '电梯困人',
  '水管漏水',
  '夜间施工噪音',
  '路灯不亮',
  '停车位被占',
  '飞线充电',
  '树枝遮挡采光',
  '下水道堵塞',
  '健身器材损坏',
  '楼顶漏雨',
];
const places = ['1号楼', '2号楼', '3号楼', '西门', '北门', '地下车库', '二单元', '楼道'];
const details = [
  '，已经持续一周',
  '，老人出行不便',
  '，多次反映未解决',
  '，影响休息',
  '，存在安全隐患',
  '，请尽快处理',
  '，孩子放学经过',
  '，物业说不归他们管',
  '，晚上尤其严重',
  '，希望社区协调',
];

const p = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))]!;
const ms = (x: number) => Math.round(x * 10) / 10;
const actorOf = (account: { id: number }, community: { id: number; subdistrictId: number }): Actor => ({
  accountId: account.id,
  role: 'secretary',
  displayName: 'bench',
  communityId: community.id,
  subdistrictId: community.subdistrictId,
  scope: [community.id],
  requestId: crypto.randomUUID(),
  locale: 'zh-CN',
});

/** Duplicate suggestions and search latency, over one community's open tickets and over a city-sized table. */
export async function run(): Promise<Measure[]> {
  return [...(await openTicketsRun()), ...(await scaleRun())];
}

/** Duplicate suggestion and search latency over a community's open tickets (BENCH_OPEN_TICKETS, default 2,000). */
async function openTicketsRun(): Promise<Measure[]> {
  const n = Number(process.env.BENCH_OPEN_TICKETS ?? 2000);
  const env = await createTestEnv();
  try {
    const { community, account } = await actorIn(env, 'secretary');
    const [cat] = await ensureCategories(env.ctx, trustedCommunityId(community.id));
    const rows = [];
    for (let i = 0; i < n; i++) {
      const text = `${places[i % places.length]}${phrases[(i * 7) % phrases.length]}，第${i}次反映`;
      rows.push({
        community_id: community.id,
        code: `B${i}`,
        channel: 'phone',
        category_id: cat!.id,
        status: 'submitted',
        title: text.slice(0, 20),
        description: text,
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
        response_due_at: new Date(),
        resolution_due_at: new Date(),
        first_response_at: null,
        resolved_at: null,
        closed_at: null,
        close_reason: null,
        merged_into_id: null,
        rating: null,
        rating_comment: null,
        rated_at: null,
        result_text: null,
        created_by: null,
        tokens: tokenize(text).join(' '),
      });
      if (rows.length === 500) await env.ctx.db.insertInto('tickets').values(rows.splice(0)).execute();
    }
    if (rows.length) await env.ctx.db.insertInto('tickets').values(rows).execute();
    const actor = actorOf(account, community);
    const { dup, search } = await measure(env.ctx, actor, 200);
    const e = env.ctx.engine;
    return [
      { name: `duplicates_p50_${n}_open_${e}`, value: ms(p(dup, 0.5)), unit: 'ms' },
      { name: `duplicates_p95_${n}_open_${e}`, value: ms(p(dup, 0.95)), unit: 'ms' },
      { name: `search_p95_${n}_tickets_${e}`, value: ms(p(search, 0.95)), unit: 'ms' },
    ];
  } finally {
    await env.close();
  }
}

async function measure(ctx: AppContext, actor: Actor, rounds: number) {
  const dup: number[] = [];
  const search: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    await findDuplicates(ctx, actor, { text: `${places[i % places.length]}的${phrases[i % phrases.length]}很严重` });
    dup.push(performance.now() - t0);
    const t1 = performance.now();
    await listTickets(ctx, actor, { q: phrases[i % phrases.length]!.slice(0, 4), page: 1, pageSize: 20, order: 'desc' });
    search.push(performance.now() - t1);
  }
  return { dup, search };
}

/**
 * BENCH_SEARCH_TICKETS tickets (default 1,000,000 on PostgreSQL, 100,000 on PGlite) over five communities and a year, a
 * few per cent still open, with searchable text; then search and duplicate suggestions in one community. Rows are made
 * by SQL in chunks (the texts tokenized once each in JavaScript). PostgreSQL gets the ANALYZE its autovacuum would run;
 * PGlite runs none, so it gets none.
 */
async function scaleRun(): Promise<Measure[]> {
  const env = await createTestEnv();
  const n = Number(process.env.BENCH_SEARCH_TICKETS ?? (env.ctx.engine === 'postgresql' ? 1_000_000 : 100_000));
  try {
    const { community, account } = await actorIn(env, 'secretary');
    const ids = [community.id];
    for (let i = 0; i < 4; i++) ids.push((await buildCommunity(env.ctx, { subdistrictId: community.subdistrictId })).id);
    const t0 = performance.now();
    await generateTextTickets(env.ctx, ids, n);
    if (env.ctx.engine === 'postgresql') await sql`analyze tickets`.execute(env.ctx.db);
    const genMs = performance.now() - t0;
    const open = await env.ctx.db
      .selectFrom('tickets')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('community_id', '=', community.id)
      .where('status', 'in', ['submitted', 'accepted', 'assigned', 'in_progress', 'escalated'])
      .executeTakeFirstOrThrow();
    const { dup, search } = await measure(env.ctx, actorOf(account, community), 60);
    const e = env.ctx.engine;
    return [
      { name: `search_tickets_generate_${n}_${e}`, value: Math.round(genMs), unit: 'ms' },
      { name: `open_tickets_in_one_community_${n}_${e}`, value: Number(open.n), unit: 'tickets' },
      { name: `duplicates_p50_${n}_tickets_${e}`, value: ms(p(dup, 0.5)), unit: 'ms' },
      { name: `duplicates_p95_${n}_tickets_${e}`, value: ms(p(dup, 0.95)), unit: 'ms' },
      { name: `search_p50_${n}_tickets_${e}`, value: ms(p(search, 0.5)), unit: 'ms' },
      { name: `search_p95_${n}_tickets_${e}`, value: ms(p(search, 0.95)), unit: 'ms' },
    ];
  } finally {
    await env.close();
  }
}

/**
 * Tickets with text over the communities and the last year: 6 % open (submitted, accepted, assigned, in progress),
 * the rest closed, resolved, rejected or merged. Deterministic (a multiplicative hash of the row number).
 */
export async function generateTextTickets(ctx: AppContext, communityIds: number[], n: number): Promise<void> {
  const texts: string[] = [];
  for (const ph of phrases) for (const pl of places) for (const d of details) texts.push(`${pl}${ph}${d}`);
  const tokens = texts.map((t) => tokenize(t).join(' '));
  const cats: number[] = [];
  for (const id of communityIds) cats.push(...(await ensureCategories(ctx, trustedCommunityId(id))).slice(0, 8).map((c) => c.id));
  const k = communityIds.length;
  const chunk = 100_000;
  for (let from = 0; from < n; from += chunk) {
    const to = Math.min(n, from + chunk) - 1;
    await sql`insert into tickets (community_id, code, channel, category_id, status, title, description, tokens, response_due_at, resolution_due_at,
        first_response_at, resolved_at, closed_at, close_reason, rating, created_at)
      select community_id, 'S' || g, 'phone', category_id, status, left(text, 20), text, tokens, created_at + interval '1 day', created_at + interval '7 days',
        case when status <> 'submitted' then created_at + interval '2 hours' end,
        case when status in ('resolved', 'closed') then created_at + interval '2 days' end,
        case when status in ('closed', 'rejected', 'merged') then created_at + interval '3 days' end,
        case status when 'closed' then 'rated' when 'rejected' then 'rejected' when 'merged' then 'merged' end,
        case when status = 'closed' then 'satisfied' end,
        created_at
      from (
        select g, (${communityIds}::bigint[])[1 + (g % ${k})::int] as community_id, (${cats}::bigint[])[1 + (g % ${k})::int * 8 + (h * 13 % 8)::int] as category_id,
          (${texts}::text[])[1 + (h * 7919 % ${texts.length})::int] as text, (${tokens}::text[])[1 + (h * 7919 % ${texts.length})::int] as tokens,
          case when r < 30 then 'submitted' when r < 40 then 'accepted' when r < 50 then 'assigned' when r < 60 then 'in_progress'
            when r < 80 then 'rejected' when r < 90 then 'merged' when r < 130 then 'resolved' else 'closed' end as status,
          now() - (g * 104729 % 1000003)::float8 / 1000003 * interval '365 days' as created_at
        -- h numbers each community's own rows, so that status, text and category do not depend on the community.
        from (select g, g / ${k} as h, g / ${k} * 761 % 1000 as r from generate_series(${from}::bigint, ${to}::bigint) as g) as s
      ) as x`.execute(ctx.db);
  }
}
