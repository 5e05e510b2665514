import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorIn, createTestEnv, type TestEnv } from '../../../test/harness.js';
import { loadConfig } from '../../config.js';

// The harness's inject() talks to http://localhost:80.
const SELF = 'http://localhost';

describe('cross-site protection and security headers', () => {
  let env: TestEnv;
  beforeAll(async () => {
    // TRUST_PROXY (another part of issue 13) trusts the harness's loopback hop, so X-Forwarded-* count as from a proxy.
    env = await createTestEnv({ PUBLIC_ORIGIN: 'https://linli.example.cn, http://console.example.cn:8080', TRUST_PROXY: '127.0.0.1' });
  });
  afterAll(async () => env.close());

  const me = (cookie: string) => env.app.inject({ url: '/api/auth/me', headers: { cookie } });
  const issueKey = async (cookie: string) =>
    (await env.app.inject({ method: 'POST', url: '/api/open311-clients', headers: { cookie }, payload: { name: '热线' } })).json().id as number;
  const keyIsActive = async (id: number) =>
    (await env.ctx.db.selectFrom('open311_clients').select('is_active').where('id', '=', id).executeTakeFirstOrThrow()).is_active;

  it('refuses a logout from another port or subdomain, and the session lives on', async () => {
    const { cookie } = await actorIn(env, 'secretary');
    for (const origin of ['http://localhost:5555', 'http://evil.localhost', 'null']) {
      const res = await env.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie, origin } });
      expect(res.statusCode, origin).toBe(403);
      expect(res.json().error).toMatchObject({ code: 'CSRF_REJECTED', message: '请求来源不受信任，请从邻里的页面重新操作' });
    }
    const byReferer = await env.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie, referer: 'http://localhost:5555/attack.html' } });
    expect(byReferer.statusCode).toBe(403);
    expect((await me(cookie)).statusCode).toBe(200);
  });

  it('refuses a cross-site key revocation, and the key stays active', async () => {
    const { cookie } = await actorIn(env, 'secretary');
    const id = await issueKey(cookie);
    const res = await env.app.inject({
      method: 'POST',
      url: `/api/open311-clients/${id}/revoke`,
      headers: { cookie, origin: 'http://localhost:8081', 'accept-language': 'en' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_REJECTED');
    expect(await keyIsActive(id)).toBe(true);
  });

  it('lets the same origin, a configured public origin and clients without Origin or Referer through', async () => {
    const { cookie } = await actorIn(env, 'secretary');
    const revoke = async (headers: Record<string, string>) => {
      const id = await issueKey(cookie);
      const res = await env.app.inject({ method: 'POST', url: `/api/open311-clients/${id}/revoke`, headers: { cookie, ...headers } });
      return { status: res.statusCode, active: await keyIsActive(id) };
    };
    expect(await revoke({ origin: SELF })).toEqual({ status: 200, active: false });
    expect(await revoke({ referer: `${SELF}/integrations` })).toEqual({ status: 200, active: false });
    expect(await revoke({ origin: 'https://linli.example.cn' })).toEqual({ status: 200, active: false });
    expect(await revoke({ origin: 'http://console.example.cn:8080' })).toEqual({ status: 200, active: false });
    expect(await revoke({})).toEqual({ status: 200, active: false });
    // Behind a proxy the origin is the one the browser saw (X-Forwarded-Host/Proto; the harness's loopback hop is trusted).
    expect(await revoke({ origin: 'https://linli.gov.cn', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'linli.gov.cn' })).toEqual({
      status: 200,
      active: false,
    });
    const logout = await env.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie, origin: SELF } });
    expect(logout.statusCode).toBe(200);
    expect((await me(cookie)).statusCode).toBe(401);
  });

  it('checks the origin of a login even without a session, and leaves public writes without a session alone', async () => {
    const login = await env.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { origin: 'http://evil.localhost' },
      payload: { login: 'x', password: 'y' },
    });
    expect(login.statusCode).toBe(403);
    const open311 = await env.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      headers: { origin: 'http://evil.localhost', cookie: 'linli_sid=whatever' },
      payload: {},
    });
    // Open311 answers for itself (here: no api_key), in its own format.
    expect(open311.body).not.toContain('CSRF_REJECTED');
    expect(open311.json()).toEqual([expect.objectContaining({ code: open311.statusCode })]);
  });

  it('puts the security headers on API answers and errors, and HSTS only over HTTPS', async () => {
    for (const res of [await env.app.inject('/api/health'), await env.app.inject('/api/auth/me'), await env.app.inject('/api/nowhere')]) {
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self';");
      expect(csp).not.toContain("script-src 'self' 'unsafe-inline'");
      expect(csp).toContain("img-src 'self' data: blob:");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('same-origin');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['strict-transport-security']).toBeUndefined();
    }
    const https = await env.app.inject({ url: '/api/health', headers: { 'x-forwarded-proto': 'https' } });
    expect(https.headers['strict-transport-security']).toBe('max-age=31536000');
  });

  it('marks the session cookie SameSite=Lax, and Secure when the request came over HTTPS', async () => {
    const { account } = await actorIn(env, 'volunteer');
    const login = (headers: Record<string, string>) =>
      env.app.inject({ method: 'POST', url: '/api/auth/login', headers, payload: { login: account.username, password: 'test-password-1' } });
    const plain = String((await login({})).headers['set-cookie']);
    expect(plain).toMatch(/SameSite=Lax/i);
    expect(plain).not.toMatch(/Secure/i);
    expect(String((await login({ 'x-forwarded-proto': 'https' })).headers['set-cookie'])).toMatch(/; Secure/i);
  });
});

describe('PUBLIC_ORIGIN', () => {
  it('takes a comma-separated list of origins and refuses anything else at start', () => {
    expect(loadConfig({ PUBLIC_ORIGIN: ' https://linli.example.cn:443 ,http://10.0.0.5:3000' }).publicOrigins).toEqual([
      'https://linli.example.cn',
      'http://10.0.0.5:3000',
    ]);
    expect(loadConfig({}).publicOrigins).toEqual([]);
    expect(() => loadConfig({ PUBLIC_ORIGIN: 'https://linli.example.cn/console' })).toThrow(
      /PUBLIC_ORIGIN: "https:\/\/linli.example.cn\/console" is not an origin/,
    );
  });
});

describe('security headers on the pages', () => {
  it('serves the console and phone pages with the CSP and no inline script', async () => {
    const fs = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-web-'));
    fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><script type="module" src="/assets/console.js"></script>');
    fs.writeFileSync(path.join(dist, 'h5.html'), '<!doctype html><script type="module" src="/assets/h5.js"></script>');
    const env = await createTestEnv({ WEB_DIST: dist });
    try {
      const { buildApp } = await import('../../app.js');
      const app = await buildApp(env.ctx, { serveWeb: true });
      for (const url of ['/tickets', '/h5/track/abc']) {
        const res = await app.inject(url);
        expect(res.statusCode).toBe(200);
        expect(res.headers['content-type']).toMatch(/text\/html/);
        expect(String(res.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
        expect(res.headers['x-content-type-options']).toBe('nosniff');
        expect(res.headers['referrer-policy']).toBe('same-origin');
      }
      await app.close();
    } finally {
      await env.close();
      fs.rmSync(dist, { recursive: true, force: true });
    }
  });
});
