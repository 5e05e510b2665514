import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorIn, buildCommunity, createTestEnv, httpAs, type TestEnv } from '../../../test/harness.js';

describe('partners routes', () => {
  let env: TestEnv;
  let secretary: Awaited<ReturnType<typeof actorIn>>;
  const post = (url: string, payload: object, cookie = secretary.cookie) => httpAs(env.app, cookie).post(url, payload);
  const patch = (url: string, payload: object) => httpAs(env.app, secretary).patch(url, payload);
  const get = (url: string, cookie = secretary.cookie) => httpAs(env.app, cookie).get(url);
  const auditOf = (id: number) =>
    env.ctx.db.selectFrom('audit_log').selectAll().where('entity_type', '=', 'partner').where('entity_id', '=', String(id)).orderBy('id').execute();

  beforeAll(async () => {
    env = await createTestEnv();
    secretary = await actorIn(env, 'secretary');
  });
  afterAll(async () => env.close());

  it('stores the contact phone encrypted, answers it masked, and keeps it out of the audit', async () => {
    const res = await post('/api/partners', {
      name: '金房物业',
      kind: 'property_company',
      contactName: '赵经理',
      contactPhone: '13919000001',
      description: '金海花园物业服务企业',
      joinedOn: '2023-05-01',
    });
    expect(res.statusCode).toBe(201);
    const p = res.json();
    expect(p).toMatchObject({
      name: '金房物业',
      kind: 'property_company',
      contactName: '赵经理',
      contactPhoneMasked: '139****0001',
      joinedOn: '2023-05-01',
      archivedAt: null,
    });
    expect(res.body).not.toContain('13919000001');
    const row = await env.ctx.db.selectFrom('partners').selectAll().where('id', '=', p.id).executeTakeFirstOrThrow();
    expect(row.contact_phone_enc).toMatch(/^v1:/);
    expect(env.ctx.pii.decrypt(row.contact_phone_enc!)).toBe('13919000001');

    const upd = await patch(`/api/partners/${p.id}`, { contactPhone: '13919000099', address: '西津西路 1 号' });
    expect(upd.json()).toMatchObject({ contactPhoneMasked: '139****0099', address: '西津西路 1 号' });
    const cleared = await patch(`/api/partners/${p.id}`, { contactPhone: null });
    expect(cleared.json().contactPhoneMasked).toBeNull();
    const audit = await auditOf(p.id);
    expect(audit.map((a) => a.action)).toEqual(['partner.created', 'partner.updated', 'partner.updated']);
    expect(audit[1]!.changes).toEqual({ address: { from: null, to: '西津西路 1 号' }, contactPhoneMasked: { from: '139****0001', to: '139****0099' } });
    expect(JSON.stringify(audit.map((a) => a.changes))).not.toMatch(/1391900000[19]|13919000099/);

    const bad = await post('/api/partners', { name: '坏号码', kind: 'merchant', contactPhone: '12345' });
    expect(bad.json().error.details.fields[0]).toMatchObject({
      field: 'contactPhone',
      rule: 'invalid_phone',
      message: '联系电话不是有效的手机号（11 位，以 1 开头）',
    });
  });

  it('archives with a reason, hides archived partners unless asked, and refuses edits after', async () => {
    const p = (await post('/api/partners', { name: '老兵开锁', kind: 'merchant' })).json();
    const archived = await post(`/api/partners/${p.id}/archive`, { reason: '协议到期' });
    expect(archived.statusCode).toBe(200);
    expect(archived.json().archivedAt).toEqual(expect.any(String));
    expect((await post(`/api/partners/${p.id}/archive`, { reason: 'again' })).json().error.code).toBe('INVALID_STATE');
    expect((await patch(`/api/partners/${p.id}`, { name: '新名字' })).json().error.code).toBe('INVALID_STATE');
    expect((await get('/api/partners?pageSize=200')).json().items.map((x: { id: number }) => x.id)).not.toContain(p.id);
    expect((await get('/api/partners?pageSize=200&includeArchived=true')).json().items.map((x: { id: number }) => x.id)).toContain(p.id);
    expect((await auditOf(p.id)).at(-1)).toMatchObject({ action: 'partner.archived', reason: '协议到期' });
    // The row is kept for the ledger.
    expect(await env.ctx.db.selectFrom('partners').select('id').where('id', '=', p.id).executeTakeFirst()).toBeDefined();
  });

  it('filters by kind, searches, sorts and paginates on the server; another community is 404', async () => {
    const c = await buildCommunity(env.ctx);
    const sec = await actorIn(env, 'secretary', c);
    const made = [
      { name: '兰州现代职业学院', kind: 'school' },
      { name: '理工大卫生服务站', kind: 'hospital' },
      { name: '德萍家政', kind: 'merchant', contactName: '刘经理' },
      { name: '港城便民超市', kind: 'merchant' },
      { name: '小草爱心公益组织', kind: 'social_org' },
    ];
    for (const m of made) expect((await post('/api/partners', m, sec.cookie)).statusCode).toBe(201);
    const list = async (qs: string) => (await get(`/api/partners?${qs}`, sec.cookie)).json();
    const merchants = await list('kind=merchant&sort=name&order=asc');
    expect(merchants.total).toBe(2);
    expect((await list('q=刘经理')).items.map((x: { name: string }) => x.name)).toEqual(['德萍家政']);
    const p2 = await list('pageSize=2&page=3&sort=id&order=desc');
    expect(p2).toMatchObject({ total: 5, page: 3 });
    expect(p2.items.map((x: { name: string }) => x.name)).toEqual(['兰州现代职业学院']);
    expect((await get('/api/partners?kind=bank', sec.cookie)).statusCode).toBe(400);

    const theirs = (await list('kind=school')).items[0];
    expect((await get(`/api/partners/${theirs.id}`)).statusCode).toBe(404);
    expect((await patch(`/api/partners/${theirs.id}`, { name: 'x' })).statusCode).toBe(404);
    expect((await get(`/api/partners?communityId=${c.id}`)).statusCode).toBe(404);
    const dup = await post('/api/partners', { name: '德萍家政', kind: 'merchant' }, sec.cookie);
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.details.fields[0]).toMatchObject({ field: 'name', rule: 'taken' });
  });

  it('changes nothing when the audit row cannot be written (same transaction)', async () => {
    const p = (await post('/api/partners', { name: '七里河区环卫清运所', kind: 'government_dept' })).json();
    const snapshot = () => env.ctx.db.selectFrom('partners').selectAll().where('community_id', '=', secretary.community.id).orderBy('id').execute();
    const before = await snapshot();
    await sql`alter table audit_log add constraint partner_audit_blocked check (action not like 'partner.%') not valid`.execute(env.ctx.db);
    try {
      const writes = [
        await post('/api/partners', { name: '不会出现', kind: 'other' }),
        await patch(`/api/partners/${p.id}`, { contactPhone: '13900001111' }),
        await post(`/api/partners/${p.id}/archive`, { reason: 'x' }),
      ];
      expect(writes.map((w) => w.statusCode)).toEqual([500, 500, 500]);
    } finally {
      await sql`alter table audit_log drop constraint partner_audit_blocked`.execute(env.ctx.db);
    }
    expect(await snapshot()).toEqual(before);
  });
});
