import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorIn, createTestEnv, engineUnderTest, httpAs, type TestEnv } from '../../../test/harness.js';
import { nextProjectStatus } from './project-state.js';

// 为民办实事 (ADR 0047): proposed → approved → claimed at an event → in progress → completed → rated from the phone.
let env: TestEnv;
let staff: Awaited<ReturnType<typeof actorIn>>;
let other: Awaited<ReturnType<typeof actorIn>>;
let code: string;

beforeAll(async () => {
  env = await createTestEnv();
  staff = await actorIn(env, 'secretary');
  other = await actorIn(env, 'secretary');
  code = (await env.ctx.db.selectFrom('communities').select('code').where('id', '=', staff.community.id).executeTakeFirstOrThrow()).code;
}, 120_000);
afterAll(() => env?.close());

describe('the project state machine', () => {
  it('allows only the listed moves', () => {
    expect(nextProjectStatus('proposed', 'approve')).toBe('approved');
    expect(nextProjectStatus('proposed', 'claim')).toBeNull();
    expect(nextProjectStatus('in_progress', 'complete')).toBe('completed');
    expect(nextProjectStatus('approved', 'complete')).toBeNull();
  });
});

describe(`projects (${engineUnderTest})`, () => {
  it('runs a project from proposal to rating, with funding, milestones, claims and the timeline', async () => {
    const api = httpAs(env.app, staff);
    const created = await api.post('/api/projects', {
      title: '老旧供水管网改造',
      content: '更换 3 栋楼的入户水管',
      sourceKind: 'meeting',
      plannedStart: '2026-03-01',
      plannedEnd: '2026-06-30',
      funding: [
        { source: '区财政', amountYuan: 180000 },
        { source: '共建单位捐赠', amountYuan: 20000 },
      ],
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as number;
    expect(created.json().funding.map((f: { amountYuan: number }) => f.amountYuan)).toEqual([180000, 20000]);
    expect((await api.post(`/api/projects/${id}/claims`, { unitKind: 'partner', unitName: '兰州供水公司' })).json().error.code).toBe('PROJECT_NOT_CLAIMABLE');
    expect((await api.post(`/api/projects/${id}/approve`, {})).json().status).toBe('approved');
    const claimed = await api.post(`/api/projects/${id}/claims`, { unitKind: 'partner', unitName: '兰州供水公司', claimEvent: '民生项目认领会' });
    expect(claimed.json()).toMatchObject({ status: 'claimed', claimEvent: '民生项目认领会' });
    const second = await api.post(`/api/projects/${id}/claims`, { unitKind: 'partner', unitName: '另一家公司' });
    expect(second.json().error.code).toBe('PROJECT_NOT_CLAIMABLE');
    expect((await api.post(`/api/projects/${id}/claims`, { unitKind: 'party_org', unitName: '社区党委', role: 'co' })).json().claims).toHaveLength(2);
    const bad = await api.post(`/api/projects/${id}/progress`, { percent: 120 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'PROJECT_PERCENT_OUT_OF_RANGE' });
    expect(bad.json().error.details.fields[0].field).toBe('percent');
    expect((await api.get(`/api/projects/${id}`)).json().percent).toBe(0);
    expect((await api.post(`/api/projects/${id}/progress`, { percent: 40 })).json()).toMatchObject({ status: 'in_progress', percent: 40 });
    const withMilestone = await api.post(`/api/projects/${id}/milestones`, { title: '管材进场', dueOn: '2026-04-01' });
    const mid = withMilestone.json().milestones[0].id;
    expect((await api.post(`/api/projects/${id}/milestones/${mid}/done`, {})).json().milestones[0].doneAt).not.toBeNull();
    expect((await httpAs(env.app, other).get(`/api/projects/${id}`)).statusCode).toBe(404);
    // Residents follow it and rate it once completed, once per phone.
    const pub = httpAs(env.app);
    const early = await pub.post(`/api/public/projects/${id}/ratings`, { communityCode: code, rating: 5, phone: '13912345678' });
    expect(early.statusCode).toBe(409);
    expect((await api.post(`/api/projects/${id}/complete`, {})).json()).toMatchObject({ status: 'completed', percent: 100 });
    const rated = await pub.post(`/api/public/projects/${id}/ratings`, { communityCode: code, rating: 5, comment: '水压足了', phone: '13912345678' });
    expect(rated.statusCode).toBe(201);
    expect(rated.json()).toMatchObject({ status: 'evaluated', rating: { count: 1, average: 5 }, leadUnit: '兰州供水公司' });
    const twice = await pub.post(`/api/public/projects/${id}/ratings`, { communityCode: code, rating: 1, phone: '13912345678' });
    expect(twice.json().error.code).toBe('PROJECT_ALREADY_RATED');
    const list = await pub.get(`/api/public/communities/${code}/projects`);
    expect(list.json().items[0]).toMatchObject({ title: '老旧供水管网改造', milestones: [{ title: '管材进场', done: true }] });
    const events = await env.ctx.db.selectFrom('project_events').select('action').where('project_id', '=', id).orderBy('id').execute();
    expect(events.map((e) => e.action)).toEqual([
      'proposed',
      'approve',
      'claimed',
      'claimed',
      'progress',
      'milestone_added',
      'milestone_done',
      'complete',
      'rated',
    ]);
    const audits = await env.ctx.db.selectFrom('audit_log').select('action').where('entity_type', '=', 'project').where('entity_id', '=', String(id)).execute();
    expect(audits).toHaveLength(9);
  });
});
