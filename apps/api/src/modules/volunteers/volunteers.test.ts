import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, actorIn, buildAccount, loginAs, httpAs, type TestEnv } from '../../../test/harness.js';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(async () => {
  await env?.close();
});

/** A resident ID number with a right check digit, different for each seed. */
function idCard(seed: number): string {
  const body = `5001031990${String(101 + (seed % 800)).padStart(3, '0')}${String(1000 + seed).slice(-4)}`.slice(0, 17);
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
  return body + '10X98765432'[sum % 11]!;
}
let seed = 1;
const person = (over: Record<string, unknown> = {}) => ({
  name: '陈思雨',
  idType: 'resident_id_card',
  idNumber: idCard(seed++),
  phone: `139${String(10000000 + seed).slice(-8)}`,
  skills: ['急救', '摄影'],
  serviceAreas: ['第一网格'],
  origin: 'student',
  affiliation: '重庆理工大学',
  ...over,
});

async function community() {
  const staff = await actorIn(env, 'social_worker');
  const code = (await env.ctx.db.selectFrom('communities').select('code').where('id', '=', staff.community.id).executeTakeFirstOrThrow()).code;
  return { staff, code, http: httpAs(env.app, staff) };
}

/** A volunteer-role account in the community, registered and approved as a volunteer by staff. */
async function phoneVolunteer(c: Awaited<ReturnType<typeof community>>, name = '刘小博') {
  const account = await buildAccount(env.ctx, { role: 'volunteer', communityId: c.staff.community.id });
  const cookie = await loginAs(env.app, account.username);
  const res = await c.http.post('/api/volunteers', person({ name, accountId: account.id }));
  expect(res.statusCode).toBe(201);
  return { account, cookie, http: httpAs(env.app, cookie), id: res.json().id as number };
}

describe('volunteers register', () => {
  it('staff register a non-resident (a student), numbered per community, ID and phone only masked, never stored plain', async () => {
    const c = await community();
    const idNumber = idCard(9001);
    const res = await c.http.post('/api/volunteers', person({ idNumber, phone: '13912345678' }));
    expect(res.statusCode).toBe(201);
    const v = res.json();
    expect(v).toMatchObject({
      volunteerNo: 1,
      number: '00001',
      status: 'approved',
      origin: 'student',
      residentId: null,
      phoneMasked: '139****5678',
      hours: 0,
      star: 0,
    });
    expect(v.idNumberMasked).toBe(`${idNumber.slice(0, 4)}**********${idNumber.slice(-4)}`);
    const row = await env.ctx.db.selectFrom('volunteers').selectAll().where('id', '=', v.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(idNumber);
    expect(JSON.stringify(row)).not.toContain('13912345678');
    const audit = await env.ctx.db
      .selectFrom('audit_log')
      .select('changes')
      .where('entity_type', '=', 'volunteer')
      .where('entity_id', '=', String(v.id))
      .execute();
    expect(JSON.stringify(audit)).not.toContain(idNumber);

    // The same ID number twice in one community: a conflict naming the field.
    const again = await c.http.post('/api/volunteers', person({ idNumber }));
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details.fields[0].field).toBe('idNumber');
    // A bad check digit names the field, nothing written.
    const bad = await c.http.post('/api/volunteers', person({ idNumber: '500103199001011230' }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields[0].field).toBe('idNumber');
    expect((await c.http.get('/api/volunteers')).json().total).toBe(1);

    // The full view needs the permission and is logged.
    const pii = await c.http.get(`/api/volunteers/${v.id}/pii`);
    expect(pii.json()).toEqual({ idNumber, phone: '13912345678' });
    const log = await env.ctx.db.selectFrom('pii_access_log').select(['entity_type', 'entity_id']).where('entity_id', '=', String(v.id)).execute();
    expect(log).toEqual([{ entity_type: 'volunteer', entity_id: String(v.id) }]);
    const grid = await actorIn(env, 'grid_worker', c.staff.community);
    expect((await httpAs(env.app, grid).get(`/api/volunteers/${v.id}/pii`)).statusCode).toBe(403);

    // Another community's volunteer is not found.
    const other = await actorIn(env, 'social_worker');
    expect((await httpAs(env.app, other).get(`/api/volunteers/${v.id}`)).statusCode).toBe(404);
  });

  it('applies on the phone page by community code (public), then staff approve or reject with a reason, on the timeline', async () => {
    const c = await community();
    const applied = await httpAs(env.app).post('/api/public/volunteers', { ...person({ name: '周子涵' }), communityCode: c.code });
    expect(applied.statusCode).toBe(201);
    expect(applied.json()).toMatchObject({ status: 'applied' });
    const list = (await c.http.get('/api/volunteers?status=applied')).json();
    expect(list.items.map((v: { name: string }) => v.name)).toEqual(['周子涵']);
    const id = list.items[0].id;

    const noReason = await c.http.post(`/api/volunteers/${id}/review`, { decision: 'reject' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details.fields[0].field).toBe('reason');
    const rejected = await c.http.post(`/api/volunteers/${id}/review`, { decision: 'reject', reason: '证件信息不清' });
    expect(rejected.json()).toMatchObject({ status: 'rejected', statusReason: '证件信息不清' });
    expect((await c.http.post(`/api/volunteers/${id}/review`, { decision: 'suspend', reason: 'x' })).statusCode).toBe(409);
    const approved = (await c.http.post(`/api/volunteers/${id}/review`, { decision: 'approve' })).json();
    expect(approved.status).toBe('approved');
    expect(approved.events.map((e: { action: string; toStatus: string }) => `${e.action}:${e.toStatus}`)).toEqual([
      'registered:applied',
      'reject:rejected',
      'approve:approved',
    ]);

    const wrongCode = await httpAs(env.app).post('/api/public/volunteers', { ...person(), communityCode: 'no-such-community' });
    expect(wrongCode.statusCode).toBe(400);
    expect(wrongCode.json().error.details.fields[0].field).toBe('communityCode');
  });
});

describe('service hours', () => {
  it('records hours rounded the Chongqing way, confirmed by the recorder; refuses an end before the start and an unapproved volunteer', async () => {
    const c = await community();
    const v = (await c.http.post('/api/volunteers', person())).json();
    const rec = await c.http.post('/api/service-hours', {
      volunteerId: v.id,
      sourceKind: 'activity',
      sourceTitle: '敬老院陪伴',
      startedAt: '2026-11-20T09:00:00+08:00',
      endedAt: '2026-11-20T10:40:00+08:00',
    });
    expect(rec.statusCode).toBe(201);
    expect(rec.json()).toMatchObject({
      rawMinutes: 100,
      hours: 1.5,
      confirmedBy: c.staff.account.id,
      recordedBy: c.staff.account.id,
      roundingRule: 'chongqing',
    });

    const backwards = await c.http.post('/api/service-hours', {
      volunteerId: v.id,
      sourceKind: 'task',
      sourceTitle: '发放物资',
      startedAt: '2026-11-21T10:00:00+08:00',
      endedAt: '2026-11-21T09:00:00+08:00',
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error).toMatchObject({ code: 'VOLUNTEER_HOURS_ENDS_BEFORE_START', details: { fields: [{ field: 'endedAt' }] } });

    const pending = (await c.http.post('/api/volunteers', person({ approve: false }))).json();
    const refused = await c.http.post('/api/service-hours', {
      volunteerId: pending.id,
      sourceKind: 'task',
      sourceTitle: 'x',
      startedAt: '2026-11-21T09:00:00+08:00',
      endedAt: '2026-11-21T10:00:00+08:00',
    });
    expect(refused.json().error.code).toBe('VOLUNTEER_NOT_APPROVED');
    expect(await env.ctx.db.selectFrom('service_hours').select('id').where('volunteer_id', 'in', [v.id, pending.id]).execute()).toHaveLength(1);
    expect((await c.http.get(`/api/volunteers/${v.id}`)).json()).toMatchObject({ hours: 1.5, star: 0, hoursToNextStar: 98.5 });
  });

  it('corrects by a new entry, never an edit: the original row stays as it was', async () => {
    const c = await community();
    const v = (await c.http.post('/api/volunteers', person())).json();
    const original = (
      await c.http.post('/api/service-hours', {
        volunteerId: v.id,
        sourceKind: 'wish',
        sourceTitle: '帮王奶奶买药',
        startedAt: '2026-11-20T09:00:00+08:00',
        endedAt: '2026-11-20T12:00:00+08:00',
      })
    ).json();
    const before = await env.ctx.db.selectFrom('service_hours').selectAll().where('id', '=', original.id).executeTakeFirstOrThrow();
    const fix = await c.http.post(`/api/service-hours/${original.id}/correct`, { countedHours: -1, reason: '含路途时间一小时' });
    expect(fix.statusCode).toBe(201);
    expect(fix.json()).toMatchObject({ hours: -1, correctsEntryId: original.id, note: '含路途时间一小时' });
    expect(await env.ctx.db.selectFrom('service_hours').selectAll().where('id', '=', original.id).executeTakeFirstOrThrow()).toEqual(before);
    expect((await c.http.get(`/api/volunteers/${v.id}`)).json().hours).toBe(2);
    expect((await c.http.post(`/api/service-hours/${original.id}/correct`, { countedHours: -0.5, reason: '再改' })).statusCode).toBe(409);
    const tooMuch = await c.http.post(`/api/service-hours/${fix.json().id}/correct`, { countedHours: -5, reason: 'x' });
    expect(tooMuch.json().error.details.fields[0].field).toBe('countedHours');
    const events = await env.ctx.db.selectFrom('outbox').select('payload').where('name', '=', 'volunteer.hours_recorded').execute();
    // The event of a correction names the entry it corrects and carries the corrected total (the points follow it).
    expect(events.map((e) => e.payload)).toContainEqual(expect.objectContaining({ volunteerId: v.id, hours: 2, correctsEntryId: original.id }));
  });

  it('signs in and out with the organiser’s code on the phone; the organiser confirms; wrong codes and sign-out without sign-in are refused', async () => {
    const c = await community();
    const me = await phoneVolunteer(c);
    const opened = await c.http.post('/api/service-hours/sessions', { sourceKind: 'activity', title: '社区义诊', place: '党群服务中心' });
    expect(opened.statusCode).toBe(201);
    const { code, id: sessionId } = opened.json();
    expect(code).toMatch(/^\d{6}$/);
    const stored = await env.ctx.db.selectFrom('service_sessions').selectAll().where('id', '=', sessionId).executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toContain(code);

    expect((await me.http.post('/api/service-hours/sign', { code: code === '000000' ? '111111' : '000000' })).json().error.code).toBe(
      'VOLUNTEER_SESSION_CODE_INVALID',
    );
    expect((await me.http.post('/api/service-hours/sign', { code, action: 'out' })).json().error.code).toBe('VOLUNTEER_NOT_SIGNED_IN');
    const signedIn = await me.http.post('/api/service-hours/sign', { code });
    expect(signedIn.json()).toMatchObject({ action: 'signed_in', sessionTitle: '社区义诊', hours: null });
    // Two hours later (moved back in the row, as the clock cannot wait), sign out.
    await env.ctx.db
      .updateTable('service_session_signins')
      .set({ signed_in_at: new Date(Date.now() - 125 * 60_000) })
      .where('session_id', '=', sessionId)
      .execute();
    const out = await me.http.post('/api/service-hours/sign', { code });
    expect(out.json()).toMatchObject({ action: 'signed_out', hours: 2 });
    const mine = (await me.http.get('/api/volunteers/me')).json();
    expect(mine.volunteer).toMatchObject({ id: me.id, hours: 2 });
    expect(mine.entries[0]).toMatchObject({ sourceTitle: '社区义诊', recordedBy: c.staff.account.id, confirmedBy: c.staff.account.id, sessionId });
    expect(mine.openSignins).toEqual([]);

    // Closed: the code no longer works. Another community's volunteer cannot use a code either.
    await c.http.post(`/api/service-hours/sessions/${sessionId}/close`, {});
    expect((await me.http.post('/api/service-hours/sign', { code })).json().error.code).toBe('VOLUNTEER_SESSION_CODE_INVALID');
    const c2 = await community();
    const outsider = await phoneVolunteer(c2, '外社区志愿者');
    const s2 = (await c.http.post('/api/service-hours/sessions', { sourceKind: 'task', title: '清扫楼道' })).json();
    expect((await outsider.http.post('/api/service-hours/sign', { code: s2.code })).json().error.code).toBe('VOLUNTEER_SESSION_CODE_INVALID');
  });

  it('two sign-ins at once make one sign-in row', async () => {
    const c = await community();
    const me = await phoneVolunteer(c, '并发志愿者');
    const { code, id } = (await c.http.post('/api/service-hours/sessions', { sourceKind: 'shift', title: '卡口值守' })).json();
    const results = await Promise.all([
      me.http.post('/api/service-hours/sign', { code, action: 'in' }),
      me.http.post('/api/service-hours/sign', { code, action: 'in' }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(await env.ctx.db.selectFrom('service_session_signins').select('id').where('session_id', '=', id).execute()).toHaveLength(1);
  });
});

describe('stars and the certificate', () => {
  it('follows the community’s star thresholds', async () => {
    const c = await community();
    const secretary = await actorIn(env, 'secretary', c.staff.community);
    const put = await httpAs(env.app, secretary).put('/api/volunteers/settings', {
      roundingRule: 'chongqing',
      starThresholds: [1, 2, 3, 4, 5],
      activityCapHours: null,
      certificateResponsible: '张书记',
      certificateHandler: '李社工',
      certificateContact: '023-12345678',
    });
    expect(put.statusCode).toBe(200);
    const v = (await c.http.post('/api/volunteers', person())).json();
    await c.http.post('/api/service-hours', {
      volunteerId: v.id,
      sourceKind: 'task',
      sourceTitle: '巡查',
      startedAt: '2026-11-20T09:00:00+08:00',
      endedAt: '2026-11-20T12:10:00+08:00',
    });
    expect((await c.http.get(`/api/volunteers?q=${encodeURIComponent('陈思雨')}`)).json().items[0]).toMatchObject({ hours: 3, star: 3 });
  });

  it('prints a numbered PDF in Chinese with the full ID for a role that may see it (logged), numbers never reused', async () => {
    const c = await community();
    const v = (await c.http.post('/api/volunteers', person({ name: '王秀兰' }))).json();
    await c.http.post('/api/service-hours', {
      volunteerId: v.id,
      sourceKind: 'activity',
      sourceTitle: '垃圾分类宣传',
      startedAt: '2026-11-02T09:00:00+08:00',
      endedAt: '2026-11-02T11:00:00+08:00',
    });
    const res = await c.http.get(`/api/volunteers/${v.id}/certificate?from=2026-11-01&to=2026-11-30`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = res.rawPayload.toString('latin1');
    expect(pdf.startsWith('%PDF')).toBe(true);
    const cert = await env.ctx.db.selectFrom('volunteer_certificates').selectAll().where('volunteer_id', '=', v.id).executeTakeFirstOrThrow();
    expect(cert).toMatchObject({ certificate_no: 1, counted_minutes: 120, period_from: '2026-11-01', period_to: '2026-11-30' });
    expect(pdf).toContain(cert.number);
    // The CJK font is embedded (a subset), and its ToUnicode map holds the name's characters 王 秀 兰.
    expect(pdf).toMatch(/FontName \/[A-Z]{6}\+NotoSansHans-Regular/);
    for (const ch of '王秀兰志愿服务证明') expect(pdf.toLowerCase()).toContain(`<${ch.codePointAt(0)!.toString(16).padStart(4, '0')}>`);
    expect(await env.ctx.db.selectFrom('pii_access_log').select('fields').where('entity_id', '=', String(v.id)).execute()).toEqual([{ fields: ['idNumber'] }]);

    // The same period and hours again reprints that certificate; another period takes the next number.
    const second = await c.http.get(`/api/volunteers/${v.id}/certificate?from=2026-11-01&to=2026-11-30`);
    expect(second.statusCode).toBe(200);
    expect(second.rawPayload.toString('latin1')).toContain(cert.number);
    expect((await c.http.get(`/api/volunteers/${v.id}/certificate?from=2026-10-01&to=2026-11-30`)).statusCode).toBe(200);
    const numbers = await env.ctx.db
      .selectFrom('volunteer_certificates')
      .select('certificate_no')
      .where('community_id', '=', c.staff.community.id)
      .orderBy('id')
      .execute();
    expect(numbers.map((n) => n.certificate_no)).toEqual([1, 2]);
    const backwards = await c.http.get(`/api/volunteers/${v.id}/certificate?from=2026-11-30&to=2026-11-01`);
    expect(backwards.json().error.details.fields[0].field).toBe('to');
  });
});
