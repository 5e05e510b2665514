import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, httpAs, loginAs, type TestEnv } from '../../test/harness.js';
import { seedDemo } from './seed.js';
import { DEMO_PASSWORD } from './accounts.js';
import { demoContactAccounts } from './organisations.js';

describe('demo organisations (issue 7)', () => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv();
    await seedDemo(env.ctx);
  });
  afterAll(async () => env.close());

  it('has the departments of 七里河区 and 北仑区 and the subdistrict offices, each with a contact who logs in and sees only its own', async () => {
    const orgs = await env.ctx.db.selectFrom('organisations').select(['name', 'kind']).execute();
    const names = orgs.map((o) => o.name);
    expect(names).toEqual(
      expect.arrayContaining(['七里河区城市管理局', '国网兰州供电公司七里河供电服务中心', '北仑区综合行政执法局', '敦煌路街道办事处', '新碶街道办事处']),
    );
    expect(orgs.filter((o) => o.kind === 'department').length).toBeGreaterThanOrEqual(14);
    const cg = demoContactAccounts.find((a) => a.username === 'qlh_chengguan')!;
    const cookie = await loginAs(env.app, cg.username, DEMO_PASSWORD);
    const me = (await httpAs(env.app, cookie).get('/api/auth/me')).json();
    expect(me).toMatchObject({ role: 'department_contact', organisationId: expect.any(Number) });
    const seen = (await httpAs(env.app, cookie).get('/api/organisations')).json().items.map((o: { name: string }) => o.name);
    expect(seen).toEqual(['七里河区城市管理局']);
    const jiedao = await loginAs(env.app, 'jiedao', DEMO_PASSWORD);
    const serving = (await httpAs(env.app, jiedao).get('/api/organisations?pageSize=100')).json().items.map((o: { name: string }) => o.name);
    expect(serving).toContain('七里河区城市管理局');
    expect(serving).not.toContain('北仑区综合行政执法局');
  });
});
