import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorIn, createTestEnv, httpAs, type TestEnv } from '../../../test/harness.js';
import { trustedCommunityId } from '../../platform/access/trusted-scope.js';
import { ensureVolunteer } from '../volunteers/index.js';

let env: TestEnv;
// A generous first-hook timeout: on a loaded two-core machine the migrated database alone can take over a minute.
beforeAll(async () => {
  env = await createTestEnv();
}, 240_000);
afterAll(async () => env?.close());

const inDays = (days: number, hhmm = '19:00') => {
  const d = new Date(Date.now() + days * 86_400_000);
  const date = new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  return new Date(`${date}T${hhmm}:00+08:00`).toISOString();
};

async function staffWithStation() {
  const sec = await actorIn(env, 'secretary');
  const http = httpAs(env.app, sec);
  const station = await http.post('/api/stations', { name: '红领驿站', kind: 'post_house' });
  expect(station.statusCode).toBe(201);
  const team = await http.post('/api/teams', { name: '夕阳红舞蹈队', kind: 'arts' });
  expect(team.statusCode).toBe(201);
  const code = (await env.ctx.db.selectFrom('communities').select('code').where('id', '=', sec.community.id).executeTakeFirstOrThrow()).code;
  return { sec, http, stationId: station.json().id as number, teamId: team.json().id as number, code };
}

const activity = (over: Record<string, unknown> = {}) => ({
  title: '消防安全讲座',
  kind: 'lecture',
  organiserKind: 'staff',
  place: '红领驿站二楼',
  startsAt: inDays(3, '19:00'),
  endsAt: inDays(3, '20:30'),
  capacity: 2,
  ...over,
});

let ip = 0;
/** The phone without login, from a new address each time (the public routes are rate-limited per address). */
const anonymous = () => ({
  post: (url: string, payload: object) => env.app.inject({ method: 'POST', url, payload, remoteAddress: `10.9.${(++ip >> 8) & 255}.${ip & 255}` }),
  get: (url: string) => env.app.inject({ method: 'GET', url, remoteAddress: `10.9.${(++ip >> 8) & 255}.${ip & 255}` }),
});

const countRows = async (table: 'activities' | 'activity_signups', communityId: number) =>
  Number(
    (
      await env.ctx.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('community_id', '=', communityId)
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('activities calendar', () => {
  it('publishes an activity at a station, lists it by period and station; another community gets 404', async () => {
    const { sec, http, stationId, teamId } = await staffWithStation();
    const res = await http.post('/api/activities', activity({ organiserKind: 'team', organiserId: teamId, stationId, kind: 'arts', title: '广场舞排练' }));
    expect(res.statusCode).toBe(201);
    const a = res.json();
    expect(a).toMatchObject({ status: 'published', organiserName: '夕阳红舞蹈队', stationId, confirmedCount: 0, hasCheckinCode: false });
    const list = await http.get(`/api/activities?stationId=${stationId}&from=${encodeURIComponent(inDays(0, '00:00'))}`);
    expect(list.json().items.map((x: { id: number }) => x.id)).toEqual([a.id]);
    const other = await actorIn(env, 'secretary');
    expect((await httpAs(env.app, other).get(`/api/activities/${a.id}`)).statusCode).toBe(404);
    expect((await httpAs(env.app, other).post(`/api/activities/${a.id}/cancel`, { reason: '试试' })).statusCode).toBe(404);
    // Another community's team or station cannot organise here.
    const bad = await httpAs(env.app, other).post('/api/activities', activity({ organiserKind: 'team', organiserId: teamId }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields[0]).toMatchObject({ field: 'organiserId', rule: 'not_found' });
    expect(sec.community.id).not.toBe(other.community.id);
  });

  it("holds the venue for the activity; a clash is the venue's error and nothing stays; cancelling frees the room", async () => {
    const { sec, http } = await staffWithStation();
    const venue = await http.post('/api/venues', { name: '社区公社活动室', kind: 'room', capacity: 40, needsApproval: false });
    expect(venue.statusCode, venue.body).toBe(201);
    const venueId = venue.json().id as number;
    const first = await http.post('/api/activities', activity({ venueId, place: null }));
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ venueId, place: '社区公社活动室' });
    expect(first.json().bookingId).not.toBeNull();
    const clash = await http.post('/api/activities', activity({ venueId, title: '书法班' }));
    expect(clash.json().error.code).toBe('BOOKING_CONFLICT');
    expect(await countRows('activities', sec.community.id)).toBe(1);
    await http.post(`/api/activities/${first.json().id}/cancel`, { reason: '改期' });
    expect((await http.post('/api/activities', activity({ venueId, title: '书法班' }))).statusCode).toBe(201);
  });

  it('an end before the start is ACTIVITY_ENDS_BEFORE_START naming endsAt, and nothing is written', async () => {
    const { sec, http } = await staffWithStation();
    const res = await http.post('/api/activities', activity({ startsAt: inDays(3, '19:00'), endsAt: inDays(3, '18:00') }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'ACTIVITY_ENDS_BEFORE_START', details: { fields: [{ field: 'endsAt' }] } });
    const window = await http.post('/api/activities', activity({ signupOpensAt: inDays(2), signupClosesAt: inDays(1) }));
    expect(window.json().error.code).toBe('ACTIVITY_ENDS_BEFORE_START');
    expect(await countRows('activities', sec.community.id)).toBe(0);
  });

  it('a weekly series stores each occurrence with its RRULE on the first; cancelling the rest of the series', async () => {
    const { sec, http } = await staffWithStation();
    const start = new Date(inDays(1, '19:00'));
    const weekday = ((new Date(start.getTime() + 8 * 3_600_000).getUTCDay() + 6) % 7) + 1;
    const until = new Date(start.getTime() + 8 * 3_600_000 + 20 * 86_400_000).toISOString().slice(0, 10);
    const res = await http.post(
      '/api/activities',
      activity({
        title: '瑜伽课',
        kind: 'fitness',
        startsAt: start.toISOString(),
        endsAt: new Date(start.getTime() + 3_600_000).toISOString(),
        recurrence: { weekdays: [weekday], until },
      }),
    );
    expect(res.statusCode).toBe(201);
    const first = res.json();
    expect(first.rrule).toMatch(/^FREQ=WEEKLY;BYDAY=[A-Z]{2};UNTIL=\d{8}T\d{6}Z$/);
    const all = (await http.get('/api/activities?pageSize=50')).json().items as Array<{ id: number; seriesId: number; startsAt: string }>;
    expect(all).toHaveLength(3);
    expect(new Set(all.map((x) => x.seriesId))).toEqual(new Set([first.id]));
    const cancelled = await http.post(`/api/activities/${all[1]!.id}/cancel`, { reason: '场地维修', wholeSeries: true });
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', cancelReason: '场地维修' });
    const after = (await http.get('/api/activities?pageSize=50')).json().items as Array<{ status: string }>;
    expect(after.map((x) => x.status)).toEqual(['published', 'cancelled', 'cancelled']);
    const off = await http.post('/api/activities', activity({ recurrence: { weekdays: [(weekday % 7) + 1], until } }));
    expect(off.json().error.details.fields[0]).toMatchObject({ field: 'recurrence.weekdays' });
    expect(sec.community.id).toBeGreaterThan(0);
  });
});

describe('sign-up and waiting list', () => {
  it('over capacity goes to the waiting list in order; a cancellation promotes the first waiter; one sign-up per phone', async () => {
    const { http, code } = await staffWithStation();
    const a = (await http.post('/api/activities', activity({ capacity: 2 }))).json();
    const anon = anonymous();
    const sign = (name: string, phone: string) => anon.post(`/api/public/activities/${a.id}/signups`, { c: code, name, phone });
    const r1 = await sign('张桂芳', '13900000001');
    const r2 = await sign('李建国', '13900000002');
    const r3 = await sign('王秀英', '13900000003');
    const r4 = await sign('赵德明', '13900000004');
    expect([r1, r2, r3, r4].map((r) => r.statusCode)).toEqual([201, 201, 201, 201]);
    expect([r1, r2, r3, r4].map((r) => r.json().signup.status)).toEqual(['confirmed', 'confirmed', 'waitlisted', 'waitlisted']);
    expect(r4.json().signup.position).toBe(2);
    expect(r1.json().signup.phoneMasked).toBe('139****0001');
    expect(r1.json().link).toMatch(/^\/h5\/activities\/mine#k=[A-Za-z0-9_-]{32}$/);
    const dup = await sign('张桂芳', '13900000001');
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({ code: 'ACTIVITY_ALREADY_SIGNED_UP', details: { fields: [{ field: 'phone' }] } });
    // The phone is sealed at rest, and the key is stored only as a hash.
    const stored = await env.ctx.db.selectFrom('activity_signups').selectAll().where('activity_id', '=', a.id).orderBy('id').execute();
    expect(stored[0]!.phone_enc).not.toContain('13900000001');
    const key1 = (r1.json().link as string).split('#k=')[1]!;
    expect(JSON.stringify(stored)).not.toContain(key1);
    // The first confirmed cancels through her link: the first waiter is promoted.
    expect((await anon.post('/api/public/activity-signups/cancel', { key: key1 })).statusCode).toBe(200);
    const key3 = (r3.json().link as string).split('#k=')[1]!;
    const mine = (await anon.post('/api/public/activity-signups/mine', { key: key3 })).json();
    expect(mine.signup).toMatchObject({ status: 'confirmed', position: null });
    expect(mine.signup.promotedAt).not.toBeNull();
    const key4 = (r4.json().link as string).split('#k=')[1]!;
    expect((await anon.post('/api/public/activity-signups/mine', { key: key4 })).json().signup).toMatchObject({ status: 'waitlisted', position: 1 });
    // A cancelled or wrong link answers alike.
    const gone = await anon.post('/api/public/activity-signups/mine', { key: key1 });
    const wrong = await anon.post('/api/public/activity-signups/mine', { key: 'x'.repeat(32) });
    expect([gone.statusCode, wrong.statusCode]).toEqual([404, 404]);
    expect(gone.json().error.code).toBe('ACTIVITY_SIGNUP_LINK_INVALID');
    // The organiser sees the list in order with masked phones; a new sign-up with the cancelled phone is allowed again.
    const list = (await http.get(`/api/activities/${a.id}/signups`)).json().items as Array<{ status: string; phoneMasked: string }>;
    expect(list.map((s) => s.status)).toEqual(['cancelled', 'confirmed', 'confirmed', 'waitlisted']);
    expect(JSON.stringify(list)).not.toContain('13900000002');
    expect((await sign('张桂芳', '13900000001')).json().signup).toMatchObject({ status: 'waitlisted', position: 2 });
  });

  it('outside the sign-up window, or after cancellation, sign-up is refused and nothing is written', async () => {
    const { sec, http, code } = await staffWithStation();
    const later = (await http.post('/api/activities', activity({ signupOpensAt: inDays(2) }))).json();
    const anon = anonymous();
    const early = await anon.post(`/api/public/activities/${later.id}/signups`, { c: code, name: '钱多多', phone: '13700000001' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('ACTIVITY_SIGNUP_CLOSED');
    const bad = await anon.post(`/api/public/activities/${later.id}/signups`, { c: code, name: '钱多多', phone: '1234' });
    expect(bad.json().error.details.fields[0]).toMatchObject({ field: 'phone', rule: 'invalid_phone' });
    expect(await countRows('activity_signups', sec.community.id)).toBe(0);
    // Another community's code does not reach it.
    const other = await actorIn(env, 'secretary');
    const otherCode = (await env.ctx.db.selectFrom('communities').select('code').where('id', '=', other.community.id).executeTakeFirstOrThrow()).code;
    expect((await anon.post(`/api/public/activities/${later.id}/signups`, { c: otherCode, name: '钱多多', phone: '13700000001' })).statusCode).toBe(404);
  });

  it('N sign-ups for the last seat at once: exactly one seat, the rest waitlisted in order', async () => {
    const { http, code } = await staffWithStation();
    const a = (await http.post('/api/activities', activity({ capacity: 3 }))).json();
    const anon = anonymous();
    await anon.post(`/api/public/activities/${a.id}/signups`, { c: code, name: '甲', phone: '13600000000' });
    await anon.post(`/api/public/activities/${a.id}/signups`, { c: code, name: '乙', phone: '13600000001' });
    const burst = await Promise.all(
      Array.from({ length: 8 }, (_, i) => anon.post(`/api/public/activities/${a.id}/signups`, { c: code, name: `丙${i}`, phone: `1360000001${i}` })),
    );
    expect(burst.map((r) => r.statusCode)).toEqual(Array(8).fill(201));
    const statuses = burst.map((r) => r.json().signup.status);
    expect(statuses.filter((s) => s === 'confirmed')).toHaveLength(1);
    const positions = burst.filter((r) => r.json().signup.status === 'waitlisted').map((r) => r.json().signup.position as number);
    expect(positions.sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const got = (await http.get(`/api/activities/${a.id}`)).json();
    expect(got).toMatchObject({ confirmedCount: 3, waitlistCount: 7 });
    // Cancellations at once promote exactly as many waiters, never beyond capacity.
    const list = (await http.get(`/api/activities/${a.id}/signups`)).json().items as Array<{ id: number; status: string }>;
    const confirmed = list.filter((s) => s.status === 'confirmed').slice(0, 2);
    await Promise.all(confirmed.map((s) => http.post(`/api/activities/${a.id}/signups/${s.id}/cancel`, {})));
    expect((await http.get(`/api/activities/${a.id}`)).json()).toMatchObject({ confirmedCount: 3, waitlistCount: 5 });
  });
});

describe('check-in, close and report', () => {
  it('checks in with the door code through the sign-up link; the organiser ticks names and counts walk-ins', async () => {
    const { http, code } = await staffWithStation();
    const a = (await http.post('/api/activities', activity({ capacity: 1 }))).json();
    const anon = anonymous();
    const s1 = (await anon.post(`/api/public/activities/${a.id}/signups`, { c: code, name: '孙丽', phone: '13500000001' })).json();
    const s2 = (await anon.post(`/api/public/activities/${a.id}/signups`, { c: code, name: '周强', phone: '13500000002' })).json();
    const key1 = s1.link.split('#k=')[1];
    const key2 = s2.link.split('#k=')[1];
    // Before check-in opens, any code is wrong.
    expect((await anon.post('/api/public/activity-signups/check-in', { key: key1, code: '000000' })).json().error.code).toBe('ACTIVITY_CHECKIN_CODE_WRONG');
    const issued = await http.post(`/api/activities/${a.id}/checkin-code`, {});
    expect(issued.statusCode).toBe(201);
    const door = issued.json().code as string;
    expect(door).toMatch(/^\d{6}$/);
    const stored = await env.ctx.db.selectFrom('activities').select('checkin_code_hash').where('id', '=', a.id).executeTakeFirstOrThrow();
    expect(stored.checkin_code_hash).not.toContain(door);
    const wrongCode = door === '123456' ? '654321' : '123456';
    const wrong = await anon.post('/api/public/activity-signups/check-in', { key: key1, code: wrongCode });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error).toMatchObject({ code: 'ACTIVITY_CHECKIN_CODE_WRONG', details: { fields: [{ field: 'code' }] } });
    const ok = await anon.post('/api/public/activity-signups/check-in', { key: key1, code: door });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().signup.checkinVia).toBe('code');
    // A waiter cannot check in.
    expect((await anon.post('/api/public/activity-signups/check-in', { key: key2, code: door })).statusCode).toBe(400);
    // The organiser ticks the waiter? Not a confirmed sign-up: refused by name of the field.
    const tickWaiter = await http.post(`/api/activities/${a.id}/attendance`, { signupIds: [s2.signup.id] });
    expect(tickWaiter.json().error.details.fields[0]).toMatchObject({ field: 'signupIds.0', rule: 'not_found' });
    const counted = await http.post(`/api/activities/${a.id}/attendance`, { signupIds: [s1.signup.id], walkInCount: 6 });
    expect(counted.json()).toMatchObject({ attendedCount: 1, walkInCount: 6, hasCheckinCode: true });
  });

  it('closes a started activity (held), then the report (reported); order of states is enforced', async () => {
    const { http } = await staffWithStation();
    const future = (await http.post('/api/activities', activity())).json();
    expect((await http.post(`/api/activities/${future.id}/close`, {})).json().error.code).toBe('INVALID_STATE');
    expect((await http.post(`/api/activities/${future.id}/report`, { report: '很好' })).json().error.code).toBe('INVALID_STATE');
    const started = (
      await http.post(
        '/api/activities',
        activity({ startsAt: new Date(Date.now() - 3_600_000).toISOString(), endsAt: new Date(Date.now() - 600_000).toISOString() }),
      )
    ).json();
    const held = await http.post(`/api/activities/${started.id}/close`, {});
    expect(held.json()).toMatchObject({ status: 'held', hasCheckinCode: false });
    const reported = await http.post(`/api/activities/${started.id}/report`, { report: '演练 40 分钟，32 位居民参加，学会了灭火器的使用。' });
    expect(reported.json()).toMatchObject({ status: 'reported', report: expect.stringContaining('灭火器') });
    expect((await http.post(`/api/activities/${started.id}/cancel`, { reason: '晚了' })).json().error.code).toBe('INVALID_STATE');
    const trail = await env.ctx.db.selectFrom('activity_events').select('kind').where('activity_id', '=', started.id).orderBy('id').execute();
    expect(trail.map((e) => e.kind)).toEqual(['published', 'held', 'reported']);
  });

  it('volunteers serving are credited their hours on close, by the organiser, once', async () => {
    const { sec, http } = await staffWithStation();
    const cid = trustedCommunityId(sec.community.id);
    const [v1, v2] = await env.ctx.db
      .transaction()
      .execute(async (trx) => [
        await ensureVolunteer(trx, cid, { name: '刘志愿', by: sec.account.id }),
        await ensureVolunteer(trx, cid, { name: '陈志愿', by: sec.account.id }),
      ]);
    const start = new Date(Date.now() - 2 * 3_600_000);
    const a = (
      await http.post(
        '/api/activities',
        activity({ kind: 'volunteering', startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 90 * 60_000).toISOString() }),
      )
    ).json();
    expect((await http.post(`/api/activities/${a.id}/volunteers`, { volunteerId: v1 })).statusCode).toBe(201);
    const own = { volunteerId: v2, startedAt: start.toISOString(), endedAt: new Date(start.getTime() + 40 * 60_000).toISOString() };
    expect((await http.post(`/api/activities/${a.id}/volunteers`, own)).statusCode).toBe(201);
    expect((await http.post(`/api/activities/${a.id}/volunteers`, own)).json().error.details.fields[0]).toMatchObject({
      field: 'volunteerId',
      rule: 'repeated',
    });
    const backwards = await http.post(`/api/activities/${a.id}/volunteers`, { volunteerId: v1, startedAt: own.endedAt, endedAt: own.startedAt });
    expect(backwards.json().error.code).toBe('ACTIVITY_ENDS_BEFORE_START');
    const other = await actorIn(env, 'secretary');
    expect((await httpAs(env.app, other).post(`/api/activities/${a.id}/volunteers`, { volunteerId: v1 })).statusCode).toBe(404);
    expect((await http.post(`/api/activities/${a.id}/close`, {})).statusCode).toBe(200);
    const serving = (await http.get(`/api/activities/${a.id}/volunteers`)).json().items as Array<{ name: string; hoursEntryId: number | null }>;
    expect(serving.map((s) => s.name)).toEqual(['刘志愿', '陈志愿']);
    expect(serving.every((s) => s.hoursEntryId !== null)).toBe(true);
    const audit = await env.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id'])
      .where('action', '=', 'service_hours.recorded')
      .where('community_id', '=', sec.community.id)
      .execute();
    expect(audit).toHaveLength(2);
    expect(audit.every((r) => r.actor_id === sec.account.id)).toBe(true);
  });

  it('a resident role cannot publish or tick (403)', async () => {
    const vol = await actorIn(env, 'volunteer');
    expect((await httpAs(env.app, vol).post('/api/activities', activity())).statusCode).toBe(403);
  });
});

/** A Beijing wall time `days` from today. */
const beijing = (days: number, hhmm: string) => {
  const date = new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
  return new Date(`${date}T${hhmm}:00+08:00`);
};
const weekdayOf = (d: Date) => ((new Date(d.getTime() + 8 * 3_600_000).getUTCDay() + 6) % 7) + 1;

describe('iCalendar feeds', () => {
  it('the community feed: CRLF, folded at 75 octets, VTIMEZONE Asia/Shanghai, stable UIDs, RRULE and EXDATE; private ones left out', async () => {
    const sec = await actorIn(env, 'secretary');
    const http = httpAs(env.app, sec);
    const code = (await env.ctx.db.selectFrom('communities').select('code').where('id', '=', sec.community.id).executeTakeFirstOrThrow()).code;
    const team = (await http.post('/api/teams', { name: '红领驿站文艺队', kind: 'arts' })).json();
    const long = '邻里互助，共建和美家园。'.repeat(12);
    const single = (
      await http.post('/api/activities', {
        title: '电梯困人应急演练',
        kind: 'drill',
        organiserKind: 'staff',
        place: '小西坪3号楼',
        description: long,
        startsAt: beijing(2, '09:30').toISOString(),
        endsAt: beijing(2, '10:30').toISOString(),
      })
    ).json();
    const start = beijing(1, '19:00');
    const until = new Date(start.getTime() + 8 * 3_600_000 + 15 * 86_400_000).toISOString().slice(0, 10);
    const series = (
      await http.post('/api/activities', {
        title: '瑜伽课',
        kind: 'fitness',
        organiserKind: 'team',
        organiserId: team.id,
        startsAt: start.toISOString(),
        endsAt: new Date(start.getTime() + 3_600_000).toISOString(),
        recurrence: { weekdays: [weekdayOf(start)], until },
      })
    ).json();
    await http.post('/api/activities', {
      title: '内部培训',
      kind: 'other',
      organiserKind: 'staff',
      isPublic: false,
      startsAt: beijing(3, '09:00').toISOString(),
      endsAt: beijing(3, '10:00').toISOString(),
    });
    const occurrences = (await http.get('/api/activities?pageSize=50&kind=fitness')).json().items as Array<{ id: number }>;
    expect(occurrences).toHaveLength(3);
    await http.post(`/api/activities/${occurrences[1]!.id}/cancel`, { reason: '停电' });

    const res = await httpAs(env.app).get(`/api/activities/calendar.ics?c=${code}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/calendar');
    const body = res.body;
    // Strict clients: every line ends in CRLF and no line is longer than 75 octets (RFC 5545 3.1).
    expect(body.endsWith('\r\n')).toBe(true);
    const lines = body.split('\r\n').slice(0, -1);
    expect(body.replace(/\r\n/g, '')).not.toContain('\n');
    for (const line of lines) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(lines.some((l) => l.startsWith(' '))).toBe(true);

    const cal = new ICAL.Component(ICAL.parse(body));
    const tz = cal.getFirstSubcomponent('vtimezone');
    expect(tz?.getFirstPropertyValue('tzid')).toBe('Asia/Shanghai');
    const events = cal.getAllSubcomponents('vevent');
    expect(events).toHaveLength(2);
    const byUid = new Map(events.map((e) => [String(e.getFirstPropertyValue('uid')), e]));
    const one = byUid.get(`activity-${single.id}@${code}.linli`)!;
    expect(one).toBeDefined();
    expect(String(one.getFirstPropertyValue('description'))).toContain(long);
    expect(one.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('Asia/Shanghai');
    expect(one.getFirstPropertyValue('dtstamp')).toBeTruthy();
    const ev = new ICAL.Event(one);
    expect(ev.startDate.toJSDate().toISOString()).toBe(single.startsAt);
    const rec = byUid.get(`activity-series-${series.id}@${code}.linli`)!;
    const rrule = rec.getFirstPropertyValue('rrule') as ICAL.Recur;
    expect(rrule.freq).toBe('WEEKLY');
    expect(rec.getAllProperties('exdate')).toHaveLength(1);
    // Expanding the series gives the two occurrences left, at 19:00 Beijing.
    const it = new ICAL.Event(rec).iterator();
    const starts: string[] = [];
    for (let next = it.next(); next && starts.length < 10; next = it.next()) {
      if (!(rec.getAllProperties('exdate').map((p) => (p.getFirstValue() as ICAL.Time).toJSDate().getTime()) as number[]).includes(next.toJSDate().getTime()))
        starts.push(next.toJSDate().toISOString());
    }
    expect(starts).toHaveLength(2);
    expect(starts[0]).toBe(series.startsAt);

    // The same feed twice gives the same UIDs; the team feed has only the team's series.
    const again = await httpAs(env.app).get(`/api/activities/calendar.ics?c=${code}`);
    expect([...again.body.matchAll(/^UID:(.*)$/gm)].map((m) => m[1])).toEqual([...body.matchAll(/^UID:(.*)$/gm)].map((m) => m[1]));
    const teamFeed = await httpAs(env.app).get(`/api/activities/teams/${team.id}/calendar.ics?c=${code}`);
    const teamCal = new ICAL.Component(ICAL.parse(teamFeed.body));
    expect(teamCal.getAllSubcomponents('vevent').map((e) => e.getFirstPropertyValue('summary'))).toEqual(['瑜伽课']);
    // An unknown code or another community's team: 404.
    expect((await httpAs(env.app).get('/api/activities/calendar.ics?c=nope')).statusCode).toBe(404);
    const other = await actorIn(env, 'secretary');
    const otherCode = (await env.ctx.db.selectFrom('communities').select('code').where('id', '=', other.community.id).executeTakeFirstOrThrow()).code;
    expect((await httpAs(env.app).get(`/api/activities/teams/${team.id}/calendar.ics?c=${otherCode}`)).statusCode).toBe(404);
  });
});
