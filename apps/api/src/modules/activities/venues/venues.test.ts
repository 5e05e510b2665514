import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBackgroundJobs } from '../../../../test/jobs.js';
import { actorIn, buildAccount, createTestEnv, engineUnderTest, httpAs, loginAs, type TestEnv } from '../../../../test/harness.js';

// Venues and bookings through the API (ADR 0047): hours, who may book, approvals, the phone request, usage stats.
let env: TestEnv;
let staff: Awaited<ReturnType<typeof actorIn>>;
let other: Awaited<ReturnType<typeof actorIn>>;
let volunteerCookie: string;
let communityCode: string;
let venueId: number;
let teamId: number;
const weekdays = [1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, opens: '08:30', closes: '21:00' }));

beforeAll(async () => {
  env = await createTestEnv();
  staff = await actorIn(env, 'social_worker');
  other = await actorIn(env, 'social_worker');
  const volunteer = await buildAccount(env.ctx, { role: 'volunteer', communityId: staff.community.id });
  volunteerCookie = await loginAs(env.app, volunteer.username);
  communityCode = (await env.ctx.db.selectFrom('communities').select('code').where('id', '=', staff.community.id).executeTakeFirstOrThrow()).code;
  teamId = (
    await env.ctx.db
      .insertInto('teams')
      .values({ community_id: staff.community.id, name: '凌霄舞蹈队', kind: 'arts' })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}, 120_000);
afterAll(() => env?.close());

describe(`venues and bookings (${engineUnderTest})`, () => {
  it('registers a venue with its opening hours; a period closing before it opens names the field', async () => {
    const api = httpAs(env.app, staff);
    const bad = await api.post('/api/venues', { name: '排练厅', kind: 'room', capacity: 30, openingHours: [{ weekday: 1, opens: '18:00', closes: '09:00' }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields[0].field).toBe('openingHours.0.closes');
    expect(await env.ctx.db.selectFrom('venues').select('id').where('name', '=', '排练厅').execute()).toHaveLength(0);
    const res = await api.post('/api/venues', { name: '社区公社排练厅', kind: 'room', capacity: 30, openingHours: weekdays, bookableBy: ['team', 'resident'] });
    expect(res.statusCode).toBe(201);
    venueId = res.json().id;
    expect(res.json()).toMatchObject({ status: 'open', needsApproval: true, bookableBy: ['team', 'resident'] });
    expect((await httpAs(env.app, other).get(`/api/venues/${venueId}`)).statusCode).toBe(404);
  });

  it('a team leader requests, staff approve; the timeline and audit follow each step', async () => {
    const req = await httpAs(env.app, volunteerCookie).post('/api/bookings', {
      venueId,
      startsAt: '2026-12-07T19:00:00+08:00',
      endsAt: '2026-12-07T20:30:00+08:00',
      purpose: '广场舞排练',
      bookerKind: 'team',
      teamId,
    });
    expect(req.statusCode).toBe(201);
    expect(req.json()).toMatchObject({ status: 'requested', bookerName: '凌霄舞蹈队', venueName: '社区公社排练厅' });
    const id = req.json().id as number;
    // The volunteer may not approve their own request.
    expect((await httpAs(env.app, volunteerCookie).post(`/api/bookings/${id}/approve`, {})).statusCode).toBe(403);
    const ok = await httpAs(env.app, staff).post(`/api/bookings/${id}/approve`, { note: '请用后关灯' });
    expect(ok.json()).toMatchObject({ status: 'approved', decisionNote: '请用后关灯' });
    const again = await httpAs(env.app, staff).post(`/api/bookings/${id}/decline`, {});
    expect(again.statusCode).toBe(409);
    const detail = await httpAs(env.app, staff).get(`/api/bookings/${id}`);
    expect(detail.json().timeline.map((e: { action: string }) => e.action)).toEqual(['requested', 'approved']);
    expect((await httpAs(env.app, other).get(`/api/bookings/${id}`)).statusCode).toBe(404);
  });

  it('refuses an overlap, a time outside the hours, and an end before the start, naming the field', async () => {
    const api = httpAs(env.app, staff);
    const base = { venueId, purpose: '合唱', bookerKind: 'team', teamId };
    const overlap = await api.post('/api/bookings', { ...base, startsAt: '2026-12-07T20:00:00+08:00', endsAt: '2026-12-07T21:00:00+08:00' });
    expect(overlap.statusCode).toBe(409);
    expect(overlap.json().error).toMatchObject({ code: 'BOOKING_CONFLICT' });
    expect(overlap.json().error.details.fields[0].field).toBe('startsAt');
    const sunday = await api.post('/api/bookings', { ...base, startsAt: '2026-12-13T10:00:00+08:00', endsAt: '2026-12-13T11:00:00+08:00' });
    expect(sunday.statusCode).toBe(400);
    expect(sunday.json().error.code).toBe('BOOKING_OUTSIDE_HOURS');
    expect(sunday.json().error.message).toContain('开放时间');
    const backwards = await api.post('/api/bookings', { ...base, startsAt: '2026-12-08T11:00:00+08:00', endsAt: '2026-12-08T10:00:00+08:00' });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.details.fields[0]).toMatchObject({ field: 'endsAt', rule: 'not_after_start' });
  });

  it('a resident requests from the phone with the community code; the board shows the time taken, no names', async () => {
    const pub = httpAs(env.app);
    const res = await pub.post('/api/public/bookings', {
      communityCode,
      venueId,
      startsAt: '2026-12-08T14:00:00+08:00',
      endsAt: '2026-12-08T16:00:00+08:00',
      purpose: '家庭读书会',
      contactName: '王阿姨',
      contactPhone: '13812345678',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().status).toBe('requested');
    const row = await env.ctx.db.selectFrom('venue_bookings').selectAll().where('id', '=', res.json().id).executeTakeFirstOrThrow();
    expect(row.contact_phone_masked).toBe('138****5678');
    expect(row.contact_phone_enc).not.toContain('13812345678');
    const board = await pub.get(`/api/public/communities/${communityCode}/venues`);
    expect(board.statusCode).toBe(200);
    expect(JSON.stringify(board.json())).not.toContain('王阿姨');
    const declined = await httpAs(env.app, staff).post(`/api/bookings/${res.json().id}/decline`, { note: '当天有社区活动' });
    expect(declined.json().status).toBe('declined');
  });

  it('counts hours booked and used per venue and booker in a month', async () => {
    // A past booking that was used, and one marked as a no-show.
    const api = httpAs(env.app, staff);
    const used = await api.post('/api/bookings', {
      venueId,
      purpose: '书法',
      bookerKind: 'team',
      teamId,
      startsAt: '2026-01-05T09:00:00+08:00',
      endsAt: '2026-01-05T11:00:00+08:00',
    });
    const missed = await api.post('/api/bookings', {
      venueId,
      purpose: '书法',
      bookerKind: 'team',
      teamId,
      startsAt: '2026-01-06T09:00:00+08:00',
      endsAt: '2026-01-06T10:00:00+08:00',
    });
    expect(used.json().status).toBe('approved');
    expect((await api.post(`/api/bookings/${missed.json().id}/no-show`, {})).json().noShow).toBe(true);
    const stats = await api.get('/api/venues/stats?month=2026-01');
    expect(stats.statusCode).toBe(200);
    const v = stats.json().venues.find((x: { venueId: number }) => x.venueId === venueId);
    expect(v).toMatchObject({ bookings: 2, bookedHours: 3, usedHours: 2 });
    expect(v.byBooker).toEqual([{ bookerKind: 'team', bookerId: teamId, bookerName: '凌霄舞蹈队', bookings: 2, hours: 3, usedHours: 2 }]);
  });

  it('prints 场地使用台账 for the period with words, not codes, and counts this month on the dashboard', async () => {
    const api = httpAs(env.app, staff);
    const started = await api.post('/api/ledger/exports', { register: 'venue_usage', from: '2026-01-01', to: '2026-01-31' });
    expect(started.statusCode).toBe(202);
    await runBackgroundJobs(env.ctx);
    const file = await api.get(`/api/ledger/exports/${started.json().id}/file`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.name).toBe('场地使用台账');
    const header = (sheet.getRow(3).values as unknown[]).slice(1) as string[];
    const row = Object.fromEntries(header.map((h, i) => [h, sheet.getRow(4).getCell(i + 1).value]));
    expect(row).toMatchObject({
      月份: '2026-01',
      场地: '社区公社排练厅',
      使用方类别: '队伍',
      使用方: '凌霄舞蹈队',
      预约次数: 2,
      '预约时长（小时）': 3,
      '实际使用（小时）': 2,
    });
    const dash = await api.get('/api/dashboard/community');
    expect(dash.statusCode).toBe(200);
    expect(dash.json().venues.bookingsThisMonth).toEqual(expect.any(Number));
  });
});
