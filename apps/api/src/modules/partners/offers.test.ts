import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorIn, buildAccount, buildCommunity, createTestEnv, httpAs, loginAs, type TestEnv } from '../../../test/harness.js';
import { buildCompound, buildResident } from '../../../test/fixtures.js';
import { runBackgroundJobs } from '../../../test/jobs.js';
import { resourceCandidates, sendAgreementReminders } from './index.js';
import { trustedCommunityId } from '../../platform/access/trusted-scope.js';
import { beijingDate } from '@linli/contracts/time';

// Dates around today (Beijing): an agreement in force must still be in force on the day the tests run.
const today = beijingDate(new Date());
const dayPlus = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** Resources (资源清单), agreements (共建协议), contributions and the partner contact's portal (issue 9). */
describe('partners in full: resources, agreements, contributions, portal', () => {
  let env: TestEnv;
  let sec: Awaited<ReturnType<typeof actorIn>>;
  let partnerA: number;
  let partnerB: number;
  let contact: string;
  const as = (cookie: string) => httpAs(env.app, cookie);
  const count = async (table: 'resources' | 'agreements' | 'contributions') =>
    Number(
      (
        await env.ctx.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    env = await createTestEnv();
    sec = await actorIn(env, 'secretary');
    partnerA = (await as(sec.cookie).post('/api/partners', { name: '德萍家政', kind: 'merchant' })).json().id;
    partnerB = (await as(sec.cookie).post('/api/partners', { name: '小草爱心公益组织', kind: 'social_org' })).json().id;
    // A partner contact: an account of an organisation linked to partner A.
    const org = await env.ctx.db
      .insertInto('organisations')
      .values({ kind: 'partner_unit', name: `德萍家政联络${Date.now()}`, community_id: sec.community.id, partner_id: partnerA })
      .returning('id')
      .executeTakeFirstOrThrow();
    const acc = await buildAccount(env.ctx, { role: 'partner_contact', communityId: sec.community.id });
    await env.ctx.db.updateTable('accounts').set({ organisation_id: org.id }).where('id', '=', acc.id).execute();
    contact = await loginAs(env.app, acc.username);
    // Creating the database takes long on a busy machine.
  }, 180_000);
  afterAll(async () => env.close());

  it('registers offers of partners, merchants and residents; a resident number is sealed and masked; the public circle shows no personal data', async () => {
    const compound = await buildCompound(env.ctx, sec.community.id, '铁建丽苑');
    const merchant = await as(sec.cookie).post('/api/resources', {
      providerKind: 'partner',
      partnerId: partnerA,
      title: '低价家电清洗',
      category: 'home_repair',
      kind: 'service',
      priceKind: 'below_market',
      priceNote: '空调清洗 60 元/台（市场价 120 元）',
      compoundId: compound.id,
      availability: '每周六上午',
      capacity: 20,
      contactName: '刘经理',
      contactPhone: '0931-8123456',
    });
    expect(merchant.statusCode).toBe(201);
    // A caring merchant's offer keeps its kind, where perks attach later.
    expect(merchant.json()).toMatchObject({ providerKind: 'merchant', providerName: '德萍家政', contactPhone: '0931-8123456', compoundName: '铁建丽苑' });

    const resident = await buildResident(env.ctx, sec.community.id, { name: '王秀兰' });
    const own = await as(sec.cookie).post('/api/resources', {
      providerKind: 'resident',
      residentId: resident.id,
      title: '周末辅导小学数学',
      category: 'education',
      kind: 'expertise',
      contactPhone: '13893112345',
    });
    expect(own.statusCode).toBe(201);
    expect(own.json()).toMatchObject({ providerKind: 'resident', providerName: '王秀兰', contactPhone: '138****2345', priceKind: 'free' });
    expect(own.body).not.toContain('13893112345');
    const row = await env.ctx.db.selectFrom('resources').selectAll().where('id', '=', own.json().id).executeTakeFirstOrThrow();
    expect(row.contact_phone).toBeNull();
    expect(env.ctx.pii.decrypt(row.contact_phone_enc!)).toBe('13893112345');
    const audit = await env.ctx.db.selectFrom('audit_log').select('changes').where('entity_type', '=', 'resource').execute();
    expect(JSON.stringify(audit)).not.toContain('13893112345');

    const bad = await as(sec.cookie).post('/api/resources', {
      providerKind: 'resident',
      residentId: resident.id,
      title: 'x',
      category: 'other',
      kind: 'service',
      contactPhone: '0931-8123456',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields[0]).toMatchObject({ field: 'contactPhone', rule: 'invalid_phone' });
    const noPartner = await as(sec.cookie).post('/api/resources', { providerKind: 'partner', title: 'x', category: 'other', kind: 'service' });
    expect(noPartner.json().error.details.fields[0]).toMatchObject({ field: 'partnerId', rule: 'required' });
    const before = await count('resources');
    expect(
      (
        await as(sec.cookie).post('/api/resources', {
          providerKind: 'partner',
          partnerId: partnerA,
          title: 'x',
          category: 'other',
          kind: 'service',
          compoundId: 999999,
        })
      ).statusCode,
    ).toBe(400);
    expect(await count('resources')).toBe(before);

    const code = (await env.ctx.db.selectFrom('communities').select('code').where('id', '=', sec.community.id).executeTakeFirstOrThrow()).code;
    const circle = await env.app.inject({ url: `/api/public/communities/${code}/resources` });
    expect(circle.statusCode).toBe(200);
    expect(circle.json().items).toHaveLength(2);
    expect(circle.body).not.toContain('王秀兰');
    expect(circle.body).not.toContain('13893112345');
    expect(circle.body).not.toContain('138****2345');
    expect(circle.json().items.find((i: { title: string }) => i.title === '周末辅导小学数学')).toMatchObject({ providerName: null, contactPhone: null });
    const byCategory = await env.app.inject({ url: `/api/public/communities/${code}/resources?category=home_repair&compoundId=${compound.id}` });
    expect(byCategory.json().items.map((i: { title: string }) => i.title)).toEqual(['低价家电清洗']);

    // Matching's read: active offers by id pages.
    const cands = await resourceCandidates(env.ctx.db, trustedCommunityId(sec.community.id), { limit: 1 });
    expect(cands).toHaveLength(1);
    expect(cands[0]).toMatchObject({ title: '低价家电清洗', kind: 'service', placeId: compound.id, providerKind: 'merchant', priceNote: expect.any(String) });
    expect(await resourceCandidates(env.ctx.db, trustedCommunityId(sec.community.id), { afterId: cands[0]!.id })).toHaveLength(1);

    const archived = await as(sec.cookie).post(`/api/resources/${own.json().id}/archive`, { reason: '已搬离' });
    expect(archived.json().archivedAt).toEqual(expect.any(String));
    expect((await env.app.inject({ url: `/api/public/communities/${code}/resources` })).json().items).toHaveLength(1);
    expect((await as(sec.cookie).patch(`/api/resources/${own.json().id}`, { title: 'y' })).json().error.code).toBe('INVALID_STATE');

    // Another community: 404 for the record, and its list is not reachable.
    const other = await actorIn(env, 'secretary', await buildCommunity(env.ctx));
    expect((await as(other.cookie).get(`/api/resources/${merchant.json().id}`)).statusCode).toBe(404);
    expect((await as(other.cookie).patch(`/api/resources/${merchant.json().id}`, { title: 'x' })).statusCode).toBe(404);
    expect((await as(other.cookie).get(`/api/resources?communityId=${sec.community.id}`)).statusCode).toBe(404);
  });

  it('refuses an agreement that ends before it starts, naming the field, writing nothing; reminds once before the end', async () => {
    const before = await count('agreements');
    const bad = await as(sec.cookie).post('/api/agreements', {
      partnerId: partnerA,
      kind: 'entry',
      title: '入驻协议',
      signedOn: '2026-01-05',
      startsOn: '2026-01-10',
      endsOn: '2026-01-09',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields[0]).toMatchObject({ field: 'endsOn', rule: 'before_start', message: '结束日期不能早于开始日期 2026-01-10' });
    expect(await count('agreements')).toBe(before);

    const ok = await as(sec.cookie).post('/api/agreements', {
      partnerId: partnerA,
      kind: 'entry',
      title: '党群服务中心入驻协议',
      signedOn: dayPlus(-330),
      startsOn: dayPlus(-325),
      endsOn: dayPlus(40),
      commitments: '每月两次上门家政服务',
      spaceGiven: '党群服务中心二楼活动室',
      remindDays: 30,
    });
    expect(ok.statusCode).toBe(201);
    const a = ok.json();
    expect(a).toMatchObject({ partnerName: '德萍家政', status: 'active', remindDays: 30, remindedAt: null });
    const patchBad = await as(sec.cookie).patch(`/api/agreements/${a.id}`, { startsOn: dayPlus(60) });
    expect(patchBad.json().error.details.fields[0]).toMatchObject({ field: 'endsOn', rule: 'before_start' });
    expect((await as(sec.cookie).get(`/api/agreements/${a.id}`)).json().startsOn).toBe(dayPlus(-325));
    await as(sec.cookie).post('/api/agreements', {
      partnerId: partnerB,
      kind: 'co_building',
      title: '共建协议',
      signedOn: '2024-01-01',
      startsOn: '2024-01-01',
      endsOn: '2025-12-31',
    });

    // 31 days before the end: nothing; 30 days before: one reminder, once.
    expect(await sendAgreementReminders(env.ctx, new Date(`${dayPlus(9)}T10:00:00+08:00`))).toBe(0);
    expect(await sendAgreementReminders(env.ctx, new Date(`${dayPlus(10)}T10:00:00+08:00`))).toBe(1);
    expect(await sendAgreementReminders(env.ctx, new Date(`${dayPlus(11)}T10:00:00+08:00`))).toBe(0);
    const events = await env.ctx.db.selectFrom('outbox').selectAll().where('name', '=', 'agreement.renewal_due').execute();
    expect(events).toHaveLength(1);
    expect((await as(sec.cookie).get(`/api/agreements/${a.id}`)).json().remindedAt).toEqual(expect.any(String));

    const ended = await as(sec.cookie).get('/api/agreements?status=ended');
    expect(ended.json().items.map((x: { partnerName: string }) => x.partnerName)).toEqual(['小草爱心公益组织']);
    const term = await as(sec.cookie).post(`/api/agreements/${a.id}/terminate`, { reason: '商家歇业' });
    expect(term.json().status).toBe('terminated');
    expect((await as(sec.cookie).post(`/api/agreements/${a.id}/terminate`, { reason: 'again' })).json().error.code).toBe('INVALID_STATE');
  });

  it('refuses a negative or zero amount, writing nothing; totals per partner and year on the server', async () => {
    const before = await count('contributions');
    for (const valueYuan of [-100, 0]) {
      const res = await as(sec.cookie).post('/api/contributions', { partnerId: partnerB, kind: 'money', contributedOn: '2026-03-01', valueYuan });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details.fields[0]).toMatchObject({ field: 'valueYuan', rule: 'must_be_positive', message: '金额（元）必须大于 0' });
    }
    const hoursBad = await as(sec.cookie).post('/api/contributions', { partnerId: partnerB, kind: 'work_hours', contributedOn: '2026-03-01', hours: -2 });
    expect(hoursBad.json().error.details.fields[0]).toMatchObject({ field: 'hours', rule: 'must_be_positive' });
    const missing = await as(sec.cookie).post('/api/contributions', { partnerId: partnerB, kind: 'goods', contributedOn: '2026-03-01' });
    expect(missing.json().error.details.fields[0]).toMatchObject({ field: 'valueYuan', rule: 'required' });
    expect(await count('contributions')).toBe(before);

    const give = (body: object) => as(sec.cookie).post('/api/contributions', { partnerId: partnerB, ...body });
    expect((await give({ kind: 'money', contributedOn: '2026-03-01', valueYuan: 1000.5, description: '助老基金' })).statusCode).toBe(201);
    expect((await give({ kind: 'goods', contributedOn: '2026-06-01', valueYuan: 800, description: '米面油 40 份' })).statusCode).toBe(201);
    expect((await give({ kind: 'work_hours', contributedOn: '2026-06-02', hours: 12.5 })).statusCode).toBe(201);
    expect((await give({ kind: 'space', contributedOn: '2026-07-01', areaSqm: 80, spacePeriod: '每周三下午' })).statusCode).toBe(201);
    expect((await give({ kind: 'money', contributedOn: '2025-12-31', valueYuan: 300 })).statusCode).toBe(201);
    expect(
      (await as(sec.cookie).post('/api/contributions', { partnerId: partnerA, kind: 'money', contributedOn: '2026-02-01', valueYuan: 200 })).statusCode,
    ).toBe(201);

    const totals = (await as(sec.cookie).get('/api/contributions/totals?year=2026')).json();
    expect(totals.items.find((t: { partnerId: number }) => t.partnerId === partnerB)).toMatchObject({
      count: 4,
      moneyYuan: 1000.5,
      goodsValueYuan: 800,
      totalValueYuan: 1800.5,
      hours: 12.5,
      areaSqm: 80,
    });
    expect(totals.all).toMatchObject({ count: 5, moneyYuan: 1200.5 });
    expect((await as(sec.cookie).get('/api/contributions?year=2025')).json().total).toBe(1);

    // An agreement in force today makes its partner active whatever the year of the contributions.
    const inForce = { partnerId: partnerB, kind: 'co_building', title: '年度共建协议', signedOn: dayPlus(-10), startsOn: dayPlus(-10), endsOn: dayPlus(355) };
    expect((await as(sec.cookie).post('/api/agreements', inForce)).statusCode).toBe(201);
    const dash = (await as(sec.cookie).get('/api/dashboard/community?from=2026-01-01&to=2026-12-31')).json();
    expect(dash.partners).toMatchObject({ contributions: 5, contributionMoneyYuan: 1200.5, contributionValueYuan: 2000.5 });
    expect(dash.partners.partnersActive).toBeGreaterThanOrEqual(1);
  });

  it("lets a partner contact see and edit only its own partner's offers, agreements and contributions", async () => {
    const mine = (await as(contact).get('/api/resources')).json();
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((r: { partnerId: number }) => r.partnerId === partnerA)).toBe(true);
    const theirs = await as(sec.cookie).post('/api/resources', {
      providerKind: 'partner',
      partnerId: partnerB,
      title: '义剪',
      category: 'elderly_care',
      kind: 'service',
    });
    expect((await as(contact).get(`/api/resources/${theirs.json().id}`)).statusCode).toBe(404);
    expect((await as(contact).patch(`/api/resources/${theirs.json().id}`, { title: '改名' })).statusCode).toBe(404);
    const edited = await as(contact).patch(`/api/resources/${mine.items[0].id}`, { availability: '每周六全天' });
    expect(edited.json().availability).toBe('每周六全天');
    // A contact offers only as its own partner, and cannot archive.
    const created = await as(contact).post('/api/resources', {
      providerKind: 'partner',
      title: '上门保洁 8 折',
      category: 'home_repair',
      kind: 'service',
      priceKind: 'below_market',
    });
    expect(created.json()).toMatchObject({ partnerId: partnerA, providerKind: 'merchant' });
    const forOther = await as(contact).post('/api/resources', { providerKind: 'partner', partnerId: partnerB, title: 'x', category: 'other', kind: 'service' });
    expect(forOther.json().error.details.fields[0]).toMatchObject({ field: 'partnerId', rule: 'not_found' });
    expect((await as(contact).post(`/api/resources/${created.json().id}/archive`, { reason: 'x' })).statusCode).toBe(403);
    expect((await as(contact).post('/api/contributions', { partnerId: partnerA, kind: 'money', contributedOn: '2026-03-01', valueYuan: 5 })).statusCode).toBe(
      403,
    );

    expect((await as(contact).get('/api/agreements')).json().items.every((a: { partnerId: number }) => a.partnerId === partnerA)).toBe(true);
    const contributions = (await as(contact).get('/api/contributions')).json();
    expect(contributions.items.map((c: { partnerId: number }) => c.partnerId)).toEqual([partnerA]);
    const otherContribution = (await as(sec.cookie).get(`/api/contributions?partnerId=${partnerB}`)).json().items[0];
    expect((await as(contact).get(`/api/contributions/${otherContribution.id}`)).statusCode).toBe(404);

    const portal = await as(contact).get('/api/partner-portal');
    expect(portal.statusCode).toBe(200);
    expect(portal.json().partner).toMatchObject({ id: partnerA, name: '德萍家政' });
    expect(portal.json().agreements.length).toBeGreaterThan(0);
    expect(portal.json().contributions.map((c: { partnerName: string }) => c.partnerName)).toEqual(['德萍家政']);
    expect((await as(sec.cookie).get('/api/partner-portal')).statusCode).toBe(403);
    // A contact not linked to a partner sees nothing.
    const loose = await actorIn(env, 'partner_contact', sec.community);
    expect((await as(loose.cookie).get('/api/resources')).json().total).toBe(0);
    expect((await as(loose.cookie).get('/api/partner-portal')).statusCode).toBe(404);
  });

  it('prints the resources, agreements and contributions ledgers in words, with yearly totals', async () => {
    async function exportOf(register: string, extra: object = {}) {
      const started = await as(sec.cookie).post('/api/ledger/exports', { register, ...extra });
      expect(started.statusCode).toBe(202);
      await runBackgroundJobs(env.ctx);
      const file = await env.app.inject({ url: `/api/ledger/exports/${started.json().id}/file`, headers: { cookie: sec.cookie } });
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
      const sheet = wb.worksheets[0]!;
      return { sheet, text: JSON.stringify(sheet.getSheetValues()) };
    }
    const res = await exportOf('resources');
    expect(res.text).toContain('资源清单台账');
    expect(res.text).toContain('爱心商家');
    expect(res.text).toContain('低于市场价：空调清洗');
    expect(res.text).toContain('138****2345');
    expect(res.text).toContain('已下架');
    expect(res.text).not.toContain('13893112345');
    expect(res.text).not.toMatch(/below_market|home_repair|"merchant"/);

    const agr = await exportOf('agreements');
    expect(agr.text).toContain('共建协议台账');
    expect(agr.text).toContain('入驻协议');
    expect(agr.text).toContain('已终止');
    expect(agr.text).not.toMatch(/co_building|terminated/);

    const con = await exportOf('contributions', { from: '2026-01-01', to: '2026-12-31' });
    expect(con.text).toContain('共建单位贡献台账');
    expect(con.text).toContain('小草爱心公益组织（2026 年合计）');
    expect(con.text).toContain('志愿工时');
    expect(con.text).not.toContain('2025-12-31');
    expect(con.text).not.toMatch(/work_hours|"money"/);
  });
});
