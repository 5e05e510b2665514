import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorIn, createTestEnv, httpAs, signedInAccount, type TestEnv } from '../../../test/harness.js';
import { buildResident } from '../../../test/fixtures.js';

describe('help list (帮扶清单)', () => {
  let env: TestEnv;
  let secretary: Awaited<ReturnType<typeof actorIn>>;
  let grid: { cookie: string };
  let residentId: number;

  beforeAll(async () => {
    env = await createTestEnv();
    secretary = await actorIn(env, 'secretary');
    grid = await signedInAccount(env, 'grid_worker', secretary.community.id);
    const r = await buildResident(env.ctx, secretary.community.id, { name: '王秀兰' });
    residentId = r.id;
    // 独居 in the open tags, 低保 sealed like the residents' module does.
    await env.ctx.db
      .updateTable('residents')
      .set({ tags: ['living_alone', 'veteran'], sensitive_enc: env.ctx.pii.encrypt(JSON.stringify(['low_income'])) })
      .where('id', '=', r.id)
      .execute();
  });
  afterAll(async () => env.close());

  it('seals the request and circumstances, lists a masked name and the category, and logs each full view', async () => {
    const sec = httpAs(env.app, secretary);
    const res = await sec.post('/api/help-needs', { residentId, helpCategory: 'errands', request: '每周帮老人买菜两次', circumstances: '低保，腿脚不便' });
    expect(res.statusCode).toBe(201);
    const need = res.json();
    expect(need).toMatchObject({ residentNameMasked: '王**', helpCategory: 'errands', status: 'open', actionCount: 0 });
    expect(res.body).not.toContain('买菜');
    expect(res.body).not.toContain('王秀兰');
    const row = await env.ctx.db.selectFrom('help_needs').selectAll().where('id', '=', need.id).executeTakeFirstOrThrow();
    expect(row.request_enc).toMatch(/^v1:/);
    expect(env.ctx.pii.decrypt(row.circumstances_enc!)).toBe('低保，腿脚不便');
    expect(JSON.parse(env.ctx.pii.decrypt(row.basis_enc!))).toEqual(['living_alone', 'low_income']);

    // A grid worker reads the list (masked) but not the full view.
    const list = await httpAs(env.app, grid).get('/api/help-needs');
    expect(list.statusCode).toBe(200);
    expect(list.json().items[0]).toMatchObject({ id: need.id, residentNameMasked: '王**', helpCategory: 'errands' });
    expect(list.body).not.toMatch(/王秀兰|买菜|低保/);
    expect((await httpAs(env.app, grid).get(`/api/help-needs/${need.id}/full`)).statusCode).toBe(403);
    expect(await env.ctx.db.selectFrom('pii_access_log').selectAll().where('entity_type', '=', 'help_need').execute()).toHaveLength(0);

    const full = await sec.get(`/api/help-needs/${need.id}/full`);
    expect(full.json()).toEqual({
      id: need.id,
      residentName: '王秀兰',
      request: '每周帮老人买菜两次',
      circumstances: '低保，腿脚不便',
      basis: ['living_alone', 'low_income'],
    });
    const log = await env.ctx.db.selectFrom('pii_access_log').selectAll().where('entity_type', '=', 'help_need').execute();
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ actor_id: secretary.account.id, entity_id: String(need.id) });

    const audit = await env.ctx.db.selectFrom('audit_log').selectAll().where('entity_type', '=', 'help_need').execute();
    expect(JSON.stringify(audit)).not.toMatch(/买菜|低保/);
  });

  it('moves open → in_progress → closed with a timeline and audit, records dated actions and a helper', async () => {
    const sec = httpAs(env.app, secretary);
    const need = (await sec.post('/api/help-needs', { residentId, helpCategory: 'companionship', request: '陪老人聊天' })).json();
    const helper = await signedInAccount(env, 'volunteer', secretary.community.id);
    const withHelper = await sec.post(`/api/help-needs/${need.id}/helper`, { helperKind: 'account', helperId: helper.account.id });
    expect(withHelper.json()).toMatchObject({ helperKind: 'account', helperName: helper.account.username });
    const acted = await sec.post(`/api/help-needs/${need.id}/actions`, { actedOn: '2026-11-20', note: '上门陪伴一小时' });
    expect(acted.json()).toMatchObject({ status: 'in_progress', actionCount: 1, lastActedOn: '2026-11-20' });
    expect(acted.json().actions[0]).toMatchObject({ actedOn: '2026-11-20', note: '上门陪伴一小时' });
    const closed = await sec.post(`/api/help-needs/${need.id}/steps`, { action: 'close', note: '已搬去子女家' });
    expect(closed.json().status).toBe('closed');
    expect(closed.json().events.map((e: { action: string }) => e.action)).toEqual(['created', 'helper_set', 'action_added', 'closed']);
    const audit = await env.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'help_need')
      .where('entity_id', '=', String(need.id))
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['help_need.created', 'help_need.helper_set', 'help_need.action_added', 'help_need.closed']);

    // A closed need takes no action and no second close; nothing is written.
    const late = await sec.post(`/api/help-needs/${need.id}/actions`, { actedOn: '2026-11-21', note: '再次上门' });
    expect(late.statusCode).toBe(409);
    expect((await sec.post(`/api/help-needs/${need.id}/steps`, { action: 'close' })).statusCode).toBe(409);
    expect((await sec.get(`/api/help-needs/${need.id}`)).json().actionCount).toBe(1);
    expect((await sec.post(`/api/help-needs/${need.id}/steps`, { action: 'reopen' })).json().status).toBe('in_progress');
  });

  it('names the field of bad input, writes nothing, and answers 404 for another community', async () => {
    const sec = httpAs(env.app, secretary);
    const before = await env.ctx.db
      .selectFrom('help_needs')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const bad = await sec.post('/api/help-needs', { residentId, helpCategory: 'nonsense', request: '' });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.details.fields.map((f: { field: string }) => f.field)
        .sort(),
    ).toEqual(['helpCategory', 'request']);
    const other = await actorIn(env, 'secretary');
    const stranger = await buildResident(env.ctx, other.community.id, { name: '李四' });
    const wrongResident = await sec.post('/api/help-needs', { residentId: stranger.id, helpCategory: 'repair', request: '修水管' });
    expect(wrongResident.json().error.details.fields[0]).toMatchObject({ field: 'residentId', rule: 'not_found' });
    const after = await env.ctx.db
      .selectFrom('help_needs')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));

    const theirs = (await httpAs(env.app, other).post('/api/help-needs', { residentId: stranger.id, helpCategory: 'repair', request: '修水管' })).json();
    expect((await sec.get(`/api/help-needs/${theirs.id}`)).statusCode).toBe(404);
    expect((await sec.get(`/api/help-needs/${theirs.id}/full`)).statusCode).toBe(404);
    expect((await sec.post(`/api/help-needs/${theirs.id}/steps`, { action: 'close' })).statusCode).toBe(404);
    const badHelper = await sec.post(`/api/help-needs/${(await sec.get('/api/help-needs')).json().items[0].id}/helper`, {
      helperKind: 'partner',
      helperId: 999999,
    });
    expect(badHelper.json().error.details.fields[0]).toMatchObject({ field: 'helperId', rule: 'not_found' });
  });
});
