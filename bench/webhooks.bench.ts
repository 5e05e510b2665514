import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { sql } from 'kysely';
import type { Measure } from './run.js';
import { complaints, load, pct, type Load } from './create.bench.js';
import { buildAccount, buildCommunity, TEST_PASSWORD } from '../apps/api/test/harness.js';
import { apiLogin, freePort, freshStorage } from '../e2e/support/server.js';
import { loadConfig } from '../apps/api/src/config.js';
import { bootContext } from '../apps/api/src/boot.js';
import { buildApp } from '../apps/api/src/app.js';
import { moduleSubscribers } from '../apps/api/src/modules/index.js';
import { startWebhookWorker } from '../apps/api/src/modules/webhooks/index.js';
import { ensureCategories } from '../apps/api/src/modules/tickets/categories/categories.service.js';
// The bench seeds its own communities.
import { trustedCommunityId } from '../apps/api/src/platform/access/trusted-scope.js';

const QUEUED = 10_000;

/**
 * Ticket creation with 10,000 undeliverable webhook deliveries queued versus none, in one run (issue 13). Twenty dead
 * endpoints, allowed through WEBHOOK_ALLOW_HOSTS=127.0.0.1: ten on a port nobody listens on (refused at once), ten on a
 * server that accepts and never answers (each call runs into the timeout). Two of them belong to the community that
 * creates the tickets, so every ticket queues two more deliveries in both cases. The delivery worker runs as in
 * production. Short alternating slices: before each, the breakers are reset (so the worker keeps trying) and the queue
 * is either emptied or refilled to 10,000.
 */
export async function run(): Promise<Measure[]> {
  const clients = Number(process.env.BENCH_CREATE_CLIENTS ?? 50);
  const seconds = Number(process.env.BENCH_WEBHOOKS_SECONDS ?? 8);
  const storage = await freshStorage();
  const sockets = new Set<Socket>();
  const hanging = http.createServer(() => undefined);
  hanging.on('connection', (s) => void (sockets.add(s), s.on('close', () => sockets.delete(s))));
  await new Promise<void>((r) => hanging.listen(0, '127.0.0.1', r));
  const closedPort = await freePort();
  const config = loadConfig({ ...process.env, ...storage.env, NODE_ENV: 'production', LINLI_DEMO: '0', LOG_LEVEL: 'silent', WEBHOOK_ALLOW_HOSTS: '127.0.0.1' });
  const { ctx, database } = await bootContext(config);
  try {
    const community = await buildCommunity(ctx, { name: '金港城社区' });
    const other = await buildCommunity(ctx, { name: '东湖社区' });
    const staff = await buildAccount(ctx, { role: 'social_worker', communityId: community.id, username: 'bench_webhooks' });
    const categories = await ensureCategories(ctx, trustedCommunityId(community.id));
    const hookRows = Array.from({ length: 20 }, (_, i) => ({
      community_id: i < 2 ? community.id : other.id,
      name: `dead-${i}`,
      url: i % 2 === 0 ? `http://127.0.0.1:${closedPort}/refused` : `http://127.0.0.1:${(hanging.address() as AddressInfo).port}/hang`,
      format: 'json' as const,
      secret: null,
    }));
    const hooks = await ctx.db.insertInto('webhooks').values(hookRows).returning(['id', 'community_id']).execute();
    const payload = JSON.stringify({
      event: 'ticket.created',
      action: null,
      occurredAt: new Date().toISOString(),
      ticket: { id: 1, code: 'LL0000000', status: 'submitted', statusLabel: '待受理', title: '测试', category: '环境卫生', compound: null, dueAt: '' },
    });
    const resetBreakers = () =>
      sql`update webhooks set consecutive_failures = 0, failing_since = null, backoff_until = null, paused_at = null, pause_reason = null`.execute(ctx.db);
    const emptyQueue = () => sql`delete from webhook_deliveries`.execute(ctx.db);
    const fillQueue = async () => {
      await emptyQueue();
      const ids = sql.join(hooks.map((h) => sql`(${h.id}::bigint, ${h.community_id}::bigint)`));
      await sql`insert into webhook_deliveries (community_id, webhook_id, event, payload, next_attempt_at)
        select h.cid, h.wid, 'ticket.created', ${payload}::jsonb, now()
        from generate_series(1, ${QUEUED}) g join (select row_number() over () - 1 as k, wid, cid from (values ${ids}) v(wid, cid)) h on h.k = g % 20`.execute(
        ctx.db,
      );
    };
    const attempted = async () => Number((await sql<{ n: string }>`select coalesce(sum(attempts), 0) as n from webhook_deliveries`.execute(ctx.db)).rows[0]!.n);

    const app = await buildApp(ctx, { serveWeb: false });
    for (const subscribe of moduleSubscribers) subscribe(ctx);
    const worker = startWebhookWorker(ctx);
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
      const cookie = await apiLogin(base, staff.username, TEST_PASSWORD);
      const bodies = Array.from({ length: 100 }, (_, i) =>
        JSON.stringify({
          channel: 'walk_in',
          categoryId: categories[i % 8]!.id,
          title: complaints[i % complaints.length]!.slice(0, 12),
          description: complaints[i % complaints.length],
        }),
      );
      const headers = { 'content-type': 'application/json', cookie };
      const url = `${base}/api/tickets`;
      await load(url, headers, bodies, clients, 2000);
      // The health check beside the load, five times a second (from this process, so it also feels the event loop).
      const probeHealth = (into: number[]) => {
        let isOn = true;
        const loop = (async () => {
          while (isOn) {
            const t0 = performance.now();
            await (await fetch(`${base}/api/health`)).text();
            into.push(performance.now() - t0);
            await new Promise((r) => setTimeout(r, 200));
          }
        })();
        return async () => {
          isOn = false;
          await loop;
        };
      };
      const healthNone: number[] = [];
      const healthQueued: number[] = [];
      const none: Load[] = [];
      const queued: Load[] = [];
      let attempts = 0;
      for (let slice = 0; slice < 4; slice++) {
        await resetBreakers();
        await emptyQueue();
        let stopProbe = probeHealth(healthNone);
        none.push(await load(url, headers, bodies, clients, (seconds * 1000) / 4));
        await stopProbe();
        await resetBreakers();
        await fillQueue();
        stopProbe = probeHealth(healthQueued);
        queued.push(await load(url, headers, bodies, clients, (seconds * 1000) / 4));
        await stopProbe();
        attempts += await attempted();
      }
      const sum = (ls: Load[]) => ({
        rate: ls.reduce((s, l) => s + l.latencies.length, 0) / (ls.reduce((s, l) => s + l.elapsed, 0) / 1000),
        latencies: ls.flatMap((l) => l.latencies),
        errors: ls.reduce((s, l) => s + l.errors, 0),
        firstError: ls.find((l) => l.firstError)?.firstError,
      });
      const a = sum(none);
      const b = sum(queued);
      if (a.errors || b.errors) console.error(`webhooks bench: ${a.errors} + ${b.errors} errors; first: ${a.firstError ?? b.firstError}`);
      const e = ctx.engine;
      return [
        { name: `create_ticket_rate_no_queue_${clients}c_${e}`, value: Math.round(a.rate), unit: 'req/s' },
        { name: `create_ticket_rate_10k_dead_queued_${clients}c_${e}`, value: Math.round(b.rate), unit: 'req/s' },
        { name: `create_ticket_10k_dead_vs_none_${clients}c_${e}`, value: Math.round((b.rate / a.rate) * 1000) / 10, unit: '%' },
        { name: `create_ticket_p50_no_queue_${clients}c_${e}`, value: Math.round(pct(a.latencies, 0.5) * 10) / 10, unit: 'ms' },
        { name: `create_ticket_p50_10k_dead_queued_${clients}c_${e}`, value: Math.round(pct(b.latencies, 0.5) * 10) / 10, unit: 'ms' },
        { name: `create_ticket_p99_no_queue_${clients}c_${e}`, value: Math.round(pct(a.latencies, 0.99) * 10) / 10, unit: 'ms' },
        { name: `create_ticket_p99_10k_dead_queued_${clients}c_${e}`, value: Math.round(pct(b.latencies, 0.99) * 10) / 10, unit: 'ms' },
        { name: `health_p50_no_queue_${e}`, value: Math.round(pct(healthNone, 0.5) * 10) / 10, unit: 'ms' },
        { name: `health_p50_10k_dead_queued_${e}`, value: Math.round(pct(healthQueued, 0.5) * 10) / 10, unit: 'ms' },
        { name: `webhook_attempts_during_queued_slices_${e}`, value: attempts, unit: 'attempts' },
      ];
    } finally {
      await worker.stop();
      await app.close();
    }
  } finally {
    for (const s of sockets) s.destroy();
    await new Promise((r) => hanging.close(r));
    await database.close();
    await storage.dispose();
  }
}
