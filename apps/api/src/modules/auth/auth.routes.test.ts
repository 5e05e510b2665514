import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorIn, buildAccount, createTestEnv, engineUnderTest, loginAs, type TestEnv } from '../../../test/harness.js';

describe('auth routes', () => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv();
  });
  afterAll(async () => env.close());

  it('answers health with the engine under test', async () => {
    const res = await env.app.inject('/api/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: engineUnderTest, version: 'test' });
  });

  it('logs in, reports me, logs out', async () => {
    const { cookie, account } = await actorIn(env, 'secretary');
    const me = await env.app.inject({ url: '/api/auth/me', headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ username: account.username, role: 'secretary' });
    const setCookie = (await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: account.username, password: 'test-password-1' } }))
      .headers['set-cookie'];
    expect(String(setCookie)).toMatch(/HttpOnly/i);
    await env.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    const after = await env.app.inject({ url: '/api/auth/me', headers: { cookie } });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a wrong password with a translated message', async () => {
    const { account } = await actorIn(env, 'social_worker');
    const res = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: account.username, password: 'nope' } });
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toMatchObject({ code: 'INVALID_CREDENTIALS', message: '账号或密码错误' });
  });

  it('names the missing field in a validation error, in the asked language', async () => {
    const zh = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'x' } });
    expect(zh.statusCode).toBe(400);
    expect(zh.json().error.details.fields[0]).toMatchObject({ field: 'password', rule: 'required', message: '密码不能为空' });
    const en = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'x' }, headers: { 'accept-language': 'en' } });
    expect(en.json().error.message).toBe('Password is required');
  });

  it('changes the password, ends other sessions, and rejects the old one', async () => {
    const c = await actorIn(env, 'grid_worker');
    const other = await loginAs(env.app, c.account.username);
    const bad = await env.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie: c.cookie },
      payload: { currentPassword: 'wrong', newPassword: 'a-new-password' },
    });
    expect(bad.json().error.details.fields[0]).toMatchObject({ field: 'currentPassword', rule: 'wrong_password' });
    const ok = await env.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie: c.cookie },
      payload: { currentPassword: 'test-password-1', newPassword: 'a-new-password' },
    });
    expect(ok.statusCode).toBe(200);
    expect((await env.app.inject({ url: '/api/auth/me', headers: { cookie: other } })).statusCode).toBe(401);
    expect((await env.app.inject({ url: '/api/auth/me', headers: { cookie: c.cookie } })).statusCode).toBe(200);
    await expect(loginAs(env.app, c.account.username)).rejects.toThrow(/401/);
    await expect(loginAs(env.app, c.account.username, 'a-new-password')).resolves.toMatch(/linli_sid=/);
    const audit = await env.ctx.db.selectFrom('audit_log').select('action').where('entity_id', '=', String(c.account.id)).execute();
    expect(audit.map((a) => a.action)).toContain('account.password_changed');
  });

  it('refuses short, common and username-bearing new passwords with field errors', async () => {
    const c = await actorIn(env, 'grid_worker');
    const change = (newPassword: string) =>
      env.app.inject({
        method: 'POST',
        url: '/api/auth/password',
        headers: { cookie: c.cookie },
        payload: { currentPassword: 'test-password-1', newPassword },
      });
    for (const [password, rule, message] of [
      ['12345678', 'password_too_short', '新密码至少 10 位'],
      ['aaaaaaaa', 'password_too_short', '新密码至少 10 位'],
      ['a123456789', 'password_common', '新密码太常见，请换一个'],
      [`${c.account.username}-2026`, 'password_contains_username', '新密码不能包含用户名'],
    ] as const) {
      const res = await change(password);
      expect(res.statusCode, password).toBe(400);
      expect(res.json().error.details.fields).toEqual([expect.objectContaining({ field: 'newPassword', rule, message })]);
    }
    await expect(loginAs(env.app, c.account.username)).resolves.toMatch(/linli_sid=/);
  });

  it('rate-limits repeated logins', async () => {
    const limited = await createTestEnv({ LOGIN_RATE_LIMIT: '3' });
    try {
      const account = await buildAccount(limited.ctx, { role: 'volunteer' });
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) {
        codes.push((await limited.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: account.username, password: 'wrong' } })).statusCode);
      }
      expect(codes).toEqual([401, 401, 401, 429, 429]);
    } finally {
      await limited.close();
    }
  });
});
