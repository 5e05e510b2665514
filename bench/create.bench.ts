import { Worker } from 'node:worker_threads';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import type { Measure } from './run.js';
import { buildAccount, buildCommunity, TEST_PASSWORD } from '../apps/api/test/harness.js';
import { apiLogin, freshStorage } from '../e2e/support/server.js';
import { loadConfig } from '../apps/api/src/config.js';
import { bootContext } from '../apps/api/src/boot.js';
import { buildApp } from '../apps/api/src/app.js';
import { moduleSubscribers } from '../apps/api/src/modules/index.js';
import { ensureCategories } from '../apps/api/src/modules/tickets/categories/categories.service.js';
// The bench seeds its own communities.
import { trustedCommunityId } from '../apps/api/src/platform/access/trusted-scope.js';

/**
 * The load: CLIENTS keep-alive fetch loops in a worker thread, so that the clients do not share the server's event loop.
 * Each sends its request, waits for the answer and sends the next until the deadline. Plain JavaScript (an eval'd worker).
 */
const clientCode = `
const { parentPort, workerData } = require('node:worker_threads');
const { url, headers, bodies, clients, ms } = workerData;
(async () => {
  const latencies = [];
  let errors = 0;
  let firstError = null;
  const t0 = performance.now();
  const deadline = t0 + ms;
  let next = 0;
  await Promise.all(Array.from({ length: clients }, async () => {
    while (performance.now() < deadline) {
      const body = bodies[next++ % bodies.length];
      const a = performance.now();
      try {
        const res = await fetch(url, { method: 'POST', headers, body });
        const text = await res.text();
        if (res.status === 201) latencies.push(performance.now() - a);
        else { errors++; firstError ??= res.status + ' ' + text.slice(0, 300); }
      } catch (err) {
        errors++; firstError ??= String(err);
      }
    }
  }));
  parentPort.postMessage({ latencies, errors, firstError, elapsed: performance.now() - t0 });
})();
`;

export interface Load {
  latencies: number[];
  errors: number;
  firstError: string | null;
  elapsed: number;
}

export function load(url: string, headers: Record<string, string>, bodies: string[], clients: number, ms: number): Promise<Load> {
  return new Promise((resolve, reject) => {
    const w = new Worker(clientCode, { eval: true, workerData: { url, headers, bodies, clients, ms } });
    w.once('message', resolve);
    w.once('error', reject);
  });
}

export const pct = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))] ?? NaN;
export const complaints = [
  '垃圾中转站夏天异味很大，早上清运时噪音也大',
  '楼道里堆放了很多纸箱和旧家具，影响通行',
  '电梯经常停在半层，老人出行不便',
  '地下车库有人飞线充电，存在安全隐患',
  '路灯坏了一个多月，晚上回家很黑',
];

/**
 * Ticket creation at the desk over real HTTP: BENCH_CREATE_CLIENTS concurrent staff clients (default 50) posting
 * POST /api/tickets for BENCH_CREATE_SECONDS (default 12), beside a bare route of the same app that inserts one row into a
 * scratch table, measured in the same run for as long (four alternating slices each). The app is the real one (the engine
 * under test, the PostgreSQL pool of the server, the domain-event subscribers), listening on a port in this process.
 */
export async function run(): Promise<Measure[]> {
  const clients = Number(process.env.BENCH_CREATE_CLIENTS ?? 50);
  const seconds = Number(process.env.BENCH_CREATE_SECONDS ?? 12);
  const storage = await freshStorage();
  const { ctx, database } = await bootContext(loadConfig({ ...process.env, ...storage.env, NODE_ENV: 'production', LINLI_DEMO: '0', LOG_LEVEL: 'silent' }));
  try {
    const community = await buildCommunity(ctx, { name: '金港城社区' });
    const staff = await buildAccount(ctx, { role: 'social_worker', communityId: community.id, username: 'bench_shegong' });
    const categories = await ensureCategories(ctx, trustedCommunityId(community.id));
    const compound = await ctx.db
      .insertInto('compounds')
      .values({ community_id: community.id, name: '金海花园', address: null, grid_id: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await sql`create table bench_scratch (id bigint generated always as identity primary key, body text not null, created_at timestamptz not null default now())`.execute(
      ctx.db,
    );

    const app = await buildApp(ctx, { serveWeb: false });
    for (const subscribe of moduleSubscribers) subscribe(ctx);
    // Only in the bench: the floor the ticket route is compared with, one insert behind the same HTTP stack.
    const bareInsert = async (request: { body: unknown }, reply: { status(code: number): { send(body: unknown): unknown } }) => {
      const body = request.body as { description?: string };
      const row = await sql<{ id: number }>`insert into bench_scratch (body) values (${String(body.description ?? '')}) returning id`.execute(ctx.db);
      return reply.status(201).send({ id: row.rows[0]!.id });
    };
    app.post('/bench/bare', { config: { public: true }, schema: { hide: true } }, bareInsert);
    // The same insert behind the session check every staff route makes: what the ticket logic itself costs beyond it.
    app.post('/bench/bare-auth', { schema: { hide: true } }, bareInsert);
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
      const cookie = await apiLogin(base, staff.username, TEST_PASSWORD);
      const bodies = Array.from({ length: 100 }, (_, i) =>
        JSON.stringify({
          channel: 'walk_in',
          categoryId: categories[i % 8]!.id,
          compoundId: compound.id,
          title: complaints[i % complaints.length]!.slice(0, 12),
          description: complaints[i % complaints.length],
          reporterName: '王阿姨',
          reporterPhone: `1389310${String(i).padStart(4, '0')}`,
        }),
      );
      const headers = { 'content-type': 'application/json', cookie };
      // Warm both paths (JIT, pool connections, plans), then alternate so that both see the same machine.
      await load(`${base}/bench/bare`, headers, bodies, clients, 2000);
      await load(`${base}/api/tickets`, headers, bodies, clients, 2000);
      await load(`${base}/bench/bare-auth`, headers, bodies, clients, 1000);
      const bare: Load[] = [];
      const bareAuth: Load[] = [];
      const ticket: Load[] = [];
      // Short alternating slices: on a shared machine the load of others then weighs on both paths alike.
      for (let slice = 0; slice < 4; slice++) {
        bare.push(await load(`${base}/bench/bare`, headers, bodies, clients, (seconds * 1000) / 4));
        ticket.push(await load(`${base}/api/tickets`, headers, bodies, clients, (seconds * 1000) / 4));
        bareAuth.push(await load(`${base}/bench/bare-auth`, headers, bodies, clients, (seconds * 1000) / 8));
      }
      const sum = (ls: Load[]) => ({
        rate: ls.reduce((s, l) => s + l.latencies.length, 0) / (ls.reduce((s, l) => s + l.elapsed, 0) / 1000),
        latencies: ls.flatMap((l) => l.latencies),
        errors: ls.reduce((s, l) => s + l.errors, 0),
        firstError: ls.find((l) => l.firstError)?.firstError,
      });
      const b = sum(bare);
      const ba = sum(bareAuth);
      const t = sum(ticket);
      if (b.errors || t.errors) console.error(`create bench: ${b.errors} bare and ${t.errors} ticket errors; first: ${b.firstError ?? t.firstError}`);
      const e = ctx.engine;
      return [
        { name: `create_ticket_rate_${clients}c_${e}`, value: Math.round(t.rate), unit: 'req/s' },
        { name: `create_ticket_p50_${clients}c_${e}`, value: Math.round(pct(t.latencies, 0.5) * 10) / 10, unit: 'ms' },
        { name: `create_ticket_p99_${clients}c_${e}`, value: Math.round(pct(t.latencies, 0.99) * 10) / 10, unit: 'ms' },
        { name: `bare_insert_rate_${clients}c_${e}`, value: Math.round(b.rate), unit: 'req/s' },
        { name: `bare_insert_p50_${clients}c_${e}`, value: Math.round(pct(b.latencies, 0.5) * 10) / 10, unit: 'ms' },
        { name: `bare_insert_p99_${clients}c_${e}`, value: Math.round(pct(b.latencies, 0.99) * 10) / 10, unit: 'ms' },
        { name: `create_ticket_vs_bare_${clients}c_${e}`, value: Math.round((t.rate / b.rate) * 1000) / 10, unit: '%' },
        { name: `bare_insert_with_session_rate_${clients}c_${e}`, value: Math.round(ba.rate), unit: 'req/s' },
        { name: `create_ticket_vs_bare_with_session_${clients}c_${e}`, value: Math.round((t.rate / ba.rate) * 1000) / 10, unit: '%' },
      ];
    } finally {
      await app.close();
    }
  } finally {
    await database.close();
    await storage.dispose();
  }
}
