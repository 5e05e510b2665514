import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBackgroundJobs } from '../../../../test/jobs.js';
import { actorIn, buildAccount, buildCommunity, httpAs, loginAs, type TestEnv, createTestEnv } from '../../../../test/harness.js';
import { buildCompound, buildGrid, buildResident } from '../../../../test/fixtures.js';
import { beijingDate } from '../../../platform/time.js';
import { addMonths } from './report-due.js';

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe('party members service (双报到, pioneer posts, areas, pairings)', () => {
  let env: TestEnv;
  let sec: Awaited<ReturnType<typeof actorIn>>;
  const api = () => httpAs(env.app, sec);
  const today = beijingDate(Date.now());

  /** A resident registered as a party member (status registered), with their household. */
  async function member(name: string, communityActor = sec) {
    const r = await buildResident(env.ctx, communityActor.community.id, { name });
    const res = await httpAs(env.app, communityActor).post('/api/party-members', { residentId: r.id, status: 'registered' });
    expect(res.statusCode).toBe(201);
    return { id: res.json().id as number, residentId: r.id, householdId: r.household_id! };
  }
  /** A party_member account linked to the member's resident, logged in. */
  async function phoneOf(m: { residentId: number }) {
    const account = await buildAccount(env.ctx, { role: 'party_member', communityId: sec.community.id });
    await env.ctx.db.updateTable('accounts').set({ resident_id: m.residentId }).where('id', '=', account.id).execute();
    return httpAs(env.app, await loginAs(env.app, account.username));
  }
  const auditOf = (type: string, id: number) =>
    env.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'changes', 'reason'])
      .where('entity_type', '=', type)
      .where('entity_id', '=', String(id))
      .orderBy('id')
      .execute();

  beforeAll(async () => {
    env = await createTestEnv();
    sec = await actorIn(env, 'secretary');
  });
  afterAll(async () => env.close());

  it('records a 双报到 report with a numbered 回执, puts the member in service, and keeps the phone sealed', async () => {
    const m = await member('李建国');
    const res = await api().post(`/api/party-members/${m.id}/reports`, {
      workUnit: '兰州市自来水公司',
      workUnitPartyOrg: '自来水公司第二党支部',
      slipReceivedOn: today,
      skills: ['水电维修'],
      preferredClasses: ['assistance', 'safety_patrol'],
      contactPhone: '13919001234',
    });
    expect(res.statusCode).toBe(201);
    const report = res.json();
    expect(report).toMatchObject({
      partyMemberId: m.id,
      memberName: '李建国',
      reportedOn: today,
      receiptNo: `HZ${today.slice(0, 4)}-0001`,
      contactPhoneMasked: '139****1234',
      preferredClasses: ['assistance', 'safety_patrol'],
      nextDueOn: addMonths(today, 6),
    });
    expect(res.body).not.toContain('13919001234');
    const row = await env.ctx.db.selectFrom('party_reports').selectAll().where('id', '=', report.id).executeTakeFirstOrThrow();
    expect(env.ctx.pii.decrypt(row.contact_phone_enc!)).toBe('13919001234');
    const pm = (await api().get(`/api/party-members/${m.id}`)).json();
    expect(pm).toMatchObject({ status: 'in_service', workUnit: '兰州市自来水公司' });
    expect((await auditOf('party_report', report.id)).map((a) => a.action)).toEqual(['party_report.created']);
    expect((await auditOf('party_member', m.id)).at(-1)).toMatchObject({ action: 'party_member.updated', reason: `双报到 ${report.receiptNo}` });

    // Reporting again half a year later adds a report with the next receipt number.
    const again = await api().post(`/api/party-members/${m.id}/reports`, { workUnit: '兰州市自来水公司', slipReceivedOn: today });
    expect(again.json().receiptNo).toBe(`HZ${today.slice(0, 4)}-0002`);
  });

  it('refuses bad input naming the field and writes nothing; another community is 404', async () => {
    const m = await member('王芳');
    const before = await env.ctx.db
      .selectFrom('party_reports')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const future = addMonths(today, 1);
    const bad = await api().post(`/api/party-members/${m.id}/reports`, { workUnit: '七里河区税务局', slipReceivedOn: future });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields[0]).toMatchObject({ field: 'slipReceivedOn', rule: 'date_in_future' });
    const noUnit = await api().post(`/api/party-members/${m.id}/reports`, { workUnit: ' ', slipReceivedOn: today });
    expect(noUnit.json().error.details.fields[0].field).toBe('workUnit');
    const badPhone = await api().post(`/api/party-members/${m.id}/reports`, { workUnit: '税务局', slipReceivedOn: today, contactPhone: '123' });
    expect(badPhone.json().error.details.fields[0]).toMatchObject({ field: 'contactPhone', rule: 'invalid_phone' });
    const after = await env.ctx.db
      .selectFrom('party_reports')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    expect((await api().get(`/api/party-members/${m.id}`)).json().status).toBe('registered');

    const other = await actorIn(env, 'secretary', await buildCommunity(env.ctx));
    const res = await httpAs(env.app, other).post(`/api/party-members/${m.id}/reports`, { workUnit: '税务局', slipReceivedOn: today });
    expect(res.statusCode).toBe(404);
    expect((await httpAs(env.app, other).get(`/api/party-members/${m.id}/work`)).statusCode).toBe(404);
  });

  it('lists in-service members due to report again by the community interval (default half a year)', async () => {
    const c = await actorIn(env, 'secretary', await buildCommunity(env.ctx));
    const http = httpAs(env.app, c);
    const longAgo = await member('赵强', c);
    const recent = await member('孙丽', c);
    const neverReported = await member('周敏', c);
    await http.patch(`/api/party-members/${neverReported.id}`, { status: 'in_service' });
    const registeredOnly = await member('吴刚', c);
    await http.post(`/api/party-members/${longAgo.id}/reports`, {
      workUnit: '区人社局',
      slipReceivedOn: addMonths(today, -8),
      reportedOn: addMonths(today, -8),
    });
    await http.post(`/api/party-members/${recent.id}/reports`, { workUnit: '区医院', slipReceivedOn: addMonths(today, -1), reportedOn: addMonths(today, -1) });

    const due = (await http.get('/api/party-members/reports/due')).json().items;
    expect(due.map((d: { memberName: string }) => d.memberName)).toEqual(['周敏', '赵强']);
    expect(due[1]).toMatchObject({ lastReportedOn: addMonths(today, -8), dueOn: addMonths(today, -2), overdue: true });
    expect(due.map((d: { partyMemberId: number }) => d.partyMemberId)).not.toContain(registeredOnly.id);

    // A yearly rule takes 赵强 off the list; a one-month rule puts 孙丽 on it.
    const set = await http.put('/api/party-members/party-settings', { reportIntervalMonths: 12, floorHoursPerYear: 40 });
    expect(set.json()).toMatchObject({ reportIntervalMonths: 12, floorHoursPerYear: 40, passPoints: null });
    expect((await http.get('/api/party-members/reports/due')).json().items.map((d: { memberName: string }) => d.memberName)).toEqual(['周敏']);
    await http.put('/api/party-members/party-settings', { reportIntervalMonths: 1 });
    const names = (await http.get('/api/party-members/reports/due?withinDays=0')).json().items.map((d: { memberName: string }) => d.memberName);
    expect(names).toEqual(expect.arrayContaining(['周敏', '赵强', '孙丽']));
    const bad = await http.put('/api/party-members/party-settings', { reportIntervalMonths: 0 });
    expect(bad.json().error.details.fields[0].field).toBe('reportIntervalMonths');
    expect((await http.get('/api/party-members/party-settings')).json().floorHoursPerYear).toBe(40);
  });

  it('posts take claims up to capacity, refuse a second claim by the same member, and free a place on leave', async () => {
    const compound = await buildCompound(env.ctx, sec.community.id, '凌霄小区');
    const bad = await api().post('/api/pioneer-posts', { name: '东门值守岗', postClass: 'safety_patrol', placeKind: 'compound', placeId: 999999, capacity: 2 });
    expect(bad.json().error.details.fields[0]).toMatchObject({ field: 'placeId', rule: 'not_found' });
    const post = (
      await api().post('/api/pioneer-posts', { name: '东门值守岗', postClass: 'safety_patrol', placeKind: 'compound', placeId: compound.id, capacity: 2 })
    ).json();
    expect(post).toMatchObject({ placeName: '凌霄小区', capacity: 2, claimedCount: 0 });
    const [a, b, c] = [await member('党员甲'), await member('党员乙'), await member('党员丙')];
    const claimA = await api().post(`/api/pioneer-posts/${post.id}/claims`, { partyMemberId: a.id });
    expect(claimA.statusCode).toBe(201);
    expect((await api().post(`/api/pioneer-posts/${post.id}/claims`, { partyMemberId: a.id })).json().error.code).toBe('PARTY_ALREADY_CLAIMED');
    expect((await api().post(`/api/pioneer-posts/${post.id}/claims`, { partyMemberId: b.id })).statusCode).toBe(201);
    const full = await api().post(`/api/pioneer-posts/${post.id}/claims`, { partyMemberId: c.id });
    expect(full.statusCode).toBe(409);
    expect(full.json().error.code).toBe('PARTY_POST_FULL');
    expect((await api().patch(`/api/pioneer-posts/${post.id}`, { capacity: 1 })).json().error.details.fields[0]).toMatchObject({
      field: 'capacity',
      rule: 'too_small',
    });

    const left = await api().post(`/api/pioneer-posts/${post.id}/claims/${claimA.json().id}/leave`, { reason: '工作调动' });
    expect(left.json()).toMatchObject({ leftAt: expect.any(String), leaveReason: '工作调动' });
    expect((await api().post(`/api/pioneer-posts/${post.id}/claims/${claimA.json().id}/leave`, {})).json().error.code).toBe('INVALID_STATE');
    expect((await api().post(`/api/pioneer-posts/${post.id}/claims`, { partyMemberId: c.id })).statusCode).toBe(201);
    expect((await api().get(`/api/pioneer-posts/${post.id}`)).json().claimedCount).toBe(2);
    const claims = (await api().get(`/api/pioneer-posts/${post.id}/claims`)).json().items;
    expect(claims.map((k: { memberName: string; leftAt: string | null }) => [k.memberName, k.leftAt === null])).toEqual([
      ['党员甲', false],
      ['党员乙', true],
      ['党员丙', true],
    ]);
    expect((await api().get('/api/pioneer-posts?open=true&pageSize=200')).json().items.map((p: { id: number }) => p.id)).not.toContain(post.id);
    expect((await auditOf('pioneer_post', post.id)).map((x) => x.action)).toEqual([
      'pioneer_post.created',
      'pioneer_post.claimed',
      'pioneer_post.claimed',
      'pioneer_post.left',
      'pioneer_post.claimed',
    ]);

    const archived = await api().post(`/api/pioneer-posts/${post.id}/archive`, { reason: '门岗撤并' });
    expect(archived.json()).toMatchObject({ archivedAt: expect.any(String), claimedCount: 0 });
    expect((await api().post(`/api/pioneer-posts/${post.id}/claims`, { partyMemberId: a.id })).json().error.code).toBe('INVALID_STATE');
  });

  it('gives the last places of a post to exactly as many concurrent claims as it has room for', async () => {
    const grid = await buildGrid(env.ctx, sec.community.id);
    const post = (
      await api().post('/api/pioneer-posts', { name: '网格巡逻岗', postClass: 'safety_patrol', placeKind: 'grid', placeId: grid.id, capacity: 3 })
    ).json();
    const members = [];
    for (let i = 0; i < 8; i++) members.push(await member(`巡逻党员${i}`));
    const results = await Promise.all(members.map((m) => api().post(`/api/pioneer-posts/${post.id}/claims`, { partyMemberId: m.id })));
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(3);
    expect(results.filter((r) => r.statusCode === 409).every((r) => r.json().error.code === 'PARTY_POST_FULL')).toBe(true);
    expect(results.filter((r) => r.statusCode === 409)).toHaveLength(5);
    const held = await env.ctx.db.selectFrom('pioneer_post_claims').select('id').where('post_id', '=', post.id).where('left_at', 'is', null).execute();
    expect(held).toHaveLength(3);
  });

  it('lets a party member claim and leave a post on the phone for themself only', async () => {
    const compound = await buildCompound(env.ctx, sec.community.id);
    const post = (
      await api().post('/api/pioneer-posts', { name: '文明劝导岗', postClass: 'governance', placeKind: 'compound', placeId: compound.id, capacity: 5 })
    ).json();
    const me = await member('手机党员');
    const someone = await member('别的党员');
    const phone = await phoneOf(me);
    expect((await phone.post(`/api/pioneer-posts/${post.id}/claims`, { partyMemberId: someone.id })).statusCode).toBe(404);
    const mine = await phone.post(`/api/pioneer-posts/${post.id}/claims`, {});
    expect(mine.json()).toMatchObject({ partyMemberId: me.id, memberName: '手机党员' });
    expect((await phone.get('/api/pioneer-posts/mine')).json().items.map((c: { postId: number }) => c.postId)).toEqual([post.id]);
    const theirs = (await api().post(`/api/pioneer-posts/${post.id}/claims`, { partyMemberId: someone.id })).json();
    expect((await phone.post(`/api/pioneer-posts/${post.id}/claims/${theirs.id}/leave`, {})).statusCode).toBe(404);
    expect(
      (await phone.post(`/api/pioneer-posts`, { name: 'x', postClass: 'other', placeKind: 'compound', placeId: compound.id, capacity: 1 })).statusCode,
    ).toBe(403);
    expect((await phone.get(`/api/party-members/${someone.id}/work`)).statusCode).toBe(404);
    expect((await phone.get(`/api/party-members/${me.id}/work`)).json().claims).toHaveLength(1);
    expect((await phone.post(`/api/pioneer-posts/${post.id}/claims/${mine.json().id}/leave`, {})).statusCode).toBe(200);
    expect((await phone.get('/api/pioneer-posts/mine')).json().items).toEqual([]);
  });

  it('records responsibility areas and pairings with households, once each while open, and ends them', async () => {
    const m = await member('结对党员');
    const household = (await buildResident(env.ctx, sec.community.id, { name: '独居老人' })).household_id!;
    const grid = await buildGrid(env.ctx, sec.community.id, '第三网格');
    const area = await api().post(`/api/party-members/${m.id}/areas`, { placeKind: 'grid', placeId: grid.id, note: '楼道杂物' });
    expect(area.json()).toMatchObject({ placeKind: 'grid', placeName: '第三网格', endedOn: null, startedOn: today });
    expect((await api().post(`/api/party-members/${m.id}/areas`, { placeKind: 'grid', placeId: grid.id })).json().error.code).toBe('PARTY_ALREADY_CLAIMED');
    expect((await api().post(`/api/party-members/${m.id}/areas`, { placeKind: 'building', placeId: 999999 })).json().error.details.fields[0].field).toBe(
      'placeId',
    );

    const pairing = await api().post(`/api/party-members/${m.id}/pairings`, { householdId: household, note: '每周电话问候' });
    expect(pairing.statusCode).toBe(201);
    expect(pairing.json().householdLabel).toMatch(/号楼 1单元 301$/);
    expect((await api().post(`/api/party-members/${m.id}/pairings`, { householdId: household })).json().error.code).toBe('PARTY_ALREADY_CLAIMED');
    const other = await buildCommunity(env.ctx);
    const foreign = (await buildResident(env.ctx, other.id)).household_id!;
    expect((await api().post(`/api/party-members/${m.id}/pairings`, { householdId: foreign })).json().error.details.fields[0]).toMatchObject({
      field: 'householdId',
      rule: 'not_found',
    });

    const early = await api().post(`/api/party-members/${m.id}/pairings/${pairing.json().id}/end`, { endedOn: addMonths(today, -1) });
    expect(early.json().error.details.fields[0].field).toBe('endedOn');
    const ended = await api().post(`/api/party-members/${m.id}/pairings/${pairing.json().id}/end`, {});
    expect(ended.json().pairings[0]).toMatchObject({ endedOn: today });
    // Ended, the household can be paired again.
    expect((await api().post(`/api/party-members/${m.id}/pairings`, { householdId: household })).statusCode).toBe(201);
    const work = (await api().get(`/api/party-members/${m.id}/work`)).json();
    expect(work).toMatchObject({ memberName: '结对党员', areas: [{ placeName: '第三网格' }] });
    expect(work.pairings).toHaveLength(2);
    expect((await auditOf('party_member', m.id)).map((a) => a.action)).toEqual([
      'party_member.created',
      'party_area.created',
      'party_pairing.created',
      'party_pairing.ended',
      'party_pairing.created',
    ]);
  });

  it("logs service as volunteer service hours on the member's volunteer record, confirmed by whoever recorded them", async () => {
    const compound = await buildCompound(env.ctx, sec.community.id);
    const post = (
      await api().post('/api/pioneer-posts', { name: '北门值守岗', postClass: 'safety_patrol', placeKind: 'compound', placeId: compound.id, capacity: 5 })
    ).json();
    const m = await member('服务党员');
    const yesterday = addDays(today, -1);
    const res = await api().post(`/api/party-members/${m.id}/service`, { servedOn: yesterday, hours: 2, postId: post.id, content: '门岗测温登记' });
    expect(res.statusCode).toBe(201);
    const { entryId, volunteerId, hours } = res.json();
    expect(hours).toBe(2);
    const entry = await env.ctx.db.selectFrom('service_hours').selectAll().where('id', '=', entryId).executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ volunteer_id: volunteerId, source_kind: 'party_service', source_id: post.id, source_title: '北门值守岗：门岗测温登记' });
    expect(entry.recorded_by).toBe(sec.account.id);
    expect(entry.confirmed_by).toBe(sec.account.id);
    expect(new Date(entry.started_at).toISOString()).toBe(`${yesterday}T01:00:00.000Z`);
    const volunteer = await env.ctx.db.selectFrom('volunteers').selectAll().where('id', '=', volunteerId).executeTakeFirstOrThrow();
    expect(volunteer).toMatchObject({ party_member_id: m.id, resident_id: m.residentId, status: 'approved', origin: 'party_member' });
    const events = await env.ctx.db.selectFrom('outbox').select(['payload']).where('name', '=', 'volunteer.hours_recorded').execute();
    expect(events.map((e) => (e.payload as { entryId: number }).entryId)).toContain(entryId);

    // On the phone the member logs their own service, on the same volunteer record, and only their own.
    const phone = await phoneOf(m);
    const own = await phone.post(`/api/party-members/${m.id}/service`, { servedOn: today, hours: 1.5, content: '帮独居老人取药' });
    expect(own.json()).toMatchObject({ volunteerId, hours: 1.5 });
    const ownEntry = await env.ctx.db.selectFrom('service_hours').selectAll().where('id', '=', own.json().entryId).executeTakeFirstOrThrow();
    expect(ownEntry.confirmed_by).not.toBe(sec.account.id);
    expect((await phone.get('/api/party-members/me/work')).json().partyMemberId).toBe(m.id);
    const someone = await member('别人');
    expect((await phone.post(`/api/party-members/${someone.id}/service`, { servedOn: today, hours: 1, content: 'x' })).statusCode).toBe(404);

    // Bad input names the field and records nothing (not even a volunteer).
    const before = await env.ctx.db
      .selectFrom('service_hours')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const future = await api().post(`/api/party-members/${someone.id}/service`, { servedOn: addDays(today, 2), hours: 1, content: '巡逻' });
    expect(future.json().error.details.fields[0]).toMatchObject({ field: 'servedOn', rule: 'date_in_future' });
    expect(
      (await api().post(`/api/party-members/${someone.id}/service`, { servedOn: today, hours: 0.2, content: '巡逻' })).json().error.details.fields[0].field,
    ).toBe('hours');
    expect(
      (await api().post(`/api/party-members/${someone.id}/service`, { servedOn: today, hours: 1, postId: 999999, content: '巡逻' })).json().error.details
        .fields[0],
    ).toMatchObject({ field: 'postId', rule: 'not_found' });
    const after = await env.ctx.db
      .selectFrom('service_hours')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    expect(await env.ctx.db.selectFrom('volunteers').select('id').where('party_member_id', '=', someone.id).executeTakeFirst()).toBeUndefined();
  });

  it("lists members below the floor and prints the 双报到 registers and one member's feedback sheet with words, not codes", async () => {
    const c = await actorIn(env, 'secretary', await buildCommunity(env.ctx));
    const http = httpAs(env.app, c);
    const a = await member('报到党员', c);
    const b = await member('未报到党员', c);
    await http.patch(`/api/party-members/${b.id}`, { status: 'in_service' });
    const report = (
      await http.post(`/api/party-members/${a.id}/reports`, {
        workUnit: '七里河区税务局',
        workUnitPartyOrg: '税务局机关党委',
        slipReceivedOn: today,
        preferredClasses: ['legal_aid'],
        contactPhone: '13800001111',
      })
    ).json();
    const compound = await buildCompound(env.ctx, c.community.id, '凌霄小区');
    const post = (
      await http.post('/api/pioneer-posts', { name: '南门值守岗', postClass: 'safety_patrol', placeKind: 'compound', placeId: compound.id, capacity: 2 })
    ).json();
    await http.post(`/api/pioneer-posts/${post.id}/claims`, { partyMemberId: a.id });
    await http.post(`/api/party-members/${a.id}/pairings`, { householdId: a.householdId });
    await http.post(`/api/party-members/${a.id}/service`, { servedOn: today, hours: 3, postId: post.id, content: '疫苗接种引导' });

    // A whole year up to today: the default (the year so far) prorates the floor, and early in January 3 h clear it.
    const aYear = `from=${addDays(today, -364)}&to=${today}`;
    const below = (await http.get(`/api/party-members/below-floor?${aYear}`)).json();
    expect(below.items.map((i: { memberName: string }) => i.memberName)).toEqual(['报到党员', '未报到党员']);
    expect(below.items[0]).toMatchObject({ hours: 3, isReported: true });
    expect(below.items[1]).toMatchObject({ hours: 0, isReported: false, evaluation: '未报到' });
    await http.put('/api/party-members/party-settings', { floorHoursPerYear: 2 });
    expect((await http.get(`/api/party-members/below-floor?${aYear}`)).json().items.map((i: { memberName: string }) => i.memberName)).toEqual(['未报到党员']);
    expect((await http.get(`/api/party-members/below-floor?from=${today}&to=${addDays(today, -1)}`)).json().error.details.fields[0].field).toBe('to');

    async function exportOf(register: string, extra: object = {}) {
      const started = await http.post('/api/ledger/exports', { register, ...extra });
      expect(started.statusCode).toBe(202);
      await runBackgroundJobs(env.ctx);
      const file = await http.get(`/api/ledger/exports/${started.json().id}/file`);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
      const sheet = wb.worksheets[0]!;
      const header = (sheet.getRow(3).values as unknown[]).slice(1) as string[];
      const row = (n: number) => Object.fromEntries(header.map((h, i) => [h, sheet.getRow(3 + n).getCell(i + 1).value]));
      return { sheet, row, rows: sheet.rowCount, text: JSON.stringify(sheet.getSheetValues()) };
    }
    const reports = await exportOf('party_reports');
    expect(reports.sheet.name).toBe('在职党员报到台账');
    expect(reports.row(1)).toMatchObject({
      姓名: '报到党员',
      工作单位: '七里河区税务局',
      回执编号: report.receiptNo,
      意向岗位: '法律咨询援助',
      联系电话: '138****1111',
    });
    expect(reports.text).not.toContain('13800001111');
    const claims = await exportOf('pioneer_claims');
    expect(claims.row(1)).toMatchObject({ 岗位名称: '南门值守岗', 岗位类别: '安全宣传与治安巡逻', 位置: '小区 凌霄小区', 认领党员: '报到党员', 状态: '在岗' });
    const sheet = await exportOf('party_feedback', { partyMemberId: a.id });
    expect(sheet.sheet.name).toBe('在职党员双报到反馈表');
    expect(sheet.row(1)).toMatchObject({ 姓名: '报到党员', 工作单位: '七里河区税务局', 结对户数: 1, '服务时长（小时）': 3, 社区评价: '达标' });
    expect(String(sheet.row(1)['服务内容'])).toContain('南门值守岗：疫苗接种引导');
    expect(String(sheet.row(1)['认领岗位'])).toBe('南门值守岗（安全宣传与治安巡逻）');
    expect(sheet.text).not.toContain('未报到党员');
    expect(sheet.text).toContain('经办人');
    const all = await exportOf('party_feedback');
    expect(all.row(2)).toMatchObject({ 姓名: '未报到党员', 报到情况: '未报到', 社区评价: '未报到' });
  });
});
