import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorIn, createTestEnv, httpAs, type TestEnv } from '../../../test/harness.js';
import { enqueueTicketEvent } from './webhooks.service.js';
import { defaultLimits, DeliveryWorker } from './delivery-worker.js';

interface Received {
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

describe('outbound webhooks', () => {
  let env: TestEnv;
  let server: http.Server;
  let base: string;
  const received: Received[] = [];
  let failFirst = 0;
  // The tests' receiver listens on 127.0.0.1, which only the installation's allow-list lets webhooks reach.
  const deliverDue = (now: Date) => new DeliveryWorker(env.ctx, { ...defaultLimits, timeoutMs: 2000 }).runOnce(now);

  beforeAll(async () => {
    env = await createTestEnv({ WEBHOOK_ALLOW_HOSTS: '127.0.0.1' });
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        received.push({ url: req.url!, headers: req.headers, body });
        if (req.url!.startsWith('/dead')) res.writeHead(503).end('down');
        else if (failFirst > 0) {
          failFirst--;
          res.writeHead(500).end('down');
        } else res.writeHead(200, { 'content-type': 'application/json' }).end('{"errcode":0}');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    await env.close();
  });

  it('sends each format, signs where asked, retries with backoff and logs every attempt', async () => {
    const sec = await actorIn(env, 'secretary');
    const { post } = httpAs(env.app, sec);
    for (const [format, secret] of [
      ['json', 's3cret'],
      ['wecom', null],
      ['dingtalk', 'SECding'],
      ['feishu', 'fs-secret'],
    ] as const) {
      expect((await post('/api/webhooks', { name: format, url: `${base}/${format}`, format, secret })).statusCode).toBe(201);
    }
    const cats = (await env.app.inject({ url: '/api/ticket-categories', headers: { cookie: sec.cookie } })).json().items;
    const t = (await post('/api/tickets', { channel: 'walk_in', categoryId: cats[2].id, title: '垃圾站异味', description: '垃圾中转站异味扰民' })).json();

    const now = new Date('2026-11-23T08:00:00Z');
    failFirst = 1; // the first request (json) fails once
    expect(await enqueueTicketEvent(env.ctx, { communityId: sec.community.id, ticketId: t.id }, now)).toBe(4);
    expect(await deliverDue(now)).toBe(4);
    const by = (p: string) => received.find((r) => r.url.startsWith(`/${p}`))!;
    const json = received.filter((r) => r.url === '/json');
    expect(json).toHaveLength(1);
    const sig = crypto.createHmac('sha256', 's3cret').update(json[0]!.body).digest('hex');
    expect(json[0]!.headers['x-linli-signature']).toBe(`sha256=${sig}`);
    expect(JSON.parse(json[0]!.body)).toMatchObject({ event: 'ticket.created', ticket: { code: t.code, title: '垃圾站异味', statusLabel: '待受理' } });
    expect(JSON.parse(by('wecom').body)).toMatchObject({ msgtype: 'markdown', markdown: { content: expect.stringContaining('垃圾站异味') } });
    const ding = new URL(base + by('dingtalk').url);
    const ts = ding.searchParams.get('timestamp')!;
    expect(ding.searchParams.get('sign')).toBe(crypto.createHmac('sha256', 'SECding').update(`${ts}\nSECding`).digest('base64'));
    // Group chats get the public reference, never the resident's tracking code or its key (ADR 0010).
    expect(t.code).not.toBe(t.handover.trackingCode);
    for (const r of received) {
      expect(r.body).toContain(t.code);
      expect(r.body + r.url).not.toContain(t.handover.trackingCode);
      expect(r.body + r.url).not.toContain(t.handover.link.split('#k=')[1]);
    }
    const fs = JSON.parse(by('feishu').body);
    expect(fs).toMatchObject({ msg_type: 'text', content: { text: expect.stringContaining('诉求') } });
    expect(fs.sign).toBe(crypto.createHmac('sha256', `${fs.timestamp}\nfs-secret`).update('').digest('base64'));

    // The failed one waits 30 s, then succeeds; the log shows both attempts.
    const hooks = (await env.app.inject({ url: '/api/webhooks', headers: { cookie: sec.cookie } })).json().items;
    const jsonHook = hooks.find((h: { format: string }) => h.format === 'json');
    let log = (await env.app.inject({ url: `/api/webhooks/${jsonHook.id}/deliveries`, headers: { cookie: sec.cookie } })).json().items;
    expect(log[0]).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: 500 });
    expect(await deliverDue(new Date(now.getTime() + 10_000))).toBe(0);
    expect(await deliverDue(new Date(now.getTime() + 30_000))).toBe(1);
    log = (await env.app.inject({ url: `/api/webhooks/${jsonHook.id}/deliveries`, headers: { cookie: sec.cookie } })).json().items;
    expect(log[0]).toMatchObject({ status: 'delivered', attempts: 2, lastStatusCode: 200 });
  });

  it('backs a dead endpoint off, pauses it after ten failures in a row, attempts nothing more, and resumes it when asked (audited)', async () => {
    const sec = await actorIn(env, 'secretary');
    const call = (method: 'GET' | 'POST', url: string, payload?: object, cookie = sec.cookie) => httpAs(env.app, cookie).send(method, url, payload);
    const hook = (await call('POST', '/api/webhooks', { name: 'dead', url: `${base}/dead`, format: 'json' })).json();
    const cats = (await call('GET', '/api/ticket-categories')).json().items;
    const t = (await call('POST', '/api/tickets', { channel: 'phone', categoryId: cats[0].id, title: '测试', description: '测试内容' })).json();
    const t0 = new Date('2026-11-24T08:00:00Z');
    for (let i = 0; i < 14; i++) await enqueueTicketEvent(env.ctx, { communityId: sec.community.id, ticketId: t.id, action: 'note' }, t0);
    const attempts = () => received.filter((r) => r.url === '/dead').length;

    // Two at a time (the per-endpoint limit); after they fail the whole endpoint waits, though twelve more are due.
    expect(await deliverDue(t0)).toBe(2);
    expect(attempts()).toBe(2);
    expect(await deliverDue(new Date(t0.getTime() + 10_000))).toBe(0);
    let hooks = (await call('GET', '/api/webhooks')).json().items;
    expect(hooks.find((h: { id: number }) => h.id === hook.id)).toMatchObject({ consecutiveFailures: 2, lastError: 'HTTP 503', pausedAt: null });

    // Each time just after the endpoint's backoff (30 s, 2 min, 8 min, 15 min): ten failures within the hour.
    let now = t0;
    for (let round = 0; round < 4; round++) {
      const { backoff_until } = await env.ctx.db.selectFrom('webhooks').select('backoff_until').where('id', '=', hook.id).executeTakeFirstOrThrow();
      now = new Date(backoff_until!.getTime() + 1000);
      expect(await deliverDue(now)).toBe(2);
    }
    expect(attempts()).toBe(10);
    hooks = (await call('GET', '/api/webhooks')).json().items;
    const paused = hooks.find((h: { id: number }) => h.id === hook.id);
    expect(paused).toMatchObject({ consecutiveFailures: 10, pauseReason: 'consecutive_failures', pausedAt: expect.any(String) });
    const pausedAudit = await env.ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_type', '=', 'webhook')
      .where('entity_id', '=', String(hook.id))
      .where('action', '=', 'webhook.paused')
      .execute();
    expect(pausedAudit).toHaveLength(1);

    // Paused: the four queued deliveries stay queued and unattempted, and new events queue nothing for it.
    expect(await enqueueTicketEvent(env.ctx, { communityId: sec.community.id, ticketId: t.id, action: 'note' }, now)).toBe(0);
    expect(await deliverDue(new Date(now.getTime() + 7 * 24 * 3600_000))).toBe(0);
    expect(attempts()).toBe(10);
    const log = (await call('GET', `/api/webhooks/${hook.id}/deliveries`)).json().items;
    expect(log.filter((d: { status: string; attempts: number }) => d.status === 'pending' && d.attempts === 0)).toHaveLength(4);

    // Only the secretary of this community may resume it; resuming is audited and sends the queue again.
    const other = await actorIn(env, 'secretary');
    expect((await call('POST', `/api/webhooks/${hook.id}/resume`, undefined, other.cookie)).statusCode).toBe(404);
    expect((await call('GET', `/api/webhooks/${hook.id}/deliveries`, undefined, other.cookie)).statusCode).toBe(404);
    const worker = await actorIn(env, 'grid_worker', sec.community);
    expect((await call('POST', `/api/webhooks/${hook.id}/resume`, undefined, worker.cookie)).statusCode).toBe(403);
    const resumed = await call('POST', `/api/webhooks/${hook.id}/resume`);
    expect(resumed.statusCode).toBe(200);
    expect(resumed.json()).toMatchObject({ pausedAt: null, pauseReason: null, consecutiveFailures: 0 });
    const resumedAudit = await env.ctx.db
      .selectFrom('audit_log')
      .select('actor_id')
      .where('entity_id', '=', String(hook.id))
      .where('action', '=', 'webhook.resumed')
      .execute();
    expect(resumedAudit).toHaveLength(1);
    expect(await deliverDue(new Date(now.getTime() + 7 * 24 * 3600_000))).toBe(2);
    expect(attempts()).toBe(12);
    // Switch it off so that it does not answer in the next tests' worker runs.
    await call('POST', `/api/webhooks/${hook.id}/resume`);
    await env.app.inject({ method: 'PATCH', url: `/api/webhooks/${hook.id}`, headers: { cookie: sec.cookie }, payload: { isActive: false } });
  });

  it('names a bad URL in the field error, keeps the secret write-only, and sends nothing for a switched-off hook', async () => {
    const sec = await actorIn(env, 'secretary');
    const call = (method: 'POST' | 'PATCH', url: string, payload: object) =>
      env.app.inject({ method, url, headers: { cookie: sec.cookie, 'accept-language': 'zh-CN' }, payload });
    const bad = await call('POST', '/api/webhooks', { name: '群机器人', url: 'ftp://example.com/hook', format: 'wecom' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields).toEqual([expect.objectContaining({ field: 'url', message: '网址格式不正确' })]);
    const hook = (await call('POST', '/api/webhooks', { name: '群机器人', url: `${base}/off`, format: 'dingtalk', secret: 'SECx' })).json();
    expect(hook).toMatchObject({ hasSecret: true, isActive: true });
    expect(JSON.stringify(hook)).not.toContain('SECx');
    expect((await call('PATCH', `/api/webhooks/${hook.id}`, { name: '钉钉群', isActive: false })).json()).toMatchObject({
      name: '钉钉群',
      hasSecret: true,
      isActive: false,
    });
    expect((await call('PATCH', `/api/webhooks/${hook.id}`, { secret: null })).json()).toMatchObject({ hasSecret: false, isActive: false });
    const cats = (await env.app.inject({ url: '/api/ticket-categories', headers: { cookie: sec.cookie } })).json().items;
    const t = (await call('POST', '/api/tickets', { channel: 'phone', categoryId: cats[0].id, title: '测试', description: '测试内容' })).json();
    expect(await enqueueTicketEvent(env.ctx, { communityId: sec.community.id, ticketId: t.id })).toBe(0);
    expect((await env.app.inject({ url: `/api/webhooks/${hook.id}/deliveries`, headers: { cookie: sec.cookie } })).json().items).toEqual([]);
  });
});
