import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount, createTestEnv, loginAs, type TestEnv } from '../../../test/harness.js';
import { prepareFirstAdminSetup, setupTokenFile } from './first-admin.service.js';

describe('first administrator setup', () => {
  let env: TestEnv;
  let token: string;
  beforeAll(async () => {
    env = await createTestEnv();
    token = (await prepareFirstAdminSetup(env.ctx))!;
  });
  afterAll(async () => env.close());

  const setup = (body: object, headers: Record<string, string> = {}) => env.app.inject({ method: 'POST', url: '/api/setup', payload: body, headers });
  const admin = { username: 'zhang.admin', displayName: '张管理员', password: 'lantern-granite-41' };
  const accountCount = async () =>
    Number(
      (
        await env.ctx.db
          .selectFrom('accounts')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('issues a one-time token at start, kept as a hash and in DATA_DIR/setup-token', async () => {
    expect(token).toMatch(/^[\w-]{32}$/);
    expect(fs.readFileSync(setupTokenFile(env.ctx), 'utf8').trim()).toBe(token);
    const stored = await env.ctx.db.selectFrom('setup_tokens').select('token_hash').execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.token_hash).not.toContain(token);
    expect((await env.app.inject('/api/setup')).json()).toEqual({ needed: true });
  });

  it('refuses a wrong or missing token, a weak password, and a page of another site', async () => {
    const wrong = await setup({ ...admin, setupToken: 'guessed-token' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details.fields).toEqual([expect.objectContaining({ field: 'setupToken', rule: 'wrong_setup_token' })]);
    expect((await setup({ ...admin })).json().error.details.fields[0]).toMatchObject({ field: 'setupToken', rule: 'required' });
    for (const [password, rule] of [
      ['12345678', 'password_too_short'],
      ['qwertyuiop', 'password_common'],
      ['zhang.admin.2026', 'password_contains_username'],
    ]) {
      const weak = await setup({ ...admin, password, setupToken: token });
      expect(weak.statusCode, password).toBe(400);
      expect(weak.json().error.details.fields).toEqual([expect.objectContaining({ field: 'password', rule })]);
    }
    const foreign = await setup({ ...admin, setupToken: token }, { origin: 'http://evil.localhost' });
    expect(foreign.statusCode).toBe(403);
    expect(await accountCount()).toBe(0);
  });

  it('creates the system administrator once with the token, audited, and then closes', async () => {
    const [first, second] = await Promise.all([setup({ ...admin, setupToken: token }), setup({ ...admin, username: 'li.admin', setupToken: token })]);
    expect([first.statusCode, second.statusCode].sort()).toEqual([201, 409]);
    expect(await accountCount()).toBe(1);
    const winner = first.statusCode === 201 ? first.json() : second.json();
    const row = await env.ctx.db.selectFrom('accounts').select(['role', 'community_id']).where('id', '=', winner.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ role: 'system_admin', community_id: null });
    await expect(loginAs(env.app, winner.username, admin.password)).resolves.toMatch(/linli_sid=/);
    const audit = await env.ctx.db.selectFrom('audit_log').select(['action', 'actor_id']).where('entity_id', '=', String(winner.id)).execute();
    expect(audit).toContainEqual({ action: 'account.first_admin_created', actor_id: winner.id });

    expect((await env.app.inject('/api/setup')).statusCode).toBe(404);
    const again = await setup({ ...admin, username: 'wang.admin', setupToken: token });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('INVALID_STATE');
    expect(await env.ctx.db.selectFrom('setup_tokens').select('token_hash').execute()).toEqual([]);
    expect(fs.existsSync(setupTokenFile(env.ctx))).toBe(false);
    expect(await prepareFirstAdminSetup(env.ctx)).toBeNull();
  });

  it('issues no token and answers 404 where accounts already exist', async () => {
    const other = await createTestEnv();
    try {
      await buildAccount(other.ctx, { role: 'system_admin' });
      expect(await prepareFirstAdminSetup(other.ctx)).toBeNull();
      expect((await other.app.inject('/api/setup')).statusCode).toBe(404);
      expect((await other.app.inject({ method: 'POST', url: '/api/setup', payload: { ...admin, setupToken: 'x' } })).statusCode).toBe(409);
    } finally {
      await other.close();
    }
  });
});
