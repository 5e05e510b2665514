import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorIn, buildAccount, createTestEnv, loginAs, type TestEnv } from '../../../../test/harness.js';
import { buildApp } from '../../../app.js';
import { pngWithText } from '../../../../test/images.js';

type Who = { cookie: string };

/** Issue 13, finding 1: the tracking code is the reporter's secret, and acting on a report needs proof of holding it. */
describe('public tracking: codes are secrets of the reporter', () => {
  let env: TestEnv;
  let sec: Awaited<ReturnType<typeof actorIn>>;
  let grid: Who & { id: number };
  let communityCode: string;
  let categoryId: number;

  // Each request from its own address: the per-address rate limits of the public routes are not what is tested here.
  let n = 0;
  const remoteAddress = () => `10.13.${++n >> 8}.${n & 255}`;
  const call = async (who: Who | null, method: 'GET' | 'POST', url: string, payload?: unknown, headers: Record<string, string> = {}) => {
    const res = await env.app.inject({
      method,
      url,
      remoteAddress: remoteAddress(),
      headers: { ...headers, ...(who ? { cookie: who.cookie } : {}) },
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });
    return { status: res.statusCode, body: res.json() };
  };
  const act = (who: Who, id: number, action: string, body: Record<string, unknown> = {}) => call(who, 'POST', `/api/tickets/${id}/${action}`, body);
  const report = async (phone = '13900005678') => {
    const res = await call(null, 'POST', '/api/public/tickets', { communityCode, categoryId, description: '小区东门路灯不亮一周了', contactPhone: phone });
    expect(res.status).toBe(201);
    const { code, reference, link } = res.body as { code: string; reference: string; link: string };
    return { code, reference, link, key: link.split('#k=')[1]! };
  };
  const idOf = async (reference: string) => (await call(sec, 'GET', `/api/tickets?q=${reference}`)).body.items[0].id as number;
  const resolve = async (id: number, note = '已更换灯泡') => {
    await act(grid, id, 'start');
    expect((await act(grid, id, 'resolve', { note })).body.status).toBe('resolved');
  };
  const upload = (code: string, headers: Record<string, string>) => {
    const boundary = 'linli' + Math.random().toString(16).slice(2);
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="photos"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n`),
      pngWithText(),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return env.app.inject({
      method: 'POST',
      url: `/api/public/tickets/${code}/photos`,
      remoteAddress: remoteAddress(),
      headers: { ...headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: body,
    });
  };

  beforeAll(async () => {
    env = await createTestEnv();
    sec = await actorIn(env, 'secretary');
    const g = await buildAccount(env.ctx, { role: 'grid_worker', communityId: sec.community.id });
    grid = { id: g.id, cookie: await loginAs(env.app, g.username) };
    communityCode = (await env.ctx.db.selectFrom('communities').select('code').where('id', '=', sec.community.id).executeTakeFirstOrThrow()).code;
    categoryId = ((await call(sec, 'GET', '/api/ticket-categories')).body.items as Array<{ id: number; code: string }>).find((c) => c.code === 'general')!.id;
  });
  afterAll(async () => env.close());

  it('gives a public reference apart from the tracking code, keeps only hashes, and lists no tracking code to staff', async () => {
    const r = await report();
    expect(r.code).toMatch(/^LL[A-Z2-9]{10}$/);
    expect(r.reference).toMatch(/^GD\d{6,}$/);
    expect(r.link).toMatch(new RegExp(`^/h5/track/${r.code}#k=[\\w-]{22}$`));
    const stored = await env.ctx.db.selectFrom('ticket_reporters').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toContain(r.code);
    expect(JSON.stringify(stored)).not.toContain(r.key);
    // Staff find it by the reference, or by the tracking code a resident reads out; the lists never carry the code.
    const list = await env.app.inject({ url: '/api/tickets', headers: { cookie: sec.cookie } });
    expect(list.body).toContain(r.reference);
    expect(list.body).not.toContain(r.code);
    const byCode = (await call(sec, 'GET', `/api/tickets?q=${r.code.toLowerCase()}`)).body.items;
    expect(byCode.map((t: { code: string }) => t.code)).toEqual([r.reference]);
    // Anyone with the code may still see the progress.
    expect((await call(null, 'GET', `/api/public/tickets/${r.code}`)).body).toMatchObject({
      code: r.code,
      reference: r.reference,
      status: 'submitted',
      hasPhone: true,
    });
  });

  it('refuses information, photos and ratings on the code alone, and takes the key or the last four digits', async () => {
    const r = await report('13900001357');
    const info = (headers: Record<string, string>) =>
      call(null, 'POST', `/api/public/tickets/${r.code}/info`, { text: '灯杆也歪了' }, { 'accept-language': 'zh-CN', ...headers });
    const bare = await info({});
    expect(bare.status).toBe(400);
    expect(bare.body.error.details.fields).toEqual([
      expect.objectContaining({ field: 'lastFour', rule: 'proof_required', message: '请输入反映问题时所留手机号的后四位' }),
    ]);
    const wrong = await info({ 'x-phone-last-four': '0000' });
    expect(wrong).toMatchObject({
      status: 403,
      body: { error: { code: 'TRACKING_PROOF_INVALID', details: { fields: [{ field: 'lastFour', rule: 'mismatch' }] } } },
    });
    const badKey = await info({ 'x-tracking-key': 'AAAAAAAAAAAAAAAAAAAAAA' });
    expect(badKey).toMatchObject({ status: 403, body: { error: { code: 'TRACKING_PROOF_INVALID', details: { fields: [{ field: 'trackingKey' }] } } } });
    expect((await info({ 'x-phone-last-four': '12ab' })).body.error.details.fields[0]).toMatchObject({ field: 'lastFour', rule: 'invalid' });
    expect((await upload(r.code, {})).statusCode).toBe(400);
    const id = await idOf(r.reference);
    expect((await call(sec, 'GET', `/api/tickets/${id}`)).body.events.filter((e: { action: string }) => e.action === 'info_added')).toEqual([]);

    expect((await info({ 'x-phone-last-four': '1357' })).status).toBe(200);
    expect((await info({ 'x-tracking-key': r.key })).status).toBe(200);
    expect((await upload(r.code, { 'x-tracking-key': r.key })).statusCode).toBe(200);

    await act(sec, id, 'accept');
    await act(sec, id, 'assign', { assigneeId: grid.id });
    await resolve(id);
    const rate = (headers: Record<string, string>) => call(null, 'POST', `/api/public/tickets/${r.code}/rate`, { rating: 'satisfied' }, headers);
    expect((await rate({})).status).toBe(400);
    expect((await rate({ 'x-phone-last-four': '9999' })).status).toBe(403);
    expect((await call(sec, 'GET', `/api/tickets/${id}`)).body).toMatchObject({ status: 'resolved', rating: null });
    expect((await rate({ 'x-phone-last-four': '1357' })).body).toMatchObject({ status: 'closed', rating: 'satisfied' });
  });

  it('locks the four-digit path after repeated wrong tries, but not the key', async () => {
    const r = await report('13900002468');
    const info = (headers: Record<string, string>) => call(null, 'POST', `/api/public/tickets/${r.code}/info`, { text: '补充一下' }, headers);
    for (let i = 0; i < 5; i++) expect((await info({ 'x-phone-last-four': String(1000 + i) })).status).toBe(403);
    const locked = await info({ 'x-phone-last-four': '2468' });
    expect(locked).toMatchObject({ status: 429, body: { error: { code: 'RATE_LIMITED', details: { fields: [{ field: 'lastFour', rule: 'locked' }] } } } });
    expect((await info({ 'x-tracking-key': r.key })).status).toBe(200);
    const row = await env.ctx.db
      .selectFrom('ticket_reporters')
      .select(['proof_failures', 'proof_locked_until'])
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ proof_failures: 0, proof_locked_until: null });
  });

  it('takes one rating per round: again only after a dissatisfied reopen and a new resolution', async () => {
    const r = await report('13900003579');
    const proof = { 'x-tracking-key': r.key };
    const id = await idOf(r.reference);
    await act(sec, id, 'accept');
    await act(sec, id, 'assign', { assigneeId: grid.id });
    await resolve(id);
    expect((await call(null, 'POST', `/api/public/tickets/${r.code}/rate`, { rating: 'dissatisfied', comment: '灯还是不亮' }, proof)).body.status).toBe(
      'assigned',
    );
    const twice = await call(null, 'POST', `/api/public/tickets/${r.code}/rate`, { rating: 'satisfied' }, proof);
    expect(twice).toMatchObject({ status: 409, body: { error: { code: 'TICKET_ALREADY_RATED' } } });
    expect((await act(sec, id, 'rate', { rating: 'satisfied' })).body.error.code).toBe('TICKET_ALREADY_RATED');
    await resolve(id, '更换了线路');
    expect((await call(null, 'POST', `/api/public/tickets/${r.code}/rate`, { rating: 'satisfied' }, proof)).body).toMatchObject({
      status: 'closed',
      rating: 'satisfied',
    });
    expect((await call(null, 'POST', `/api/public/tickets/${r.code}/rate`, { rating: 'satisfied' }, proof)).body.error.code).toBe('TICKET_ALREADY_RATED');
  });

  it('hands staff the code and link for a resident registered at the desk, who can then follow and rate', async () => {
    const anonymous = (
      await call(sec, 'POST', '/api/tickets', { channel: 'walk_in', categoryId, title: '噪音', description: '夜里广场舞噪音', isAnonymous: true })
    ).body;
    expect(anonymous.handover.link).toContain(`/h5/track/${anonymous.handover.trackingCode}#k=`);
    // No phone was left: only the link's key proves it, and the message says so.
    const noPhone = await call(
      null,
      'POST',
      `/api/public/tickets/${anonymous.handover.trackingCode}/info`,
      { text: '昨晚又吵了' },
      { 'x-phone-last-four': '1234' },
    );
    expect(noPhone.body.error.details.fields[0]).toMatchObject({ field: 'trackingKey', rule: 'link_required' });
    const key = anonymous.handover.link.split('#k=')[1];
    expect(
      (await call(null, 'POST', `/api/public/tickets/${anonymous.handover.trackingCode}/info`, { text: '昨晚又吵了' }, { 'x-tracking-key': key })).status,
    ).toBe(200);
    // Shown once: a later read has no handover.
    expect((await call(sec, 'GET', `/api/tickets/${anonymous.id}`)).body.handover).toBeUndefined();
  });

  it('never writes a tracking code or a key to the request log', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const app = await buildApp({ ...env.ctx, log: pino({ level: 'info' }, sink) }, { serveWeb: false });
    try {
      const res = await app.inject({
        method: 'POST',
        url: '/api/public/tickets',
        payload: { communityCode, categoryId, description: '楼下井盖松动有异响', contactPhone: '13900008642' },
      });
      const { code, link } = res.json() as { code: string; link: string };
      const key = link.split('#k=')[1]!;
      await app.inject({ url: `/api/public/tickets/${code}` });
      await app.inject({ url: `/api/public/tickets/${code.toLowerCase()}` });
      await app.inject({ method: 'POST', url: `/api/public/tickets/${code}/info`, headers: { 'x-tracking-key': key }, payload: { text: '晚上更响' } });
      await app.inject({ url: `/api/public/tickets/${code}/photos/1` });
      await app.inject({ url: `/api/tickets?q=${code}`, headers: { cookie: sec.cookie } });
      await app.inject({ url: `/open311/v2/requests.json?jurisdiction_id=${communityCode}&api_key=linli-secret-key` });
      const log = lines.join('');
      expect(log).toContain('incoming request');
      expect(log).toContain('/api/public/tickets/[redacted]/info');
      expect(log.toUpperCase()).not.toContain(code);
      expect(log).not.toContain(key);
      expect(log).not.toContain('linli-secret-key');
    } finally {
      await app.close();
    }
  });
});
