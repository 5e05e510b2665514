import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorIn, buildAccount, buildCommunity, createTestEnv, httpAs, loginAs, type TestEnv } from '../../../test/harness.js';
import { blockAudit, unblockAudit } from '../../../test/fixtures.js';

describe('accounts routes', () => {
  let env: TestEnv;
  let secretary: Awaited<ReturnType<typeof actorIn>>;
  let admin: Awaited<ReturnType<typeof actorIn>>;

  beforeAll(async () => {
    env = await createTestEnv();
    secretary = await actorIn(env, 'secretary');
    admin = await actorIn(env, 'system_admin');
  });
  afterAll(async () => env.close());

  it('lets a secretary create a grid worker in her community, with a hashed password and an encrypted phone', async () => {
    const res = await httpAs(env.app, secretary.cookie).post('/api/accounts', {
      username: 'wang.grid',
      displayName: '王网格',
      role: 'grid_worker',
      password: 'secret-pass-1',
      phone: '13600001111',
    });
    expect(res.statusCode).toBe(201);
    const acc = res.json();
    expect(acc).toMatchObject({
      username: 'wang.grid',
      role: 'grid_worker',
      communityId: secretary.community.id,
      subdistrictId: null,
      phoneMasked: '136****1111',
      isActive: true,
    });
    const row = await env.ctx.db.selectFrom('accounts').selectAll().where('id', '=', acc.id).executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(row.phone_enc).not.toContain('13600001111');
    expect(env.ctx.pii.decrypt(row.phone_enc!)).toBe('13600001111');
    // The new account logs in by username and by phone.
    await expect(loginAs(env.app, 'wang.grid', 'secret-pass-1')).resolves.toMatch(/linli_sid=/);
    await expect(loginAs(env.app, '13600001111', 'secret-pass-1')).resolves.toMatch(/linli_sid=/);
    const audit = await env.ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_type', '=', 'account')
      .where('entity_id', '=', String(acc.id))
      .where('action', 'like', 'account.%')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['account.created']);
    expect(JSON.stringify(audit[0]!.changes)).not.toContain('13600001111');

    const dup = await httpAs(env.app, secretary.cookie).post('/api/accounts', {
      username: 'wang.grid',
      displayName: 'x',
      role: 'volunteer',
      password: 'secret-pass-1',
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.details.fields[0]).toMatchObject({ field: 'username', rule: 'taken' });
    const dupPhone = await httpAs(env.app, secretary.cookie).post('/api/accounts', {
      username: 'other.one',
      displayName: 'x',
      role: 'volunteer',
      password: 'secret-pass-1',
      phone: '13600001111',
    });
    expect(dupPhone.json().error.details.fields[0]).toMatchObject({ field: 'phone', rule: 'taken' });
  });

  it('refuses a secretary platform roles and other communities', async () => {
    const s = httpAs(env.app, secretary.cookie);
    for (const role of ['system_admin', 'subdistrict_admin']) {
      const res = await s.post('/api/accounts', { username: `x_${role}`, displayName: 'x', role, password: 'secret-pass-1' });
      expect(res.statusCode).toBe(403);
    }
    const other = await buildCommunity(env.ctx);
    expect(
      (await s.post('/api/accounts', { username: 'elsewhere', displayName: 'x', role: 'volunteer', password: 'secret-pass-1', communityId: other.id }))
        .statusCode,
    ).toBe(404);
    const foreign = await buildAccount(env.ctx, { role: 'grid_worker', communityId: other.id });
    expect((await s.patch(`/api/accounts/${foreign.id}`, { displayName: 'hacked' })).statusCode).toBe(404);
    expect((await s.post(`/api/accounts/${foreign.id}/reset-password`, { newPassword: 'hacked-pass-1' })).statusCode).toBe(404);
    const list = (await s.get('/api/accounts?pageSize=200')).json();
    expect(list.items.every((a: { communityId: number }) => a.communityId === secretary.community.id)).toBe(true);
    expect((await s.get(`/api/accounts?communityId=${other.id}`)).statusCode).toBe(404);
    // Granting a platform role by edit is refused too.
    const mine = await buildAccount(env.ctx, { role: 'volunteer', communityId: secretary.community.id });
    expect((await s.patch(`/api/accounts/${mine.id}`, { role: 'subdistrict_admin' })).statusCode).toBe(403);
  });

  it('lets a system admin create a subdistrict admin placed by community, and a system admin placed nowhere', async () => {
    const a = httpAs(env.app, admin.cookie);
    const sub = await a.post('/api/accounts', {
      username: 'sub.admin',
      displayName: '街道',
      role: 'subdistrict_admin',
      password: 'secret-pass-1',
      communityId: secretary.community.id,
    });
    expect(sub.statusCode).toBe(201);
    expect(sub.json()).toMatchObject({ communityId: null, subdistrictId: secretary.community.subdistrictId });
    const sys = await a.post('/api/accounts', { username: 'sys.two', displayName: '运维', role: 'system_admin', password: 'secret-pass-1' });
    expect(sys.json()).toMatchObject({ communityId: null, subdistrictId: null });
    const missing = await a.post('/api/accounts', { username: 'no.place', displayName: 'x', role: 'social_worker', password: 'secret-pass-1' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details.fields[0]).toMatchObject({ field: 'communityId', rule: 'required' });
    const short = await a.post('/api/accounts', {
      username: 'bad name!',
      displayName: 'x',
      role: 'volunteer',
      password: 'short',
      communityId: secretary.community.id,
    });
    expect(
      short
        .json()
        .error.details.fields.map((f: { field: string; rule: string }) => `${f.field}:${f.rule}`)
        .sort(),
    ).toEqual(['password:password_too_short', 'username:invalid_username']);
    // The subdistrict admin reads the accounts of the subdistrict, including their own, but manages none.
    const subCookie = await loginAs(env.app, 'sub.admin', 'secret-pass-1');
    const seen = (await httpAs(env.app, subCookie).get('/api/accounts?pageSize=200')).json();
    expect(seen.items.map((x: { username: string }) => x.username)).toEqual(expect.arrayContaining(['sub.admin', 'wang.grid']));
    expect(seen.items.map((x: { username: string }) => x.username)).not.toContain('sys.two');
    expect((await httpAs(env.app, subCookie).patch(`/api/accounts/${sub.json().id}`, { displayName: 'x' })).statusCode).toBe(403);
  });

  it('deactivates an account and ends its sessions; refuses self-lockout', async () => {
    const target = await buildAccount(env.ctx, { role: 'social_worker', communityId: secretary.community.id });
    const targetCookie = await loginAs(env.app, target.username);
    const s = httpAs(env.app, secretary.cookie);
    const off = await s.patch(`/api/accounts/${target.id}`, { isActive: false, displayName: '已离职社工' });
    expect(off.statusCode).toBe(200);
    expect(off.json()).toMatchObject({ isActive: false, displayName: '已离职社工' });
    expect((await env.app.inject({ url: '/api/auth/me', headers: { cookie: targetCookie } })).statusCode).toBe(401);
    await expect(loginAs(env.app, target.username)).rejects.toThrow(/401/);
    expect((await s.get('/api/accounts?isActive=false')).json().items.map((a: { id: number }) => a.id)).toContain(target.id);

    expect((await s.patch(`/api/accounts/${secretary.account.id}`, { isActive: false })).statusCode).toBe(403);
    expect((await s.patch(`/api/accounts/${secretary.account.id}`, { role: 'volunteer' })).statusCode).toBe(403);
    expect((await s.patch(`/api/accounts/${secretary.account.id}`, { displayName: '李书记' })).statusCode).toBe(200);
    const audit = await env.ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_type', '=', 'account')
      .where('entity_id', '=', String(target.id))
      .where('action', 'like', 'account.%')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['account.deactivated']);
    expect(audit[0]!.changes).toEqual({ isActive: { from: true, to: false }, displayName: { from: target.username, to: '已离职社工' } });
  });

  it('holds account creation and reset to the password policy', async () => {
    const s = httpAs(env.app, secretary.cookie);
    const weak = await s.post('/api/accounts', { username: 'zhao.vol', displayName: '赵', role: 'volunteer', password: '12345678' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.details.fields).toEqual([expect.objectContaining({ field: 'password', rule: 'password_too_short', message: '密码至少 10 位' })]);
    const named = await s.post('/api/accounts', { username: 'zhao.vol', displayName: '赵', role: 'volunteer', password: 'ZHAO.VOL.2026' });
    expect(named.json().error.details.fields).toEqual([expect.objectContaining({ field: 'password', rule: 'password_contains_username' })]);
    expect(await env.ctx.db.selectFrom('accounts').select('id').where('username', '=', 'zhao.vol').executeTakeFirst()).toBeUndefined();
    const target = await buildAccount(env.ctx, { role: 'volunteer', communityId: secretary.community.id });
    for (const [newPassword, rule] of [
      ['aaaaaaaa', 'password_too_short'],
      ['1qaz2wsx3edc', 'password_common'],
      [`x${target.username}x`, 'password_contains_username'],
    ]) {
      const res = await s.post(`/api/accounts/${target.id}/reset-password`, { newPassword });
      expect(res.statusCode, newPassword).toBe(400);
      expect(res.json().error.details.fields[0]).toMatchObject({ field: 'newPassword', rule });
    }
    await expect(loginAs(env.app, target.username)).resolves.toMatch(/linli_sid=/);
  });

  it('resets a password: the old one stops working, sessions end, the new one logs in', async () => {
    const target = await buildAccount(env.ctx, { role: 'grid_worker', communityId: secretary.community.id });
    const targetCookie = await loginAs(env.app, target.username);
    const res = await httpAs(env.app, secretary.cookie).post(`/api/accounts/${target.id}/reset-password`, { newPassword: 'brand-new-pass' });
    expect(res.statusCode).toBe(200);
    expect((await env.app.inject({ url: '/api/auth/me', headers: { cookie: targetCookie } })).statusCode).toBe(401);
    await expect(loginAs(env.app, target.username)).rejects.toThrow(/401/);
    await expect(loginAs(env.app, target.username, 'brand-new-pass')).resolves.toMatch(/linli_sid=/);
    const audit = await env.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'account')
      .where('entity_id', '=', String(target.id))
      .execute();
    expect(audit.map((a) => a.action)).toContain('account.password_reset');
  });

  it('sorts and searches on the server', async () => {
    const c = await buildCommunity(env.ctx);
    const sec = await actorIn(env, 'secretary', c);
    for (const u of ['c_worker', 'a_worker', 'b_worker']) await buildAccount(env.ctx, { role: 'grid_worker', communityId: c.id, username: u });
    const list = (await httpAs(env.app, sec.cookie).get('/api/accounts?role=grid_worker&sort=username&order=desc&pageSize=2')).json();
    expect(list).toMatchObject({ total: 3, pageSize: 2 });
    expect(list.items.map((a: { username: string }) => a.username)).toEqual(['c_worker', 'b_worker']);
    expect((await httpAs(env.app, sec.cookie).get('/api/accounts?q=a_wor')).json().items.map((a: { username: string }) => a.username)).toEqual(['a_worker']);
  });

  it('changes nothing when the audit row cannot be written (same transaction)', async () => {
    const target = await buildAccount(env.ctx, { role: 'volunteer', communityId: secretary.community.id });
    const targetCookie = await loginAs(env.app, target.username);
    const snapshot = async () => ({
      accounts: await env.ctx.db.selectFrom('accounts').selectAll().where('community_id', '=', secretary.community.id).orderBy('id').execute(),
      sessions: await env.ctx.db.selectFrom('sessions').select(['id', 'revoked_at']).where('account_id', '=', target.id).orderBy('id').execute(),
    });
    const before = await snapshot();
    await blockAudit(env, ['account.']);
    try {
      const s = httpAs(env.app, secretary.cookie);
      const writes = [
        await s.post('/api/accounts', { username: 'never.created', displayName: 'x', role: 'volunteer', password: 'secret-pass-1' }),
        await s.patch(`/api/accounts/${target.id}`, { isActive: false }),
        await s.post(`/api/accounts/${target.id}/reset-password`, { newPassword: 'never-applied' }),
      ];
      expect(writes.map((w) => w.statusCode)).toEqual([500, 500, 500]);
    } finally {
      await unblockAudit(env);
    }
    expect(await snapshot()).toEqual(before);
    expect((await env.app.inject({ url: '/api/auth/me', headers: { cookie: targetCookie } })).statusCode).toBe(200);
  });
});
