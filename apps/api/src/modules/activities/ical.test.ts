import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorIn, createTestEnv, httpAs, type TestEnv } from '../../../test/harness.js';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(async () => env?.close());

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
