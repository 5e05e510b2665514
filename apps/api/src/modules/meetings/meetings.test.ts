import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorIn, createTestEnv, httpAs, type TestEnv } from '../../../test/harness.js';
import { buildCompound, buildResident } from '../../../test/fixtures.js';
import { runBackgroundJobs } from '../../../test/jobs.js';
import { trustedCommunityId } from '../../platform/access/trusted-scope.js';
import { meetingRefs, topicRefs } from './index.js';

/** Meetings on a real database: planned, rotated over compounds, held with topics, tickets and minutes; refusals change nothing. */
describe('meetings', () => {
  let env: TestEnv;
  let sec: Awaited<ReturnType<typeof actorIn>>;
  let other: Awaited<ReturnType<typeof actorIn>>;
  let compounds: number[];
  let categoryId: number;
  let communityCode: string;
  const as = (cookie: string) => httpAs(env.app, cookie);
  const count = async (table: 'meetings' | 'meeting_events' | 'meeting_topics' | 'tickets' | 'audit_log') =>
    Number(
      (
        await env.ctx.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const plan = async (over: object = {}) => {
    const res = await as(sec.cookie).post('/api/meetings', {
      kind: 'tea_talk',
      title: '喝茶议事·二十二佳园',
      compoundId: compounds[0],
      startsAt: '2026-12-09T09:30:00+08:00',
      endsAt: '2026-12-09T11:00:00+08:00',
      place: '二十二佳园党群服务站',
      hostName: '李书记',
      ...over,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: number; status: string; topics: Array<{ id: number; outcome: string | null; ticketId: number | null; title: string }> };
  };

  beforeAll(async () => {
    env = await createTestEnv();
    sec = await actorIn(env, 'secretary');
    other = await actorIn(env, 'secretary');
    compounds = [];
    for (const name of ['二十二佳园', '理工大家属院', '金港城']) compounds.push(Number((await buildCompound(env.ctx, sec.community.id, name)).id));
    const cats = (await as(sec.cookie).get('/api/ticket-categories')).json().items as Array<{ id: number }>;
    categoryId = cats[0]!.id;
    communityCode = (await env.ctx.db.selectFrom('communities').select('code').where('id', '=', sec.community.id).executeTakeFirstOrThrow()).code!;
  });
  afterAll(async () => env?.close());

  it('refuses a meeting that ends before it starts, naming endsAt, and writes nothing', async () => {
    const before = [await count('meetings'), await count('meeting_events'), await count('audit_log')];
    const res = await as(sec.cookie).post('/api/meetings', {
      kind: 'hearing',
      title: '民情恳谈会',
      startsAt: '2026-12-09T10:00:00+08:00',
      endsAt: '2026-12-09T09:00:00+08:00',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('MEETING_ENDS_BEFORE_START');
    expect(res.json().error.details.fields[0].field).toBe('endsAt');
    expect([await count('meetings'), await count('meeting_events'), await count('audit_log')]).toEqual(before);
  });

  it('plans, holds and closes a meeting with topics, a ticket answered on the spot, attendees, decisions and follow-ups', async () => {
    const m = await plan();
    expect(m.status).toBe('planned');
    const api = as(sec.cookie);
    // A ticket already open becomes a topic, and so does a matter raised there.
    const open = await api.post('/api/tickets', { channel: 'walk_in', categoryId, title: '楼道灯不亮', description: '3 号楼 2 单元楼道灯坏了一周' });
    expect(open.statusCode, open.body).toBe(201);
    let d = (await api.post(`/api/meetings/${m.id}/topics`, { sourceKind: 'ticket', sourceId: open.json().id })).json();
    expect(d.topics[0]).toMatchObject({ seq: 1, title: '楼道灯不亮', sourceKind: 'ticket' });
    d = (await api.post(`/api/meetings/${m.id}/topics`, { sourceKind: 'new', title: '85 岁母亲独居，子女在外地，想申请助餐' })).json();
    const motherTopic = d.topics[1].id as number;
    // Outcomes wait for the meeting to be held.
    const early = await api.post(`/api/meetings/${m.id}/topics/${motherTopic}/outcome`, { outcome: 'deferred' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('MEETING_NOT_OPEN');
    const resident = await buildResident(env.ctx, sec.community.id, { name: '张桂兰' });
    expect((await api.post(`/api/meetings/${m.id}/attendees`, { kind: 'resident', residentId: resident.id, signedIn: true })).statusCode).toBe(200);
    d = (await api.post(`/api/meetings/${m.id}/attendees`, { kind: 'guest', name: '物业王经理', roleNote: '物业公司' })).json();
    expect(d.attendees.map((a: { name: string }) => a.name)).toEqual(['张桂兰', '物业王经理']);
    const again = await api.post(`/api/meetings/${m.id}/attendees`, { kind: 'resident', residentId: resident.id });
    expect(again.statusCode).toBe(409);
    d = (await api.post(`/api/meetings/${m.id}/attendees/${d.attendees[1].id}/sign-in`, {})).json();
    expect(d.attendees.every((a: { signedInAt: string | null }) => a.signedInAt)).toBe(true);

    d = (await api.post(`/api/meetings/${m.id}/hold`, { walkInCount: 12 })).json();
    expect(d).toMatchObject({ status: 'held', walkInCount: 12 });
    // The mother's case: registered as a ticket linked to the meeting and answered on the spot.
    const before = await count('tickets');
    const raised = await api.post(`/api/meetings/${m.id}/topics/${motherTopic}/ticket`, {
      categoryId,
      description: '老人 85 岁独居，想在社区老年餐桌助餐',
      answerOnSpot: '当场登记老年餐桌助餐，每天午餐送餐上门',
    });
    expect(raised.statusCode, raised.body).toBe(200);
    d = raised.json();
    expect(await count('tickets')).toBe(before + 1);
    expect(d.topics[1]).toMatchObject({ outcome: 'answered', ticketId: expect.any(Number), ticketCode: expect.any(String) });
    const ticket = (await api.get(`/api/tickets/${d.topics[1].ticketId}`)).json();
    expect(ticket).toMatchObject({ status: 'resolved', channel: 'meeting', meetingId: m.id });
    expect(d.tickets.map((t: { id: number }) => t.id)).toContain(ticket.id);
    // A topic is decided once.
    const twice = await api.post(`/api/meetings/${m.id}/topics/${motherTopic}/outcome`, { outcome: 'deferred' });
    expect(twice.statusCode).toBe(409);
    d = (await api.post(`/api/meetings/${m.id}/topics/${d.topics[0].id}/outcome`, { outcome: 'answered', note: '物业当场答应三天内修好' })).json();
    expect(d.topics[0].outcome).toBe('answered');

    // Closing needs minutes.
    const noMinutes = await api.post(`/api/meetings/${m.id}/close`, {});
    expect(noMinutes.statusCode).toBe(400);
    expect(noMinutes.json().error.details.fields[0].field).toBe('minutes');
    expect((await api.post(`/api/meetings/${m.id}/decisions`, { text: '楼道灯由物业三天内修复', topicId: d.topics[0].id })).statusCode).toBe(200);
    d = (await api.post(`/api/meetings/${m.id}/follow-ups`, { text: '回访楼道灯是否修好', ownerName: '网格员小赵', dueOn: '2026-12-12' })).json();
    const followUpId = d.followUps[0].id as number;
    expect(
      (await api.put(`/api/meetings/${m.id}/minutes`, { minutes: '议题两项：楼道灯、老人助餐。', recorderName: '社工小刘', walkInCount: 15 })).statusCode,
    ).toBe(200);
    d = (await api.post(`/api/meetings/${m.id}/close`, {})).json();
    expect(d).toMatchObject({ status: 'minuted', recorderName: '社工小刘', walkInCount: 15, minutes: '议题两项：楼道灯、老人助餐。' });
    // A closed meeting takes no more topics, but its follow-ups can still be done.
    const late = await api.post(`/api/meetings/${m.id}/topics`, { sourceKind: 'new', title: '晚到的议题' });
    expect(late.statusCode).toBe(409);
    d = (await api.post(`/api/meetings/${m.id}/follow-ups/${followUpId}/done`, { note: '已修好，居民满意' })).json();
    expect(d.followUps[0].doneAt).not.toBeNull();
    expect(d.events.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['planned', 'topic_added', 'signed_in', 'hold', 'ticket_raised', 'topic_outcome', 'minutes_saved', 'close', 'follow_up_done']),
    );
    const audits = await env.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'meeting')
      .where('entity_id', '=', String(m.id))
      .execute();
    expect(audits.length).toBe(d.events.length);
  });

  it('cancels only with a reason, and only a planned meeting', async () => {
    const m = await plan({ title: '临时议事' });
    const api = as(sec.cookie);
    const bare = await api.post(`/api/meetings/${m.id}/cancel`, { reason: ' ' });
    expect(bare.statusCode).toBe(400);
    const d = (await api.post(`/api/meetings/${m.id}/cancel`, { reason: '暴雨预警' })).json();
    expect(d).toMatchObject({ status: 'cancelled', cancelReason: '暴雨预警' });
    expect((await api.post(`/api/meetings/${m.id}/hold`, {})).statusCode).toBe(409);
  });

  it('plans a rotation over compounds once, even when asked twice at once', async () => {
    const body = {
      kind: 'tea_talk',
      title: '喝茶议事',
      compoundIds: compounds,
      startsOn: '2027-03-03',
      intervalDays: 14,
      startTime: '19:30',
      durationMinutes: 90,
    };
    const before = await count('meetings');
    const [a, b] = await Promise.all([as(sec.cookie).post('/api/meeting-rotations', body), as(sec.cookie).post('/api/meeting-rotations', body)]);
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    expect(a.json().id).toBe(b.json().id);
    expect(a.json().meetingCount).toBe(3);
    expect(await count('meetings')).toBe(before + 3);
    const list = (await as(sec.cookie).get('/api/meetings?from=2027-03-01&to=2027-03-31&sort=startsAt&order=asc')).json();
    expect(list.items.map((m: { compoundId: number; startsAt: string }) => [m.compoundId, m.startsAt])).toEqual([
      [compounds[0], '2027-03-03T11:30:00.000Z'],
      [compounds[1], '2027-03-17T11:30:00.000Z'],
      [compounds[2], '2027-03-31T11:30:00.000Z'],
    ]);
    const bad = await as(sec.cookie).post('/api/meeting-rotations', { ...body, compoundIds: [999999] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields[0].field).toBe('compoundIds');
  });

  it('shows residents upcoming meetings of their compound without names', async () => {
    const m = await plan({ startsAt: '2099-05-01T09:00:00+08:00', endsAt: '2099-05-01T10:00:00+08:00', compoundId: compounds[1], hostName: '王主任' });
    await as(sec.cookie).post(`/api/meetings/${m.id}/topics`, { sourceKind: 'new', title: '电动车充电桩选址' });
    const res = await httpAs(env.app).get(`/api/public/communities/${communityCode}/meetings?compoundId=${compounds[1]}`);
    expect(res.statusCode).toBe(200);
    const item = res.json().items.find((i: { id: number }) => i.id === m.id);
    expect(item).toMatchObject({ kind: 'tea_talk', compoundName: '理工大家属院', topics: ['电动车充电桩选址'] });
    expect(res.body).not.toContain('王主任');
  });

  it('prints the meetings register and the minutes through the ledger workbook, in words, with typed dates', async () => {
    const sheetOf = async (register: string) => {
      const started = await as(sec.cookie).post('/api/ledger/exports', { register, from: '2026-12-01', to: '2026-12-31' });
      expect(started.statusCode, started.body).toBe(202);
      await runBackgroundJobs(env.ctx);
      const file = await as(sec.cookie).get(`/api/ledger/exports/${started.json().id}/file`);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
      const sheet = wb.worksheets[0]!;
      const header = (sheet.getRow(3).values as unknown[]).slice(1) as string[];
      const row = (n: number) => Object.fromEntries(header.map((h, i) => [h, sheet.getRow(3 + n).getCell(i + 1).value]));
      return { header, row, text: JSON.stringify(sheet.getSheetValues()) };
    };
    const reg = await sheetOf('meetings');
    expect(reg.header).toContain('议题及结果');
    const held = [1, 2, 3, 4, 5].map(reg.row).find((r) => r['状态'] === '已归档')!;
    expect(held).toMatchObject({ 会议类型: '喝茶议事', 小区: '二十二佳园', 主持人: '李书记', 当场答复: 2 });
    expect(held['会议时间']).toBeInstanceOf(Date);
    expect(String(held['议题及结果'])).toContain('当场答复');
    expect(reg.text).not.toContain('tea_talk');
    expect(reg.text).not.toContain('临时议事'); // cancelled meetings stay out of the register
    const minutes = await sheetOf('meeting_minutes');
    expect(minutes.header).toEqual(expect.arrayContaining(['主持人', '记录人', '参会人员', '议题', '会议记录', '决定事项', '跟进事项']));
    expect(minutes.text).toContain('社工小刘');
    expect(minutes.text).toContain('居民：张桂兰');
    expect(minutes.text).toContain('现场居民 15 人');
    expect(minutes.text).toContain('楼道灯由物业三天内修复');
  });

  it('counts this month’s meetings held and topics answered on the spot for the dashboard', async () => {
    const { meetingLedger } = await import('./index.js');
    const c = await meetingLedger.monthCounts(env.ctx.db, trustedCommunityId(sec.community.id), new Date('2026-12-15T00:00:00+08:00'));
    expect(c).toEqual({ held: 1, topicsRaised: 2, answeredOnSpot: 2 });
    const d = (await as(sec.cookie).get('/api/dashboard/community')).json();
    expect(d.meetings).toEqual(expect.objectContaining({ held: expect.any(Number) }));
  });

  it('answers 404 for another community’s meeting and its topics, and the refs see only their own', async () => {
    const m = await plan();
    expect((await as(other.cookie).get(`/api/meetings/${m.id}`)).statusCode).toBe(404);
    expect((await as(other.cookie).post(`/api/meetings/${m.id}/topics`, { sourceKind: 'new', title: 'x' })).statusCode).toBe(404);
    // A ticket of another community cannot become a topic here.
    const cats = (await as(other.cookie).get('/api/ticket-categories')).json().items as Array<{ id: number }>;
    const foreign = (
      await as(other.cookie).post('/api/tickets', { channel: 'walk_in', categoryId: cats[0]!.id, title: '别处的诉求', description: '别处' })
    ).json();
    const res = await as(sec.cookie).post(`/api/meetings/${m.id}/topics`, { sourceKind: 'ticket', sourceId: foreign.id });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields[0].field).toBe('sourceId');
    expect(await meetingRefs.get(env.ctx.db, trustedCommunityId(other.community.id), m.id)).toBeUndefined();
    expect((await meetingRefs.get(env.ctx.db, trustedCommunityId(sec.community.id), m.id))?.title).toBe('喝茶议事·二十二佳园');
    expect(await topicRefs.ofMeeting(env.ctx.db, trustedCommunityId(sec.community.id), m.id)).toEqual([]);
  });
});
