import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorIn, createTestEnv, httpAs, type TestEnv } from '../../../../test/harness.js';
import { blockAudit, unblockAudit } from '../../../../test/fixtures.js';
import { buildContact, buildDepartment, buildEscalation } from '../../../../test/session-fixtures.js';
import { ensureCategoriesIn } from '../../tickets/index.js';
import { trustedCommunityId } from '../../../platform/access/trusted-scope.js';

// 书记面对面 (issue 7 item 5): a session with two departments, its items, answers, commitments and their follow-up.
describe('secretary sessions (书记面对面)', () => {
  let env: TestEnv;
  let secretary: Awaited<ReturnType<typeof actorIn>>;
  let chengguan: { id: number; name: string };
  let power: { id: number; name: string };
  let elsewhere: { id: number; name: string };
  const as = (who: { cookie: string }) => httpAs(env.app, who);
  const sessionRows = () => env.ctx.db.selectFrom('secretary_sessions').select('id').where('community_id', '=', secretary.community.id).execute();

  beforeAll(async () => {
    env = await createTestEnv();
    secretary = await actorIn(env, 'secretary');
    chengguan = await buildDepartment(env, secretary.community.id, '新碶街道城管中队');
    power = await buildDepartment(env, secretary.community.id, '北仑供电营业厅', 'power');
    const other = await actorIn(env, 'secretary');
    elsewhere = await buildDepartment(env, other.community.id, '七里河区城管局');
  });
  afterAll(async () => env.close());

  const newSession = (over: object = {}) =>
    as(secretary).post('/api/secretary-sessions', {
      title: '书记面对面',
      heldOn: '2026-01-05',
      startsAt: '09:30',
      place: '凌霄社区红领驿站',
      hostName: '陈书记',
      attendees: [
        { organisationId: chengguan.id, attendeeName: '王支书', attendeeTitle: '中队支部书记' },
        { organisationId: power.id, attendeeName: '李支书' },
      ],
      ...over,
    });

  it('records a session with two departments; an organisation not serving the community, or named twice, is refused and nothing is written', async () => {
    const res = await newSession();
    expect(res.statusCode, res.body).toBe(201);
    const s = res.json();
    expect(s).toMatchObject({ title: '书记面对面', heldOn: '2026-01-05', startsAt: '09:30', place: '凌霄社区红领驿站', itemCount: 0, items: [] });
    expect(s.attendees.map((a: { organisationName: string }) => a.organisationName)).toEqual([chengguan.name, power.name]);
    const audit = await env.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id'])
      .where('entity_type', '=', 'secretary_session')
      .where('entity_id', '=', String(s.id))
      .execute();
    expect(audit).toEqual([{ action: 'secretary_session.created', actor_id: secretary.account.id }]);

    const before = await sessionRows();
    const notServing = await newSession({ attendees: [{ organisationId: elsewhere.id, attendeeName: '张支书' }] });
    expect(notServing.statusCode).toBe(400);
    expect(notServing.json().error.details.fields[0]).toMatchObject({
      field: 'attendees.0',
      rule: 'not_serving',
      message: '参会部门不服务本社区，请选择服务本社区的单位',
    });
    const twice = await newSession({
      attendees: [
        { organisationId: power.id, attendeeName: 'a' },
        { organisationId: power.id, attendeeName: 'b' },
      ],
    });
    expect(twice.json().error.details.fields[0]).toMatchObject({ field: 'attendees.1', rule: 'repeated' });
    const noPlace = await newSession({ place: '  ' });
    expect(noPlace.json().error.details.fields[0]).toMatchObject({ field: 'place' });
    expect(await sessionRows()).toEqual(before);
  });

  it('takes an escalated ticket and a matter raised on the day; a department not at the table is refused', async () => {
    const s = (await newSession()).json();
    const esc = await buildEscalation(env, secretary, secretary.community.id, chengguan.id, '沿街楼道堆放装修垃圾');
    const item = await as(secretary).post(`/api/secretary-sessions/${s.id}/items`, { escalationId: esc.id });
    expect(item.statusCode, item.body).toBe(201);
    expect(item.json()).toMatchObject({
      organisationName: chengguan.name,
      ticketCode: esc.ticket.code,
      subject: '沿街楼道堆放装修垃圾',
      commitmentState: 'none',
    });
    expect((await as(secretary).post(`/api/secretary-sessions/${s.id}/items`, { escalationId: esc.id })).json().error.details.fields[0]).toMatchObject({
      field: 'escalationId',
      rule: 'repeated',
    });

    const absent = await buildDepartment(env, secretary.community.id, '北仑区住建局', 'housing');
    const escAbsent = await buildEscalation(env, secretary, secretary.community.id, absent.id, '老旧小区加装电梯');
    const refused = await as(secretary).post(`/api/secretary-sessions/${s.id}/items`, { escalationId: escAbsent.id });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details.fields[0].message).toBe(`“${absent.name}”没有参加本次书记面对面，请先把它加入参会部门`);

    const raised = await as(secretary).post(`/api/secretary-sessions/${s.id}/items`, {
      organisationId: power.id,
      subject: '黄山豪庭路灯夜间不亮',
      detail: '三盏',
    });
    expect(raised.json()).toMatchObject({ organisationName: power.name, escalationId: null, ticketCode: null, subject: '黄山豪庭路灯夜间不亮' });
    const noSubject = await as(secretary).post(`/api/secretary-sessions/${s.id}/items`, { organisationId: power.id });
    expect(noSubject.json().error.details.fields[0]).toMatchObject({ field: 'subject', rule: 'required', message: '议题不能为空' });
    const detail = (await as(secretary).get(`/api/secretary-sessions/${s.id}`)).json();
    expect(detail.itemCount).toBe(2);
    // The session cannot drop a department that still has items.
    const drop = await as(secretary).patch(`/api/secretary-sessions/${s.id}`, { attendees: [{ organisationId: power.id, attendeeName: '李支书' }] });
    expect(drop.json().error.details.fields[0]).toMatchObject({ field: 'attendees', rule: 'has_items' });
  });

  it('records answers and commitments; follows a commitment up from overdue to kept, with who, when and a note', async () => {
    const s = (await newSession()).json();
    const a = (await as(secretary).post(`/api/secretary-sessions/${s.id}/items`, { organisationId: chengguan.id, subject: '商户占道经营' })).json();
    const b = (await as(secretary).post(`/api/secretary-sessions/${s.id}/items`, { organisationId: power.id, subject: '配电箱噪音' })).json();
    const answer = (id: number, body: object, who = secretary) => as(who).post(`/api/secretary-session-items/${id}/answer`, body);

    const early = await answer(a.id, { answer: '安排执法队员', commitment: '三天内清理', promisedOn: '2026-01-04' });
    expect(early.json().error.details.fields[0]).toMatchObject({
      field: 'promisedOn',
      rule: 'before_session',
      message: '承诺完成日期不能早于会议日期 2026-01-05',
    });
    expect((await answer(a.id, { answer: '安排执法队员', commitment: '三天内清理' })).json().error.details.fields[0]).toMatchObject({
      field: 'promisedOn',
      rule: 'required',
    });
    const ok = await answer(a.id, { answer: '安排执法队员上门劝导', commitment: '三天内清理沿街占道', promisedOn: '2026-01-08' });
    expect(ok.statusCode, ok.body).toBe(200);
    // Promised for a day already past and not followed up: overdue.
    expect(ok.json()).toMatchObject({
      answeredOnBehalf: true,
      answeredByName: secretary.account.username,
      commitment: '三天内清理沿街占道',
      commitmentState: 'overdue',
    });
    expect((await answer(b.id, { answer: '已列入改造计划', commitment: '更换静音设备', promisedOn: '2199-01-01' })).json().commitmentState).toBe('open');

    const overdue = (await as(secretary).get(`/api/secretary-sessions/commitments?state=overdue&pageSize=200`)).json();
    expect(overdue.items.map((i: { id: number }) => i.id)).toContain(a.id);
    expect(overdue.items.map((i: { id: number }) => i.id)).not.toContain(b.id);
    const summary = (await as(secretary).get(`/api/secretary-sessions?pageSize=200`)).json().items.find((x: { id: number }) => x.id === s.id);
    expect(summary).toMatchObject({ itemCount: 2, openCommitments: 2, overdueCommitments: 1 });

    const follow = (id: number, body: object, who = secretary) => as(who).post(`/api/secretary-session-items/${id}/follow-ups`, body);
    expect((await follow(a.id, { status: 'kept' })).json().error.details.fields[0]).toMatchObject({ field: 'note', rule: 'required' });
    const progress = await follow(a.id, { status: 'open', note: '已清理一半' });
    expect(progress.json().commitmentState).toBe('overdue');
    const kept = await follow(a.id, { status: 'kept', note: '1 月 9 日回访，已全部清理' });
    expect(kept.statusCode, kept.body).toBe(200);
    expect(kept.json().commitmentState).toBe('kept');
    expect(kept.json().followUps.map((f: { status: string; byName: string }) => [f.status, f.byName])).toEqual([
      ['open', secretary.account.username],
      ['kept', secretary.account.username],
    ]);
    expect((await follow(a.id, { status: 'broken', note: 'x' })).json().error.code).toBe('INVALID_STATE');
    expect((await answer(a.id, { answer: '改口' })).json().error.code).toBe('INVALID_STATE');
    const raisedNoCommitment = (await as(secretary).post(`/api/secretary-sessions/${s.id}/items`, { organisationId: power.id, subject: '仅通报' })).json();
    expect((await follow(raisedNoCommitment.id, { status: 'kept', note: 'x' })).statusCode).toBe(409);
    const audit = await env.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'reason'])
      .where('entity_id', '=', String(s.id))
      .where('entity_type', '=', 'secretary_session')
      .orderBy('id')
      .execute();
    expect(audit.filter((x) => x.action === 'secretary_session.followed_up').map((x) => x.reason)).toEqual(['已清理一半', '1 月 9 日回访，已全部清理']);
    expect((await as(secretary).get('/api/secretary-sessions/commitments?state=kept&pageSize=200')).json().items.map((i: { id: number }) => i.id)).toContain(
      a.id,
    );
  });

  it('a department contact sees only the sessions it attended and only its own items, and answers only those', async () => {
    const s = (await newSession()).json();
    const a = (await as(secretary).post(`/api/secretary-sessions/${s.id}/items`, { organisationId: chengguan.id, subject: '城管的事' })).json();
    const b = (await as(secretary).post(`/api/secretary-sessions/${s.id}/items`, { organisationId: power.id, subject: '供电的事' })).json();
    const contact = await buildContact(env, power.id);
    const seen = (await as(contact).get(`/api/secretary-sessions/${s.id}`)).json();
    expect(seen.items.map((i: { id: number }) => i.id)).toEqual([b.id]);
    expect(seen.itemCount).toBe(1);
    const own = await as(contact).post(`/api/secretary-session-items/${b.id}/answer`, {
      answer: '下周派人检修',
      commitment: '检修配电箱',
      promisedOn: '2199-01-01',
    });
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json()).toMatchObject({ answeredOnBehalf: false, answeredByName: contact.account.username });
    expect((await as(contact).post(`/api/secretary-session-items/${a.id}/answer`, { answer: '越权' })).statusCode).toBe(404);
    expect((await as(contact).post(`/api/secretary-session-items/${b.id}/follow-ups`, { status: 'kept', note: '自己说兑现了' })).statusCode).toBe(403);
    expect(
      (
        await as(contact).post('/api/secretary-sessions', {
          title: 't',
          heldOn: '2026-01-05',
          place: 'p',
          hostName: 'h',
          attendees: [{ organisationId: power.id, attendeeName: 'x' }],
        })
      ).statusCode,
    ).toBe(403);
    const commitments = (await as(contact).get('/api/secretary-sessions/commitments?pageSize=200')).json();
    expect(commitments.items.every((i: { organisationId: number }) => i.organisationId === power.id)).toBe(true);

    // A department that was not at the table sees nothing of it.
    const stranger = await buildContact(env, (await buildDepartment(env, secretary.community.id, '北仑区市场监管局', 'market')).id);
    expect((await as(stranger).get(`/api/secretary-sessions/${s.id}`)).statusCode).toBe(404);
    expect((await as(stranger).get('/api/secretary-sessions?pageSize=200')).json().total).toBe(0);
  });

  it('turns a matter raised at the table into a ticket escalated to its department, once; a past deadline changes nothing', async () => {
    const s = (await newSession()).json();
    const item = (
      await as(secretary).post(`/api/secretary-sessions/${s.id}/items`, { organisationId: chengguan.id, subject: '商铺油烟扰民', detail: '一楼餐馆' })
    ).json();
    const [category] = await ensureCategoriesIn(env.ctx.db, trustedCommunityId(secretary.community.id));
    const tickets = () => env.ctx.db.selectFrom('tickets').select('id').where('community_id', '=', secretary.community.id).execute();
    const before = await tickets();
    const past = await as(secretary).post(`/api/secretary-session-items/${item.id}/escalate`, { categoryId: category!.id, dueAt: '2026-01-01T00:00:00+08:00' });
    expect(past.json().error.details.fields[0]).toMatchObject({ field: 'dueAt', rule: 'in_past' });
    expect(await tickets()).toEqual(before);

    const res = await as(secretary).post(`/api/secretary-session-items/${item.id}/escalate`, { categoryId: category!.id });
    expect(res.statusCode, res.body).toBe(200);
    const escalated = res.json();
    expect(escalated.escalationId).toEqual(expect.any(Number));
    expect(escalated.ticketCode).toEqual(expect.any(String));
    const esc = await env.ctx.db
      .selectFrom('escalations')
      .select(['organisation_id', 'status', 'ticket_id'])
      .where('id', '=', escalated.escalationId)
      .executeTakeFirstOrThrow();
    expect(esc).toMatchObject({ organisation_id: chengguan.id, status: 'pending', ticket_id: escalated.ticketId });
    const ticket = (await as(secretary).get(`/api/tickets/${escalated.ticketId}`)).json();
    expect(ticket).toMatchObject({ title: '商铺油烟扰民', status: 'escalated', channel: 'meeting' });
    expect((await as(secretary).post(`/api/secretary-session-items/${item.id}/escalate`, { categoryId: category!.id })).json().error.code).toBe(
      'INVALID_STATE',
    );
  });

  it('another community answers 404 everywhere; a failed audit leaves nothing half-written', async () => {
    const s = (await newSession()).json();
    const item = (await as(secretary).post(`/api/secretary-sessions/${s.id}/items`, { organisationId: power.id, subject: '路灯' })).json();
    const other = await actorIn(env, 'secretary');
    expect((await as(other).get(`/api/secretary-sessions/${s.id}`)).statusCode).toBe(404);
    expect((await as(other).patch(`/api/secretary-sessions/${s.id}`, { place: 'x' })).statusCode).toBe(404);
    expect((await as(other).post(`/api/secretary-sessions/${s.id}/items`, { organisationId: power.id, subject: 'x' })).statusCode).toBe(404);
    expect((await as(other).post(`/api/secretary-session-items/${item.id}/answer`, { answer: 'x' })).statusCode).toBe(404);
    expect((await as(other).post(`/api/secretary-session-items/${item.id}/follow-ups`, { status: 'kept', note: 'x' })).statusCode).toBe(404);
    expect((await as(other).get(`/api/secretary-sessions?communityId=${secretary.community.id}`)).statusCode).toBe(404);
    expect((await as(other).get('/api/secretary-sessions')).json().total).toBe(0);
    const admin = await actorIn(env, 'subdistrict_admin', secretary.community);
    expect((await as(admin).get(`/api/secretary-sessions/${s.id}`)).statusCode).toBe(200);
    expect((await as(admin).post(`/api/secretary-session-items/${item.id}/answer`, { answer: 'x' })).statusCode).toBe(403);

    const before = await sessionRows();
    await blockAudit(env, ['secretary_session.']);
    try {
      expect((await newSession()).statusCode).toBe(500);
      expect((await as(secretary).post(`/api/secretary-session-items/${item.id}/answer`, { answer: '不会留下' })).statusCode).toBe(500);
    } finally {
      await unblockAudit(env);
    }
    expect(await sessionRows()).toEqual(before);
    const after = await env.ctx.db.selectFrom('secretary_session_items').select(['answer', 'answered_by']).where('id', '=', item.id).executeTakeFirstOrThrow();
    expect(after).toEqual({ answer: null, answered_by: null });
  });
});
