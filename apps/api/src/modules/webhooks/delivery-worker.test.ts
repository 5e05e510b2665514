import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorIn, createTestEnv, type TestEnv } from '../../../test/harness.js';
import { defaultLimits, DeliveryWorker } from './delivery-worker.js';
import { subscribeWebhooks } from './index.js';
import { drainOutbox } from '../../../test/jobs.js';
import { enqueueTicketEvent } from './webhooks.service.js';

/** A receiver on 127.0.0.1 that records each request, answers after `delayMs` (or never), and tracks concurrency per path. */
function startReceiver() {
  const seen: string[] = [];
  const open = new Map<string, number>();
  const peak = new Map<string, number>();
  let peakTotal = 0;
  let openTotal = 0;
  const hanging: http.ServerResponse[] = [];
  const server = http.createServer((req, res) => {
    const path = req.url!.split('?')[0]!;
    seen.push(path);
    open.set(path, (open.get(path) ?? 0) + 1);
    peak.set(path, Math.max(peak.get(path) ?? 0, open.get(path)!));
    peakTotal = Math.max(peakTotal, ++openTotal);
    const done = () => {
      open.set(path, open.get(path)! - 1);
      openTotal--;
    };
    req.resume();
    if (path.startsWith('/hang')) {
      hanging.push(res);
      res.on('close', done);
      return;
    }
    setTimeout(() => {
      done();
      res.writeHead(200).end('ok');
    }, 150);
  });
  return {
    seen,
    peak,
    get peakTotal() {
      return peakTotal;
    },
    async listen() {
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      return (server.address() as AddressInfo).port;
    },
    close: () =>
      new Promise((r) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(r);
      }),
  };
}

async function ticketIn(env: TestEnv, cookie: string) {
  const cats = (await env.app.inject({ url: '/api/ticket-categories', headers: { cookie } })).json().items;
  return env.app.inject({
    method: 'POST',
    url: '/api/tickets',
    headers: { cookie },
    payload: { channel: 'phone', categoryId: cats[0].id, title: '路灯不亮', description: '三号楼前路灯坏了' },
  });
}

describe('webhooks without an allow-list: nothing inward, at save or at delivery', () => {
  let env: TestEnv;
  const receiver = startReceiver();
  let port: number;
  beforeAll(async () => {
    env = await createTestEnv();
    port = await receiver.listen();
  });
  afterAll(async () => {
    await receiver.close();
    await env.close();
  });

  it('refuses loopback, localhost, the metadata address, IPv6 loopback and private networks, naming the url field', async () => {
    const sec = await actorIn(env, 'secretary');
    const send = (method: 'POST' | 'PATCH', url: string, payload: object, lang = 'zh-CN') =>
      env.app.inject({ method, url, headers: { cookie: sec.cookie, 'accept-language': lang }, payload });
    for (const url of [
      `http://127.0.0.1:${port}/x`,
      'http://localhost:8080/x',
      'http://169.254.169.254/latest/meta-data/',
      'http://[::1]:3000/x',
      'http://10.0.0.5/x',
      'http://192.168.1.10/x',
      'http://2130706433/x',
    ]) {
      const res = await send('POST', '/api/webhooks', { name: '探测', url, format: 'json' });
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.details.fields, url).toEqual([
        expect.objectContaining({
          field: 'url',
          rule: 'not_public_address',
          message: expect.stringContaining('网址必须是互联网上可访问的 http 或 https 地址'),
        }),
      ]);
    }
    const en = await send('POST', '/api/webhooks', { name: 'probe', url: 'http://127.0.0.1/', format: 'json' }, 'en');
    expect(en.json().error.details.fields[0].message).toContain('URL must be an http or https address on the public internet');
    const ok = await send('POST', '/api/webhooks', { name: '企业微信', url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k', format: 'wecom' });
    expect(ok.statusCode).toBe(201);
    expect((await send('PATCH', `/api/webhooks/${ok.json().id}`, { url: 'http://169.254.169.254/' })).statusCode).toBe(400);
    expect(await env.ctx.db.selectFrom('webhooks').select('url').where('id', '=', ok.json().id).executeTakeFirstOrThrow()).toEqual({
      url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k',
    });
  });

  it('refuses at delivery a name that resolves inward and an address saved before the policy, sends nothing, and pauses the webhook', async () => {
    const sec = await actorIn(env, 'secretary');
    // Rows as an older version (or a name that changed its DNS) would have left them: the save-time check never saw them.
    const planted = await env.ctx.db
      .insertInto('webhooks')
      .values([
        { community_id: sec.community.id, name: 'rebound', url: `http://localhost:${port}/inward`, format: 'json', secret: null },
        { community_id: sec.community.id, name: 'literal', url: `http://127.0.0.1:${port}/literal`, format: 'json', secret: null },
      ])
      .returning('id')
      .execute();
    const t = (await ticketIn(env, sec.cookie)).json();
    expect(await enqueueTicketEvent(env.ctx, { communityId: sec.community.id, ticketId: t.id })).toBe(2);
    expect(await new DeliveryWorker(env.ctx).runOnce()).toBe(2);
    expect(receiver.seen).toEqual([]);
    for (const { id } of planted) {
      const log = (await env.app.inject({ url: `/api/webhooks/${id}/deliveries`, headers: { cookie: sec.cookie } })).json().items;
      expect(log[0]).toMatchObject({ status: 'failed', attempts: 1, lastError: expect.stringMatching(/^refused: .*not a public/) });
    }
    const hooks = (await env.app.inject({ url: '/api/webhooks', headers: { cookie: sec.cookie } })).json().items;
    expect(hooks.map((h: { pauseReason: string }) => h.pauseReason)).toEqual(['address_refused', 'address_refused']);
  });
});

describe('delivery off the request path, concurrent within limits', () => {
  let env: TestEnv;
  const receiver = startReceiver();
  let base: string;
  beforeAll(async () => {
    env = await createTestEnv({ WEBHOOK_ALLOW_HOSTS: '127.0.0.1' });
    subscribeWebhooks(env.ctx);
    base = `http://127.0.0.1:${await receiver.listen()}`;
  });
  afterAll(async () => {
    await receiver.close();
    await env.close();
  });

  it('creates tickets without waiting for, or starting, any delivery, even to a receiver that hangs', async () => {
    const sec = await actorIn(env, 'secretary');
    await env.app.inject({
      method: 'POST',
      url: '/api/webhooks',
      headers: { cookie: sec.cookie },
      payload: { name: 'hang', url: `${base}/hang`, format: 'json' },
    });
    const worker = new DeliveryWorker(env.ctx, { ...defaultLimits, timeoutMs: 3000 });
    const timings: number[] = [];
    const create = async () => {
      const t0 = performance.now();
      expect((await ticketIn(env, sec.cookie)).statusCode).toBe(201);
      timings.push(performance.now() - t0);
    };
    for (let i = 0; i < 3; i++) await create();
    // The events, dispatched from the outbox, queued their deliveries; nothing was sent by the requests or their events.
    await drainOutbox(env.ctx);
    await expect
      .poll(async () => (await env.ctx.db.selectFrom('webhook_deliveries').select('id').where('community_id', '=', sec.community.id).execute()).length)
      .toBe(3);
    await new Promise((r) => setTimeout(r, 200));
    expect(receiver.seen).toEqual([]);
    // The worker sends two (the per-endpoint limit); they hang, and ticket creation goes on as fast.
    let isSettled = false;
    const sending = worker.runOnce().finally(() => (isSettled = true));
    await expect.poll(() => receiver.seen.length).toBe(2);
    for (let i = 0; i < 3; i++) await create();
    expect(isSettled).toBe(false);
    expect(Math.max(...timings)).toBeLessThan(2000);
    expect(await sending).toBe(2);
    const log = await env.ctx.db
      .selectFrom('webhook_deliveries')
      .select(['last_error', 'attempts'])
      .where('community_id', '=', sec.community.id)
      .where('attempts', '>', 0)
      .execute();
    expect(log).toEqual([
      { last_error: 'timed out after 3000 ms', attempts: 1 },
      { last_error: 'timed out after 3000 ms', attempts: 1 },
    ]);
  });

  it('sends to several endpoints at once, never more than two to one endpoint, nor more than the global cap', async () => {
    const sec = await actorIn(env, 'secretary');
    const hooks = [];
    for (const name of ['a', 'b', 'c']) {
      hooks.push(
        (
          await env.app.inject({
            method: 'POST',
            url: '/api/webhooks',
            headers: { cookie: sec.cookie },
            payload: { name, url: `${base}/slow-${name}`, format: 'json' },
          })
        ).json(),
      );
    }
    const t = (await ticketIn(env, sec.cookie)).json();
    await drainOutbox(env.ctx);
    await expect
      .poll(async () => (await env.ctx.db.selectFrom('webhook_deliveries').select('id').where('community_id', '=', sec.community.id).execute()).length)
      .toBe(3);
    for (let i = 0; i < 5; i++) await enqueueTicketEvent(env.ctx, { communityId: sec.community.id, ticketId: t.id, action: 'note' });
    const worker = new DeliveryWorker(env.ctx, { globalLimit: 5, perEndpoint: 2, timeoutMs: 2000, pollMs: 20 });
    worker.start();
    try {
      await expect.poll(() => receiver.seen.filter((p) => p.startsWith('/slow-')).length, { timeout: 15_000 }).toBe(18);
    } finally {
      await worker.stop();
    }
    expect(['a', 'b', 'c'].map((n) => receiver.peak.get(`/slow-${n}`))).toEqual([2, 2, 2]);
    expect(worker.peakPerEndpoint).toBe(2);
    expect(receiver.peakTotal).toBe(5);
    const statuses = await env.ctx.db
      .selectFrom('webhook_deliveries')
      .select('status')
      .where(
        'webhook_id',
        'in',
        hooks.map((h) => h.id),
      )
      .execute();
    expect(statuses.every((s) => s.status === 'delivered')).toBe(true);
  });
});
