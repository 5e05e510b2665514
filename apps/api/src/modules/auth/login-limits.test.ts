import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import type { App } from '../../platform/http/types.js';
import { actorIn, buildAccount, buildCommunity, createTestEnv, TEST_PASSWORD, type TestEnv } from '../../../test/harness.js';

// Default limits except the address threshold, which the harness raises to 1000; each test uses its own accounts.
describe('login limits (per account across addresses, per address across accounts)', () => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv();
  });
  afterAll(async () => env.close());

  const login = (app: App, username: string, password: string, opts: { from?: string; forwardedFor?: string; lang?: string } = {}) =>
    app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: username, password },
      remoteAddress: opts.from ?? '127.0.0.1',
      headers: { ...(opts.forwardedFor ? { 'x-forwarded-for': opts.forwardedFor } : {}), ...(opts.lang ? { 'accept-language': opts.lang } : {}) },
    });

  it('locks an account hammered with a rotating X-Forwarded-For, and refuses even the right password while locked', async () => {
    const account = await buildAccount(env.ctx, { role: 'volunteer' });
    const codes: number[] = [];
    for (let i = 0; i < 100; i++) codes.push((await login(env.app, account.username, `wrong-${i}`, { forwardedFor: `198.51.100.${i}` })).statusCode);
    expect(codes.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(codes.slice(5).every((c) => c === 429)).toBe(true);
    const right = await login(env.app, account.username, TEST_PASSWORD, { forwardedFor: '192.0.2.1' });
    expect(right.statusCode).toBe(429);
    expect(right.json().error).toMatchObject({ code: 'RATE_LIMITED', message: '尝试次数过多，请 1 分钟后再试' });
    expect(Number(right.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(right.headers['retry-after'])).toBeLessThanOrEqual(60);
    const en = await login(env.app, account.username, TEST_PASSWORD, { lang: 'en' });
    expect(en.json().error.message).toBe('Too many attempts, please try again in 1 min');
  });

  it('limits one account attacked from many socket addresses', async () => {
    const account = await buildAccount(env.ctx, { role: 'volunteer' });
    for (let i = 0; i < 5; i++) expect((await login(env.app, account.username, 'wrong', { from: `203.0.113.${i + 1}` })).statusCode).toBe(401);
    const next = await login(env.app, account.username, TEST_PASSWORD, { from: '203.0.113.99' });
    expect(next.statusCode).toBe(429);
  });

  it('grows the lock with each further failure, and a success clears the account', async () => {
    const account = await buildAccount(env.ctx, { role: 'volunteer' });
    for (let i = 0; i < 4; i++) await login(env.app, account.username, 'wrong');
    expect((await login(env.app, account.username, TEST_PASSWORD)).statusCode).toBe(200);
    // The success reset the count: four more failures still do not lock.
    for (let i = 0; i < 4; i++) expect((await login(env.app, account.username, 'wrong')).statusCode).toBe(401);
    expect((await login(env.app, account.username, 'wrong')).statusCode).toBe(401);
    const first = await env.ctx.db
      .selectFrom('rate_limits')
      .select(['locked_until'])
      .where('key', '=', `login:account:${account.id}`)
      .executeTakeFirstOrThrow();
    expect(first.locked_until!.getTime() - Date.now()).toBeLessThanOrEqual(60_000);
    // Let the lock pass, then fail once more: the next lock is twice as long.
    await env.ctx.db
      .updateTable('rate_limits')
      .set({ locked_until: new Date(Date.now() - 1000) })
      .where('key', '=', `login:account:${account.id}`)
      .execute();
    expect((await login(env.app, account.username, 'wrong')).statusCode).toBe(401);
    const second = await login(env.app, account.username, TEST_PASSWORD);
    expect(second.statusCode).toBe(429);
    expect(Number(second.headers['retry-after'])).toBeGreaterThan(60);
    expect(second.json().error.message).toBe('尝试次数过多，请 2 分钟后再试');
  });

  it('failures on one account from one address do not lock another account from another address', async () => {
    const a = await buildAccount(env.ctx, { role: 'volunteer' });
    const b = await buildAccount(env.ctx, { role: 'volunteer' });
    for (let i = 0; i < 10; i++) await login(env.app, a.username, 'wrong', { from: '198.18.0.1' });
    expect((await login(env.app, a.username, TEST_PASSWORD, { from: '198.18.0.1' })).statusCode).toBe(429);
    expect((await login(env.app, b.username, TEST_PASSWORD, { from: '198.18.0.2' })).statusCode).toBe(200);
  });

  it('shows the lock to the system administrator, who can lift it (audited); another community cannot see it', async () => {
    const community = await buildCommunity(env.ctx);
    const account = await buildAccount(env.ctx, { role: 'grid_worker', communityId: community.id });
    for (let i = 0; i < 5; i++) await login(env.app, account.username, 'wrong', { from: `203.0.113.${200 + i}` });
    expect((await login(env.app, account.username, TEST_PASSWORD)).statusCode).toBe(429);
    const admin = await actorIn(env, 'system_admin');
    const list = await env.app.inject({ url: `/api/accounts?q=${account.username}`, headers: { cookie: admin.cookie } });
    const row = list.json().items.find((a: { id: number }) => a.id === account.id);
    expect(new Date(row.lockedUntil).getTime()).toBeGreaterThan(Date.now());
    const stranger = await actorIn(env, 'secretary');
    expect((await env.app.inject({ method: 'POST', url: `/api/accounts/${account.id}/unlock`, headers: { cookie: stranger.cookie } })).statusCode).toBe(404);
    const unlocked = await env.app.inject({ method: 'POST', url: `/api/accounts/${account.id}/unlock`, headers: { cookie: admin.cookie } });
    expect(unlocked.statusCode).toBe(200);
    expect(unlocked.json().lockedUntil).toBeNull();
    const audit = await env.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id'])
      .where('entity_id', '=', String(account.id))
      .where('action', '=', 'account.unlocked')
      .execute();
    expect(audit).toEqual([{ action: 'account.unlocked', actor_id: admin.account.id }]);
    expect((await login(env.app, account.username, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('unknown logins are limited like real ones, so a lock does not tell which accounts exist', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 6; i++) codes.push((await login(env.app, 'nobody-here', 'wrong', { from: `203.0.113.${100 + i}` })).statusCode);
    expect(codes).toEqual([401, 401, 401, 401, 401, 429]);
  });
});

describe('login limit per address across accounts', () => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv({ LOGIN_RATE_LIMIT: '10' });
  });
  afterAll(async () => env.close());

  const login = (app: App, username: string, password: string, from: string, forwardedFor?: string) =>
    app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: username, password },
      remoteAddress: from,
      headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
    });

  it('locks an address that tries many accounts, even with a rotating X-Forwarded-For, and only that address', async () => {
    const owners = await Promise.all(Array.from({ length: 12 }, () => buildAccount(env.ctx, { role: 'volunteer' })));
    const codes: number[] = [];
    for (const [i, owner] of owners.entries()) codes.push((await login(env.app, owner.username, 'wrong', '192.0.2.50', `10.9.8.${i}`)).statusCode);
    expect(codes.slice(0, 10).every((c) => c === 401)).toBe(true);
    expect(codes.slice(10)).toEqual([429, 429]);
    // Each owner, from their own address, still logs in: one failure each locked no account.
    expect((await login(env.app, owners[0]!.username, TEST_PASSWORD, '192.0.2.51')).statusCode).toBe(200);
    expect((await login(env.app, owners[11]!.username, TEST_PASSWORD, '192.0.2.52')).statusCode).toBe(200);
  });

  it('shares the counters between two app instances on one database', async () => {
    const second = await buildApp(env.ctx, { serveWeb: false });
    await second.ready();
    try {
      const account = await buildAccount(env.ctx, { role: 'volunteer' });
      for (let i = 0; i < 5; i++) {
        const app = i % 2 === 0 ? env.app : second;
        expect((await login(app, account.username, 'wrong', `203.0.113.${10 + i}`)).statusCode).toBe(401);
      }
      expect((await login(second, account.username, TEST_PASSWORD, '203.0.113.40')).statusCode).toBe(429);
      expect((await login(env.app, account.username, TEST_PASSWORD, '203.0.113.41')).statusCode).toBe(429);
    } finally {
      await second.close();
    }
  });
});

describe('TRUST_PROXY', () => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv({ TRUST_PROXY: '127.0.0.1' });
  });
  afterAll(async () => env.close());

  it('takes the client address from X-Forwarded-For only through a trusted hop', async () => {
    const whoami = await buildApp(env.ctx, { serveWeb: false });
    whoami.get('/api/test/ip', { config: { public: true } }, async (r) => ({ ip: r.ip }));
    await whoami.ready();
    try {
      const ip = async (from: string, xff: string) =>
        (await whoami.inject({ url: '/api/test/ip', remoteAddress: from, headers: { 'x-forwarded-for': xff } })).json().ip;
      expect(await ip('127.0.0.1', '203.0.113.9')).toBe('203.0.113.9');
      // The untrusted hop 198.51.100.1 is the client, whatever it claims before it.
      expect(await ip('127.0.0.1', '203.0.113.9, 198.51.100.1')).toBe('198.51.100.1');
      // Straight from an untrusted address, the header is ignored.
      expect(await ip('198.51.100.2', '203.0.113.9')).toBe('198.51.100.2');
    } finally {
      await whoami.close();
    }
  });
});
