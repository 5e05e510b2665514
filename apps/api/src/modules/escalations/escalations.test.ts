import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isOrganisationPhone } from '@linli/contracts';
import { actorIn, buildAccount, buildCommunity, createTestEnv, httpAs, loginAs, type TestEnv } from '../../../test/harness.js';
import { sendEscalationReminders } from './reminders.js';

type Who = { cookie: string };

describe('escalations to organisations (issue 7)', () => {
  let env: TestEnv;
  let sec: Awaited<ReturnType<typeof actorIn>>;
  let sub: Awaited<ReturnType<typeof actorIn>>;
  let admin: Who;
  let districtId: number;
  let farCommunity: { id: number; subdistrictId: number };
  let chengguan: number;
  let power: number;
  let farDept: number;
  let office: number;
  let cgContact: Who;
  let powerContact: Who;
  let generalCategory: number;

  const call = async (who: Who | null, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: object) => {
    const res = await httpAs(env.app, who?.cookie).send(method, url, payload);
    return { status: res.statusCode, body: res.json() };
  };
  const newTicket = async (title = '占道经营') =>
    (await call(sec, 'POST', '/api/tickets', { channel: 'phone', categoryId: generalCategory, title, description: `${title}，影响通行` })).body as {
      id: number;
      status: string;
      resolutionDueAt: string;
    };
  const ticket = async (id: number) => (await call(sec, 'GET', `/api/tickets/${id}`)).body;
  const escalationCount = async () => Number((await sql<{ n: number }>`select count(*)::int as n from escalations`.execute(env.ctx.db)).rows[0]!.n);
  const contactOf = async (organisationId: number) => {
    const a = await buildAccount(env.ctx, { role: 'department_contact' });
    await env.ctx.db.updateTable('accounts').set({ organisation_id: organisationId }).where('id', '=', a.id).execute();
    return { cookie: await loginAs(env.app, a.username) };
  };

  beforeAll(async () => {
    env = await createTestEnv();
    sec = await actorIn(env, 'secretary');
    sub = await actorIn(env, 'subdistrict_admin', sec.community);
    const sa = await buildAccount(env.ctx, { role: 'system_admin' });
    admin = { cookie: await loginAs(env.app, sa.username) };
    districtId = (await env.ctx.db.selectFrom('subdistricts').select('district_id').where('id', '=', sec.community.subdistrictId).executeTakeFirstOrThrow())
      .district_id;
    farCommunity = await buildCommunity(env.ctx);
    const cats = (await call(sec, 'GET', '/api/ticket-categories')).body.items as Array<{ id: number; code: string }>;
    generalCategory = cats.find((c) => c.code === 'general')!.id;
    const dept = (name: string, departmentType: string, areas: object[], who: Who = sub, subdistrictId?: number) =>
      call(who, 'POST', '/api/organisations', { kind: 'department', departmentType, name, contactPhone: '0931-8123456', areas, subdistrictId });
    chengguan = (await dept('七里河区城管局', 'chengguan', [{ kind: 'district', id: districtId }])).body.id;
    power = (await dept('敦煌路供电所', 'power', [{ kind: 'subdistrict', id: sec.community.subdistrictId }])).body.id;
    farDept = (await dept('别区城管局', 'chengguan', [{ kind: 'community', id: farCommunity.id }], admin, farCommunity.subdistrictId)).body.id;
    office = (await call(sub, 'POST', '/api/organisations', { kind: 'subdistrict_office', name: '敦煌路街道办事处', contactPhone: '12345' })).body.id;
    cgContact = await contactOf(chengguan);
    powerContact = await contactOf(power);
  });
  afterAll(async () => env.close());

  it('takes landlines, 400 and service numbers for organisations, and refuses a bad one naming the field', async () => {
    for (const ok of ['0931-8123456', '09318123456', '021-62345678-801', '400-810-8888', '95598', '12345', '13919000001'])
      expect(isOrganisationPhone(ok), ok).toBe(true);
    for (const bad of ['12', '8123456', 'abc', '0931-12', '1234567890123']) expect(isOrganisationPhone(bad), bad).toBe(false);
    const res = await call(sub, 'POST', '/api/organisations', { kind: 'department', departmentType: 'water', name: '坏号码水务', contactPhone: '8123' });
    expect(res.status).toBe(400);
    expect(res.body.error.details.fields[0]).toMatchObject({ field: 'contactPhone', rule: 'invalid_org_phone' });
    expect(res.body.error.details.fields[0].message).toContain('联系电话');
    expect([chengguan, power, office].every((id) => typeof id === 'number')).toBe(true);
  });

  it('lets only the subdistrict manage its departments, within its own area', async () => {
    const bySecretary = await call(sec, 'POST', '/api/organisations', { kind: 'department', departmentType: 'gas', name: '燃气公司', areas: [] });
    expect(bySecretary.status).toBe(403);
    const outside = await call(sub, 'POST', '/api/organisations', {
      kind: 'department',
      departmentType: 'gas',
      name: '燃气公司',
      areas: [{ kind: 'community', id: farCommunity.id }],
    });
    expect(outside.body.error.details.fields[0]).toMatchObject({ field: 'areas', rule: 'out_of_reach' });
    const property = await call(sec, 'POST', '/api/organisations', { kind: 'property_company', name: '金房物业', contactPhone: '4008108888' });
    expect(property.status).toBe(201);
    expect(property.body.areas).toEqual([{ kind: 'community', id: sec.community.id, name: expect.any(String) }]);
    const serving = (await call(sec, 'GET', `/api/organisations?servingCommunityId=${sec.community.id}&pageSize=50`)).body.items.map(
      (o: { name: string }) => o.name,
    );
    expect(serving).toEqual(expect.arrayContaining(['七里河区城管局', '敦煌路供电所', '敦煌路街道办事处', '金房物业']));
    expect(serving).not.toContain('别区城管局');
  });

  it('escalates from any open state with its own deadline, named on the timeline; refuses a past deadline and a department not serving the community', async () => {
    const t = await newTicket();
    expect(t.status).toBe('submitted');
    const before = await escalationCount();
    const past = await call(sec, 'POST', '/api/escalations', { ticketId: t.id, organisationId: chengguan, reason: '占道', dueAt: '2020-01-01T10:00:00+08:00' });
    expect(past.status).toBe(400);
    expect(past.body.error.details.fields[0]).toMatchObject({ field: 'dueAt', rule: 'in_past', message: '期限不能早于现在' });
    const far = await call(sec, 'POST', '/api/escalations', { ticketId: t.id, organisationId: farDept, reason: '占道' });
    expect(far.body.error.details.fields[0]).toMatchObject({ field: 'organisationId', rule: 'not_serving' });
    expect(await escalationCount()).toBe(before);
    expect((await ticket(t.id)).status).toBe('submitted');

    const res = await call(sec, 'POST', '/api/escalations', { ticketId: t.id, organisationId: chengguan, reason: '占道经营，请城管处置' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'pending', organisationName: '七里河区城管局', overdue: false, ticketCode: expect.any(String) });
    // Five working days by default: at least a week of calendar days ahead is never less than 5 days.
    expect(Date.parse(res.body.dueAt) - Date.now()).toBeGreaterThan(4 * 86400_000);
    const detail = await ticket(t.id);
    expect(detail.status).toBe('escalated');
    const step = detail.events.find((e: { action: string }) => e.action === 'escalate');
    expect(step.data).toMatchObject({ organisationName: '七里河区城管局', dueAt: res.body.dueAt });
  });

  it('lets a contact see only its own escalations and reply in its own name; a wrong organisation is refused', async () => {
    const t = await newTicket('路灯不亮');
    const e = (await call(sec, 'POST', '/api/escalations', { ticketId: t.id, organisationId: chengguan, reason: '路灯' })).body;
    const mine = (await call(cgContact, 'GET', '/api/escalations?pageSize=100')).body.items as Array<{ organisationId: number }>;
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((x) => x.organisationId === chengguan)).toBe(true);
    expect((await call(powerContact, 'GET', '/api/escalations?pageSize=100')).body.items).toEqual([]);
    expect((await call(powerContact, 'GET', `/api/escalations/${e.id}`)).status).toBe(404);
    const wrong = await call(powerContact, 'POST', `/api/escalations/${e.id}/reply`, { kind: 'answer', text: '已修好' });
    expect(wrong.status).toBe(404);
    const staff = await call(sub, 'POST', `/api/escalations/${e.id}/reply`, { kind: 'answer', text: '已修好' });
    expect(staff.status).toBe(403);
    expect((await call(sec, 'POST', `/api/escalations/${e.id}/reply`, { kind: 'answer', text: '已修好' })).status).toBe(403);
    expect((await call(cgContact, 'GET', `/api/tickets/${t.id}`)).status).toBe(403);
    const noText = await call(cgContact, 'POST', `/api/escalations/${e.id}/reply`, { kind: 'decline' });
    expect(noText.body.error.details.fields[0]).toMatchObject({ field: 'text', rule: 'required' });

    expect((await call(cgContact, 'POST', `/api/escalations/${e.id}/reply`, { kind: 'accept' })).body.status).toBe('accepted');
    expect((await call(cgContact, 'POST', `/api/escalations/${e.id}/reply`, { kind: 'ask_info', text: '请提供具体位置' })).body.status).toBe('info_requested');
    expect((await call(sec, 'POST', `/api/escalations/${e.id}/reply`, { kind: 'info', text: '3号楼北侧第二盏' })).body.status).toBe('accepted');
    const answered = (await call(cgContact, 'POST', `/api/escalations/${e.id}/reply`, { kind: 'answer', text: '已更换灯泡' })).body;
    expect(answered).toMatchObject({ status: 'answered', resultText: '已更换灯泡' });
    expect(answered.replies.map((r: { kind: string }) => r.kind)).toEqual(['accept', 'ask_info', 'info', 'answer']);
    expect(answered.replies[3]).toMatchObject({ organisationName: '七里河区城管局', onBehalf: false });
    const detail = await ticket(t.id);
    expect(detail.status).toBe('submitted');
    const actions = detail.events.map((x: { action: string }) => x.action);
    expect(actions).toEqual(
      expect.arrayContaining(['escalate', 'escalation_accept', 'escalation_ask_info', 'escalation_info', 'escalation_answer', 'respond']),
    );
    expect((await call(cgContact, 'POST', `/api/escalations/${e.id}/reply`, { kind: 'answer', text: '再答一次' })).status).toBe(409);
  });

  it('pauses the community clock while escalated (挂起) when the community chose so', async () => {
    expect((await call(sec, 'PUT', '/api/escalations/settings', { pauseClock: true })).body.pauseClock).toBe(true);
    const t = await newTicket('井盖缺失');
    const e = (await call(sec, 'POST', '/api/escalations', { ticketId: t.id, organisationId: chengguan, reason: '井盖' })).body;
    expect(e.pauseClock).toBe(true);
    // Ten hours pass while it waits.
    await env.ctx.db
      .updateTable('escalations')
      .set({ approved_at: new Date(Date.now() - 10 * 3600_000) })
      .where('id', '=', e.id)
      .execute();
    await call(cgContact, 'POST', `/api/escalations/${e.id}/reply`, { kind: 'answer', text: '已补装井盖' });
    const after = await ticket(t.id);
    const shifted = Date.parse(after.resolutionDueAt) - Date.parse(t.resolutionDueAt);
    expect(shifted).toBeGreaterThan(9.9 * 3600_000);
    expect(shifted).toBeLessThan(10.1 * 3600_000);
    await call(sec, 'PUT', '/api/escalations/settings', { pauseClock: false });
    const t2 = await newTicket('井盖松动');
    const e2 = (await call(sec, 'POST', '/api/escalations', { ticketId: t2.id, organisationId: chengguan, reason: '井盖' })).body;
    await call(cgContact, 'POST', `/api/escalations/${e2.id}/reply`, { kind: 'decline', text: '不属本局职责' });
    expect((await ticket(t2.id)).resolutionDueAt).toBe(t2.resolutionDueAt);
  });

  it('reminds a day before and at the deadline, once each, and flags it overdue', async () => {
    const t = await newTicket('违章搭建');
    const e = (await call(sec, 'POST', '/api/escalations', { ticketId: t.id, organisationId: chengguan, reason: '违建' })).body;
    const now = new Date();
    await env.ctx.db
      .updateTable('escalations')
      .set({ due_at: new Date(now.getTime() + 2 * 3600_000) })
      .where('id', '=', e.id)
      .execute();
    expect(await sendEscalationReminders(env.ctx, now)).toBeGreaterThanOrEqual(1);
    expect(await sendEscalationReminders(env.ctx, now)).toBe(0);
    const later = new Date(now.getTime() + 3 * 3600_000);
    expect(await sendEscalationReminders(env.ctx, later)).toBeGreaterThanOrEqual(1);
    const actions = (await ticket(t.id)).events.map((x: { action: string }) => x.action);
    expect(actions).toEqual(expect.arrayContaining(['escalation_due_soon', 'escalation_overdue']));
    await env.ctx.db
      .updateTable('escalations')
      .set({ due_at: new Date(now.getTime() - 3600_000) })
      .where('id', '=', e.id)
      .execute();
    expect((await call(sec, 'GET', `/api/escalations/${e.id}`)).body.overdue).toBe(true);
    const overdue = (await call(sec, 'GET', '/api/escalations?overdue=true&pageSize=100')).body.items.map((x: { id: number }) => x.id);
    expect(overdue).toContain(e.id);
  });

  it('lets a grid worker request an escalation and the secretary approve it', async () => {
    const grid = await actorIn(env, 'grid_worker', sec.community);
    const t = await newTicket('楼道堆物');
    const req = await call(grid, 'POST', '/api/escalations/requests', { ticketId: t.id, organisationId: chengguan, reason: '多次劝导无效' });
    expect(req.body.status).toBe('requested');
    expect((await ticket(t.id)).status).toBe('submitted');
    expect((await call(grid, 'POST', '/api/escalations', { ticketId: t.id, organisationId: chengguan, reason: 'x' })).status).toBe(403);
    expect((await call(cgContact, 'GET', `/api/escalations/${req.body.id}`)).body.status).toBe('requested');
    const approved = await call(sec, 'POST', `/api/escalations/${req.body.id}/approve`, {});
    expect(approved.body).toMatchObject({ status: 'pending', approvedByName: expect.any(String), requestedByName: expect.any(String) });
    expect((await ticket(t.id)).status).toBe('escalated');
  });

  it('blows the whistle: community → subdistrict → departments → answer, on the board with the departments ranked', async () => {
    const t = await newTicket('小区停水停电');
    const whistle = (await call(sec, 'POST', '/api/escalations', { ticketId: t.id, organisationId: office, reason: '吹哨：停水停电三天' })).body;
    const other = await actorIn(env, 'subdistrict_admin');
    expect((await call(other, 'POST', `/api/escalations/${whistle.id}/dispatch`, { reason: 'x', departments: [{ organisationId: power }] })).status).toBe(404);
    const farAsked = await call(sub, 'POST', `/api/escalations/${whistle.id}/dispatch`, { reason: '请报到', departments: [{ organisationId: farDept }] });
    expect(farAsked.body.error.details.fields[0]).toMatchObject({ field: 'departments.0.organisationId', rule: 'not_serving' });
    const dispatched = await call(sub, 'POST', `/api/escalations/${whistle.id}/dispatch`, {
      reason: '请供电、城管报到',
      departments: [{ organisationId: power }, { organisationId: chengguan, dueAt: new Date(Date.now() + 2 * 86400_000).toISOString() }],
    });
    expect(dispatched.status).toBe(200);
    expect(dispatched.body.status).toBe('accepted');
    expect(dispatched.body.children.map((c: { organisationName: string }) => c.organisationName)).toEqual(['敦煌路供电所', '七里河区城管局']);
    const board = (await call(sub, 'GET', '/api/escalations/board')).body;
    expect(board.whistles.map((w: { id: number }) => w.id)).toContain(whistle.id);
    const [powerEsc, cgEsc] = dispatched.body.children as Array<{ id: number }>;
    await call(powerContact, 'POST', `/api/escalations/${powerEsc!.id}/reply`, { kind: 'answer', text: '线路已抢修' });
    expect((await call(sec, 'GET', `/api/escalations/${whistle.id}`)).body.status).toBe('accepted');
    expect((await ticket(t.id)).status).toBe('escalated');
    await call(cgContact, 'POST', `/api/escalations/${cgEsc!.id}/reply`, { kind: 'decline', text: '不属城管职责' });
    const done = (await call(sec, 'GET', `/api/escalations/${whistle.id}`)).body;
    expect(done).toMatchObject({ status: 'answered' });
    expect(done.resultText).toContain('敦煌路供电所：线路已抢修');
    expect((await ticket(t.id)).status).toBe('submitted');
    const ranking = (await call(sub, 'GET', '/api/escalations/board')).body.ranking as Array<{
      organisationName: string;
      answered: number;
      averageResponseHours: number | null;
    }>;
    expect(ranking.find((r) => r.organisationName === '敦煌路供电所')).toMatchObject({ answered: 1, averageResponseHours: expect.any(Number) });
    expect(ranking.map((r) => r.organisationName)).not.toContain('敦煌路街道办事处');
  });

  it('gives a contact account exactly one organisation, and the old partner role no respond of its own', async () => {
    const res = await call(admin, 'POST', '/api/accounts', {
      username: 'cg_contact_1',
      displayName: '城管联系人',
      role: 'department_contact',
      password: 'Qilihe-CG-2026!',
    });
    expect(res.body.error.details.fields[0]).toMatchObject({ field: 'organisationId', rule: 'required' });
    const ok = await call(admin, 'POST', '/api/accounts', {
      username: 'cg_contact_1',
      displayName: '城管联系人',
      role: 'department_contact',
      password: 'Qilihe-CG-2026!',
      organisationId: chengguan,
    });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ organisationId: chengguan, communityId: null });
    const partnerContact = await call(sec, 'POST', '/api/accounts', {
      username: 'pc_contact_1',
      displayName: '物业联系人',
      role: 'partner_contact',
      password: 'Qilihe-PC-2026!',
      organisationId: chengguan,
    });
    expect(partnerContact.body.error.details.fields[0]).toMatchObject({ field: 'organisationId', rule: 'not_found' });
    const pc = await actorIn(env, 'partner_contact', sec.community);
    const t = await newTicket('旧路径');
    expect((await call(pc, 'POST', `/api/tickets/${t.id}/respond`, { note: '回复' })).status).toBe(403);
  });
});
