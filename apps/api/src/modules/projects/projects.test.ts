import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBackgroundJobs } from '../../../test/jobs.js';
import { trustedCommunityId } from '../../platform/access/trusted-scope.js';
import { actorIn, createTestEnv, engineUnderTest, httpAs, type TestEnv } from '../../../test/harness.js';
import { nextProjectStatus } from './project-state.js';
import { yearCounts } from './ledger.js';

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

  it('prints 为民办实事台账 with the columns inspections use, in words, and counts projects on the dashboard', async () => {
    const api = httpAs(env.app, staff);
    const canteen = await api.post('/api/projects', {
      title: '爸妈食堂',
      content: '为辖区老人提供午餐',
      plannedStart: '2026-09-01',
      plannedEnd: '2027-01-31',
      funding: [{ source: '街道民生资金', amountYuan: 50000 }],
    });
    const id = canteen.json().id as number;
    await api.post(`/api/projects/${id}/approve`, {});
    await api.post(`/api/projects/${id}/claims`, { unitKind: 'partner', unitName: '小西坪餐饮公司', claimEvent: '民生项目认领会' });
    await api.post(`/api/projects/${id}/claims`, { unitKind: 'organisation', unitName: '街道民政办', role: 'co' });
    await api.post(`/api/projects/${id}/progress`, { percent: 60 });
    await api.post(`/api/projects/${id}/milestones`, { title: '场地装修', dueOn: '2026-10-15' });
    const rejected = (await api.post('/api/projects', { title: '不做的项目', content: '未立项' })).json().id;
    await api.post(`/api/projects/${rejected}/reject`, {});

    const started = await api.post('/api/ledger/exports', { register: 'projects' });
    expect(started.statusCode).toBe(202);
    await runBackgroundJobs(env.ctx);
    const file = await api.get(`/api/ledger/exports/${started.json().id}/file`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.name).toBe('为民办实事台账');
    const header = (sheet.getRow(3).values as unknown[]).slice(1) as string[];
    expect(header).toEqual(['序号', '项目名称', '项目内容', '经费来源', '计划启动时限', '计划完成时限', '主办单位', '协办单位', '进度', '评价']);
    const row = (n: number) => Object.fromEntries(header.map((h, i) => [h, sheet.getRow(3 + n).getCell(i + 1).value]));
    // Oldest first; the rejected project is left out.
    expect(row(1)).toMatchObject({
      项目名称: '老旧供水管网改造',
      经费来源: '区财政 180,000 元\n共建单位捐赠 20,000 元\n合计 200,000 元',
      主办单位: '兰州供水公司\n（民生项目认领会认领）',
      协办单位: '社区党委',
      评价: '平均 5 分（1 人评价）',
    });
    expect(row(1)['进度']).toMatch(/^已评价，完成 100%（\d{4}-\d{2}-\d{2} 完成）\n1\. 管材进场（已完成）$/);
    expect(row(1)['计划启动时限']).toBeInstanceOf(Date);
    expect((row(1)['计划完成时限'] as Date).toISOString().slice(0, 10)).toBe('2026-06-30');
    expect(row(2)).toMatchObject({
      项目名称: '爸妈食堂',
      经费来源: '街道民生资金 50,000 元',
      主办单位: '小西坪餐饮公司\n（民生项目认领会认领）',
      协办单位: '街道民政办',
      进度: '推进中，完成 60%\n1. 场地装修（计划 2026-10-15）',
      评价: null,
    });
    expect(sheet.getRow(6).getCell(2).value).not.toBe('不做的项目');
    expect(JSON.stringify(sheet.getSheetValues())).not.toMatch(/in_progress|evaluated|rejected/);

    // The dashboard: one under way now, one completed this year (the water mains, completed today).
    expect(await yearCounts(env.ctx.db, trustedCommunityId(staff.community.id))).toEqual({ inProgress: 1, completedThisYear: 1 });
    const dash = await api.get('/api/dashboard/community');
    expect(dash.json().projects).toEqual({ inProgress: 1, completedThisYear: 1 });
    const next = await yearCounts(env.ctx.db, trustedCommunityId(staff.community.id), new Date(Date.now() + 400 * 86_400_000));
    expect(next.completedThisYear).toBe(0);
  });
});
