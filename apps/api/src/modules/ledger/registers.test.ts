import { ledgerRegisterKeys } from '@linli/contracts';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorIn, createTestEnv, type TestEnv } from '../../../test/harness.js';
import { runBackgroundJobs } from '../../../test/jobs.js';

const communityName = async (env: TestEnv, id: number) =>
  (await env.ctx.db.selectFrom('communities').select('name').where('id', '=', id).executeTakeFirstOrThrow()).name;

/** Every register prints through the one workbook: each module's register, its words, and who sees what. */
describe('ledger registers (花名册, 党员, 队伍, 共建单位)', () => {
  let env: TestEnv;
  let sec: Awaited<ReturnType<typeof actorIn>>;
  const post = (cookie: string, url: string, payload: object) => env.app.inject({ method: 'POST', url, headers: { cookie }, payload });
  beforeAll(async () => {
    env = await createTestEnv();
    sec = await actorIn(env, 'secretary');
    const compoundId = (await post(sec.cookie, '/api/compounds', { name: '金海花园' })).json().id;
    const buildingId = (await post(sec.cookie, '/api/buildings', { compoundId, name: '1号楼' })).json().id;
    const unitId = (await post(sec.cookie, '/api/units', { buildingId, name: '1单元' })).json().id;
    const householdId = (await post(sec.cookie, '/api/households', { unitId, roomNo: '101' })).json().id;
    const resident = await post(sec.cookie, '/api/residents', {
      householdId,
      name: '王秀兰',
      gender: 'female',
      birthDate: '1949-12-31',
      phone: '13893112345',
      idCard: '11010519491231002X',
      relation: '户主',
      tags: ['living_alone'],
      sensitiveTags: ['low_income'],
    });
    expect(resident.statusCode).toBe(201);
    const pm = await post(sec.cookie, '/api/party-members', {
      residentId: resident.json().id,
      status: 'in_service',
      workUnit: '兰州石化',
      joinedOn: '1975-07-01',
    });
    expect(pm.statusCode).toBe(201);
    expect((await post(sec.cookie, '/api/teams', { name: '红色先锋队', kind: 'pioneer', description: '楼道清理、政策宣传' })).statusCode).toBe(201);
    expect(
      (
        await post(sec.cookie, '/api/partners', {
          name: '兰州供电公司',
          kind: 'enterprise',
          contactName: '李经理',
          contactPhone: '13993100002',
          joinedOn: '2025-05-01',
          description: '电力检修进社区',
        })
      ).statusCode,
    ).toBe(201);
  });
  afterAll(async () => env.close());

  async function exportOf(cookie: string, register: string, filter: object = {}) {
    const started = await post(cookie, '/api/ledger/exports', { register, ...filter });
    expect(started.statusCode).toBe(202);
    await runBackgroundJobs(env.ctx);
    const id = started.json().id;
    expect((await env.app.inject({ url: `/api/ledger/exports/${id}`, headers: { cookie } })).json()).toMatchObject({ status: 'done', register });
    const file = await env.app.inject({ url: `/api/ledger/exports/${id}/file`, headers: { cookie } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    const header = (sheet.getRow(3).values as unknown[]).slice(1) as string[];
    const row = (n: number) => Object.fromEntries(header.map((h, i) => [h, sheet.getRow(3 + n).getCell(i + 1).value]));
    return { id, sheet, header, row, text: JSON.stringify(sheet.getSheetValues()) };
  }

  it('lists the registers the actor may export', async () => {
    const list = (await env.app.inject({ url: '/api/ledger/registers', headers: { cookie: sec.cookie } })).json();
    expect(list.items.map((r: { key: string }) => r.key)).toEqual([...ledgerRegisterKeys]);
    const sys = await actorIn(env, 'system_admin', sec.community);
    const sysList = (await env.app.inject({ url: '/api/ledger/registers', headers: { cookie: sys.cookie } })).json();
    expect(sysList.items.map((r: { key: string }) => r.key)).not.toContain('residents');
  });

  it('prints the 花名册 in full for the secretary, logs that view, and with typed birth dates and words', async () => {
    const { id, sheet, row, text } = await exportOf(sec.cookie, 'residents');
    expect(sheet.name).toBe('居民花名册');
    expect(sheet.getCell('A1').value).toBe(`${await communityName(env, sec.community.id)} 居民花名册`);
    expect(String(sheet.getCell('A2').value)).toMatch(/^统计期间：截至 \d{4}-\d{2}-\d{2}/);
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1, printTitlesRow: '3:3' });
    const r = row(1);
    expect(r).toMatchObject({ 序号: 1, 小区: '金海花园', 楼栋: '1号楼', 单元: '1单元', 房号: '101', 姓名: '王秀兰', 性别: '女', 户籍: '本地' });
    expect(r['出生日期']).toEqual(new Date(Date.UTC(1949, 11, 31)));
    expect(sheet.getRow(4).getCell(8).numFmt).toBe('yyyy-mm-dd');
    expect(r['身份证号']).toBe('11010519491231002X');
    expect(r['联系电话']).toBe('13893112345');
    expect(r['人员类别']).toBe('独居老人、低保户');
    expect(text).toContain('经办人');
    const logged = await env.ctx.db
      .selectFrom('pii_access_log')
      .select(['entity_type', 'entity_id', 'fields'])
      .where('entity_type', '=', 'ledger_export')
      .execute();
    expect(logged).toEqual([{ entity_type: 'ledger_export', entity_id: String(id), fields: ['phone', 'idCard', 'sensitiveTags'] }]);
    const audit = await env.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'changes'])
      .where('entity_type', '=', 'ledger_export')
      .where('entity_id', '=', String(id))
      .execute();
    expect(audit[0]).toMatchObject({ action: 'ledger.exported', changes: { register: 'residents', total: 1 } });
  });

  it('masks the 花名册 for a reader who may not see personal data, and logs no view', async () => {
    const admin = await actorIn(env, 'subdistrict_admin', sec.community);
    const before = await env.ctx.db.selectFrom('pii_access_log').select('id').execute();
    const started = await post(admin.cookie, '/api/ledger/exports', { register: 'residents', communityId: sec.community.id });
    expect(started.statusCode).toBe(202);
    await runBackgroundJobs(env.ctx);
    const file = await env.app.inject({ url: `/api/ledger/exports/${started.json().id}/file`, headers: { cookie: admin.cookie } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const text = JSON.stringify(wb.worksheets[0]!.getSheetValues());
    expect(text).toContain('138****2345');
    expect(text).not.toContain('13893112345');
    expect(text).not.toContain('11010519491231002X');
    expect(text).not.toContain('低保');
    expect(await env.ctx.db.selectFrom('pii_access_log').select('id').execute()).toHaveLength(before.length);
    // An export is its author's: the secretary, who may see more, still does not download the admin's file.
    expect((await env.app.inject({ url: `/api/ledger/exports/${started.json().id}/file`, headers: { cookie: sec.cookie } })).statusCode).toBe(404);
  });

  it('prints party members, teams and partners with labels, never codes', async () => {
    const pm = await exportOf(sec.cookie, 'party_members');
    expect(pm.sheet.name).toBe('党员台账');
    expect(pm.row(1)).toMatchObject({ 姓名: '王秀兰', 性别: '女', 党员类别: '在职党员(双报到)', 工作单位: '兰州石化', 联系电话: '138****2345', 状态: '在册' });
    expect(pm.row(1)['入党日期']).toEqual(new Date(Date.UTC(1975, 6, 1)));
    expect(pm.text).not.toContain('in_service');
    const teams = await exportOf(sec.cookie, 'teams');
    expect(teams.sheet.name).toBe('队伍台账');
    expect(teams.row(1)).toMatchObject({ 队伍名称: '红色先锋队', 在队人数: 0, 队伍简介: '楼道清理、政策宣传' });
    expect(teams.row(1)['队伍类型']).not.toBe('pioneer');
    const partners = await exportOf(sec.cookie, 'partners');
    expect(partners.sheet.name).toBe('共建单位台账');
    expect(partners.row(1)).toMatchObject({ 单位名称: '兰州供电公司', 单位类型: '共建企业', 联系人: '李经理', 联系电话: '139****0002' });
    expect(partners.text).not.toContain('13993100002');
    expect(partners.text).not.toContain('enterprise');
  });

  it('prints the escalations (吹哨上报台账) with the organisation, its kind and the status in words', async () => {
    const sub = await actorIn(env, 'subdistrict_admin', sec.community);
    const org = await post(sub.cookie, '/api/organisations', {
      kind: 'department',
      departmentType: 'chengguan',
      name: '七里河区城管局',
      contactPhone: '0931-8123456',
      areas: [{ kind: 'subdistrict', id: sec.community.subdistrictId }],
    });
    expect(org.statusCode).toBe(201);
    const cats = (await env.app.inject({ url: '/api/ticket-categories', headers: { cookie: sec.cookie } })).json().items as Array<{ id: number; code: string }>;
    const ticket = await post(sec.cookie, '/api/tickets', {
      channel: 'phone',
      categoryId: cats.find((c) => c.code === 'general')!.id,
      title: '占道经营',
      description: '占道经营，影响通行',
    });
    expect(ticket.statusCode).toBe(201);
    const esc = await post(sec.cookie, '/api/escalations', { ticketId: ticket.json().id, organisationId: org.json().id, reason: '占道经营，请城管处置' });
    expect(esc.statusCode).toBe(201);
    const { sheet, row, text } = await exportOf(sec.cookie, 'escalations');
    expect(sheet.name).toBe('吹哨上报台账');
    expect(sheet.getCell('A1').value).toBe(`${await communityName(env, sec.community.id)} 吹哨上报台账`);
    const r = row(1);
    expect(r).toMatchObject({ 序号: 1, 承办单位: '七里河区城管局', 单位类型: '职能部门', 工单编号: ticket.json().code, 诉求事项: '占道经营', 是否超时: '否' });
    expect(r['办理状态']).toMatch(/[\u4e00-\u9fa5]/);
    expect(r['上报时间']).toBeInstanceOf(Date);
    expect(text).not.toContain('pending');
    expect(text).not.toContain('department');
    // The dashboard ranks the departments beside the communities, for the subdistrict (escalations.board).
    const dash = (await env.app.inject({ url: '/api/dashboard/subdistrict', headers: { cookie: sub.cookie } })).json();
    expect(dash.departments).toEqual([expect.objectContaining({ organisationName: '七里河区城管局', total: 1, open: 1 })]);
    // It speaks of the same period as the communities beside it: a year that ended before the escalation has none.
    const lastYear = (await env.app.inject({ url: '/api/dashboard/subdistrict?from=2020-01-01&to=2020-12-31', headers: { cookie: sub.cookie } })).json();
    expect(lastYear.communities.length).toBeGreaterThan(0);
    expect(lastYear.departments).toEqual([]);
  });

  it('prints the activities (活动台账) with the kind and status in words and the sign-up counts', async () => {
    const startsAt = new Date(Date.now() + 3600_000).toISOString();
    const endsAt = new Date(Date.now() + 2 * 3600_000).toISOString();
    const day = (days: number) => new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
    const a = await post(sec.cookie, '/api/activities', {
      title: '消防安全讲座',
      kind: 'lecture',
      organiserKind: 'staff',
      place: '红领驿站',
      startsAt,
      endsAt,
      capacity: 1,
    });
    expect(a.statusCode).toBe(201);
    const id = a.json().id;
    expect((await post(sec.cookie, `/api/activities/${id}/signups`, { name: '张桂芳', phone: '13893110001' })).statusCode).toBe(201);
    expect((await post(sec.cookie, `/api/activities/${id}/signups`, { name: '李春梅', phone: '13893110002' })).statusCode).toBe(201);
    const { sheet, row, text } = await exportOf(sec.cookie, 'activities', { from: day(-1), to: day(2) });
    expect(sheet.name).toBe('活动台账');
    expect(row(1)).toMatchObject({
      活动名称: '消防安全讲座',
      类型: '讲座',
      地点: '红领驿站',
      状态: '已发布',
      名额: 1,
      报名人数: 1,
      候补人数: 1,
      签到人数: 0,
      '照片（张）': 0,
    });
    expect(row(1)['开始时间']).toBeInstanceOf(Date);
    expect(text).not.toContain('lecture');
    expect(text).not.toContain('13893110001');
  });

  it('refuses a register the role may not read', async () => {
    const sys = await actorIn(env, 'system_admin', sec.community);
    const r = await post(sys.cookie, '/api/ledger/exports', { register: 'residents', communityId: sec.community.id });
    expect(r.statusCode).toBe(403);
    const bad = await post(sec.cookie, '/api/ledger/exports', { register: 'nope' });
    expect(bad.statusCode).toBe(400);
  });
});
