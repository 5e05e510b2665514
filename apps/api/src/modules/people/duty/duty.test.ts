import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorIn, buildAccount, buildCommunity, createTestEnv, httpAs, loginAs, type TestEnv } from '../../../../test/harness.js';
import { buildResident } from '../../../../test/fixtures.js';
import { drainOutbox } from '../../../../test/jobs.js';
import type { Actor } from '../../../platform/access/actor.js';
import { subscribeWebhooks } from '../../webhooks/index.js';
import { checkIn, checkOut, swapPartners } from './on-duty.service.js';
import { flagUncoveredShifts } from './uncovered.js';
import { addDays, beijingInstant, weekOf } from './roster-rules.js';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv({ WEBHOOK_ALLOW_HOSTS: '127.0.0.1' });
  subscribeWebhooks(env.ctx);
});
afterAll(async () => env?.close());

// Monday 2026-12-14 … Sunday 2026-12-20.
const monday = '2026-12-14';

async function buildStation(communityId: number, name = '党群服务站') {
  return env.ctx.db
    .insertInto('stations')
    .values({ community_id: communityId, compound_id: null, name, kind: 'party_post', address: null, opening_hours: null, phone: null, description: null })
    .returning('id')
    .executeTakeFirstOrThrow();
}
/** A duty person: a resident with an account of `role` that is that resident, logged in. */
async function buildDutyPerson(communityId: number, name: string, role: 'volunteer' | 'party_member' | 'grid_worker' = 'volunteer') {
  const resident = await buildResident(env.ctx, communityId, { name, household: false });
  const account = await buildAccount(env.ctx, { role, communityId });
  await env.ctx.db.updateTable('accounts').set({ resident_id: resident.id, display_name: name }).where('id', '=', account.id).execute();
  return { resident, account, cookie: await loginAs(env.app, account.username) };
}
/** A squad (teams.kind 'squad') of residents; only those given `withAccount` can log in. */
async function buildSquad(communityId: number, members: Array<{ residentId: number }>) {
  const team = await env.ctx.db
    .insertInto('teams')
    .values({ community_id: communityId, name: '红袖标值守队', kind: 'squad', description: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const m of members)
    await env.ctx.db.insertInto('team_members').values({ community_id: communityId, team_id: team.id, resident_id: m.residentId, is_leader: false }).execute();
  return team;
}
function actorOf(account: { id: number }, role: Actor['role'], communityId: number): Actor {
  return { accountId: account.id, role, displayName: 'x', communityId, subdistrictId: null, scope: [communityId], requestId: null, locale: 'zh-CN' };
}
const countRows = async (table: 'shifts' | 'shift_assignments' | 'shift_events' | 'shift_swaps', communityId: number) =>
  Number(
    (
      await env.ctx.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('community_id', '=', communityId)
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('duty rosters (值守排班)', () => {
  it('generates shifts from weekly templates once per template and date, with the squad and people on them', async () => {
    const sec = await actorIn(env, 'secretary');
    const cid = sec.community.id;
    const http = httpAs(env.app, sec);
    const station = await buildStation(cid);
    const a = await buildDutyPerson(cid, '李建国');
    const b = await buildResident(env.ctx, cid, { name: '张桂芳', household: false });
    const squad = await buildSquad(cid, [{ residentId: a.resident.id }, { residentId: b.id }]);
    const named = await buildDutyPerson(cid, '王志强', 'party_member');

    // Bad input names the field and writes nothing.
    const backwards = await http.post('/api/shift-templates', { stationId: station.id, weekday: 1, startsAt: '12:00', endsAt: '08:00', headcount: 2 });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.details.fields[0]).toMatchObject({ field: 'endsAt', rule: 'after_start' });
    const other = await actorIn(env, 'secretary');
    const foreign = await buildStation(other.community.id);
    expect((await http.post('/api/shift-templates', { stationId: foreign.id, weekday: 1, startsAt: '08:00', endsAt: '12:00', headcount: 2 })).statusCode).toBe(
      404,
    );

    const t1 = await http.post('/api/shift-templates', {
      stationId: station.id,
      weekday: 1,
      startsAt: '08:00',
      endsAt: '12:00',
      headcount: 2,
      teamId: squad.id,
    });
    expect(t1.statusCode).toBe(201);
    const t2 = await http.post('/api/shift-templates', {
      stationId: station.id,
      weekday: 3,
      startsAt: '14:00',
      endsAt: '18:00',
      headcount: 3,
      accountIds: [named.account.id],
    });
    expect(t2.json()).toMatchObject({ stationName: '党群服务站', weekday: 3, accountNames: ['王志强'] });

    // Two weeks: two Mondays and two Wednesdays; twice at once, and again: still four shifts.
    const body = { from: monday, to: '2026-12-27' };
    const [g1, g2] = await Promise.all([http.post('/api/shifts/generate', body), http.post('/api/shifts/generate', body)]);
    expect([g1.statusCode, g2.statusCode]).toEqual([200, 200]);
    expect(g1.json().created + g2.json().created).toBe(4);
    const again = await http.post('/api/shifts/generate', body);
    expect(again.json()).toEqual({ created: 0, existing: 4, assigned: 0 });
    expect(await countRows('shifts', cid)).toBe(4);
    expect((await http.post('/api/shifts/generate', { from: '2026-12-27', to: monday })).statusCode).toBe(400);

    const week = (await http.get(`/api/shifts?from=${monday}&to=2026-12-20`)).json().items;
    expect(week).toHaveLength(2);
    const mon = week[0];
    expect(mon).toMatchObject({
      day: monday,
      startsAt: '2026-12-14T00:00:00.000Z',
      endsAt: '2026-12-14T04:00:00.000Z',
      headcount: 2,
      assigned: 2,
      isCovered: true,
      teamName: '红袖标值守队',
    });
    // A squad member without an account is on the roster, but cannot check in on the phone.
    expect(mon.people.map((p: { name: string; hasAccount: boolean }) => [p.name, p.hasAccount])).toEqual([
      ['李建国', true],
      ['张桂芳', false],
    ]);
    expect(week[1]).toMatchObject({ day: '2026-12-16', assigned: 1, isCovered: false });
    const uncovered = (await http.get(`/api/shifts?from=${monday}&to=2026-12-20&uncoveredOnly=true`)).json().items;
    expect(uncovered.map((s: { id: number }) => s.id)).toEqual([week[1].id]);

    // Assigning a person; the same person twice is refused.
    const extra = await buildDutyPerson(cid, '赵敏');
    const assigned = await http.post(`/api/shifts/${week[1].id}/assignments`, { accountId: extra.account.id });
    expect(assigned.json()).toMatchObject({ assigned: 2 });
    const twice = await http.post(`/api/shifts/${week[1].id}/assignments`, { accountId: extra.account.id });
    expect(twice.json().error.code).toBe('SHIFT_ALREADY_ASSIGNED');
    const detail = (await http.get(`/api/shifts/${week[1].id}`)).json();
    expect(detail.events.map((e: { action: string }) => e.action)).toEqual(['generated', 'assigned']);
    // Another community's shift answers 404.
    expect((await httpAs(env.app, other).get(`/api/shifts/${week[1].id}`)).statusCode).toBe(404);
  });

  it('checks in only someone on the shift, within the window; check-out needs a check-in and credits the hours', async () => {
    const sec = await actorIn(env, 'secretary');
    const cid = sec.community.id;
    const http = httpAs(env.app, sec);
    const station = await buildStation(cid, '金港城一号岗');
    const on = await buildDutyPerson(cid, '陈卫东');
    const off = await buildDutyPerson(cid, '刘芳');
    const squad = await buildSquad(cid, [{ residentId: on.resident.id }]);
    const shift = (await http.post('/api/shifts', { stationId: station.id, day: monday, startsAt: '08:00', endsAt: '10:00', headcount: 1 })).json();
    await http.post(`/api/shifts/${shift.id}/assignments`, { teamId: squad.id });
    const at = (hhmm: string) => beijingInstant(monday, hhmm);
    const onActor = actorOf(on.account, 'volunteer', cid);
    const events = await countRows('shift_events', cid);

    await expect(checkIn(env.ctx, actorOf(off.account, 'volunteer', cid), shift.id, at('08:00'))).rejects.toMatchObject({ code: 'SHIFT_NOT_ASSIGNED' });
    // Through HTTP too: a clear 403 with the code.
    const notOn = await httpAs(env.app, off.cookie).post(`/api/shifts/${shift.id}/check-in`, {});
    expect([notOn.statusCode, notOn.json().error.code]).toEqual([403, 'SHIFT_NOT_ASSIGNED']);
    await expect(checkIn(env.ctx, onActor, shift.id, at('07:00'))).rejects.toMatchObject({ code: 'SHIFT_CHECKIN_CLOSED' });
    await expect(checkOut(env.ctx, onActor, shift.id, at('08:10'))).rejects.toMatchObject({ code: 'SHIFT_NOT_CHECKED_IN' });
    expect(await countRows('shift_events', cid)).toBe(events);

    const inn = await checkIn(env.ctx, onActor, shift.id, at('07:45'));
    expect(inn.checkedInAt).toBe(at('07:45').toISOString());
    // A second check-in changes nothing.
    expect((await checkIn(env.ctx, onActor, shift.id, at('08:05'))).checkedInAt).toBe(at('07:45').toISOString());
    const out = await checkOut(env.ctx, onActor, shift.id, at('10:05'));
    expect(out).toMatchObject({ checkedOutAt: at('10:05').toISOString(), hours: 2.5 });
    await expect(checkOut(env.ctx, onActor, shift.id, at('10:10'))).rejects.toMatchObject({ code: 'SHIFT_NOT_CHECKED_IN' });

    // The hours went to the person's volunteer record as a 'shift' entry, and the event for points is in the outbox.
    const entry = await env.ctx.db.selectFrom('service_hours').selectAll().where('community_id', '=', cid).executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ source_kind: 'shift', source_id: shift.id });
    const volunteer = await env.ctx.db.selectFrom('volunteers').selectAll().where('id', '=', entry.volunteer_id).executeTakeFirstOrThrow();
    expect(volunteer).toMatchObject({ account_id: on.account.id, resident_id: on.resident.id, status: 'approved' });
    const row = await env.ctx.db.selectFrom('shift_assignments').selectAll().where('shift_id', '=', shift.id).executeTakeFirstOrThrow();
    expect(row.hours_entry_id).toBe(entry.id);

    // The phone list: my shifts of that week.
    const mine = await httpAs(env.app, on.cookie).get(`/api/shifts/mine?from=${monday}&to=2026-12-20`);
    expect(mine.json().items).toEqual([expect.objectContaining({ shiftId: shift.id, stationName: '金港城一号岗', checkedOutAt: at('10:05').toISOString() })]);
    expect((await httpAs(env.app, off.cookie).get(`/api/shifts/mine?from=${monday}&to=2026-12-20`)).json().items).toEqual([]);
  });

  it('swaps: the other accepts, staff approve, the people move; every step is recorded with who and why', async () => {
    const sec = await actorIn(env, 'secretary');
    const cid = sec.community.id;
    const http = httpAs(env.app, sec);
    const station = await buildStation(cid);
    const asker = await buildDutyPerson(cid, '孙丽');
    const other = await buildDutyPerson(cid, '周强');
    const third = await buildDutyPerson(cid, '吴刚');
    const s1 = (await http.post('/api/shifts', { stationId: station.id, day: monday, startsAt: '08:00', endsAt: '12:00', headcount: 1 })).json();
    const s2 = (await http.post('/api/shifts', { stationId: station.id, day: '2026-12-15', startsAt: '08:00', endsAt: '12:00', headcount: 1 })).json();
    await http.post(`/api/shifts/${s1.id}/assignments`, { accountId: asker.account.id });
    await http.post(`/api/shifts/${s2.id}/assignments`, { accountId: other.account.id });
    const askerHttp = httpAs(env.app, asker.cookie);
    const otherHttp = httpAs(env.app, other.cookie);

    // Only someone on the shift may ask; the swap names the other's shift they must be on.
    const notMine = await httpAs(env.app, third.cookie).post('/api/shift-swaps', { shiftId: s1.id, toAccountId: other.account.id, reason: '家里有事' });
    expect(notMine.json().error.code).toBe('SHIFT_NOT_ASSIGNED');
    const wrongShift = await askerHttp.post('/api/shift-swaps', { shiftId: s1.id, toAccountId: third.account.id, toShiftId: s2.id, reason: '家里有事' });
    expect(wrongShift.json().error.details.fields[0]).toMatchObject({ field: 'toShiftId' });
    expect(await countRows('shift_swaps', cid)).toBe(0);

    const asked = await askerHttp.post('/api/shift-swaps', { shiftId: s1.id, toAccountId: other.account.id, toShiftId: s2.id, reason: '周一要去医院复查' });
    expect(asked.statusCode).toBe(201);
    const swap = asked.json();
    expect(swap).toMatchObject({ status: 'asked', requestedByName: '孙丽', toAccountName: '周强', reason: '周一要去医院复查' });
    // One open swap per assignment; staff cannot approve before the other accepts; a third person cannot accept.
    expect((await askerHttp.post('/api/shift-swaps', { shiftId: s1.id, toAccountId: third.account.id, reason: '再问一个' })).json().error.code).toBe(
      'SHIFT_SWAP_NOT_ALLOWED',
    );
    expect((await http.post(`/api/shift-swaps/${swap.id}/approve`, {})).json().error.code).toBe('SHIFT_SWAP_NOT_ALLOWED');
    expect((await httpAs(env.app, third.cookie).post(`/api/shift-swaps/${swap.id}/accept`, {})).json().error.code).toBe('SHIFT_SWAP_NOT_ALLOWED');
    // A volunteer cannot approve.
    expect((await otherHttp.post(`/api/shift-swaps/${swap.id}/approve`, {})).statusCode).toBe(403);

    expect((await otherHttp.post(`/api/shift-swaps/${swap.id}/accept`, {})).json()).toMatchObject({ status: 'accepted' });
    expect((await otherHttp.get('/api/shift-swaps')).json().items).toHaveLength(1);
    expect((await httpAs(env.app, third.cookie).get('/api/shift-swaps')).json().items).toHaveLength(0);
    const approved = (await http.post(`/api/shift-swaps/${swap.id}/approve`, { note: '同意' })).json();
    expect(approved).toMatchObject({ status: 'approved', decisionNote: '同意' });
    expect(approved.decidedByName).not.toBeNull();

    const after1 = (await http.get(`/api/shifts/${s1.id}`)).json();
    const after2 = (await http.get(`/api/shifts/${s2.id}`)).json();
    expect(after1.people.map((p: { name: string; via: string }) => [p.name, p.via])).toEqual([['周强', 'swap']]);
    expect(after2.people.map((p: { name: string }) => p.name)).toEqual(['孙丽']);
    expect(after1.events.map((e: { action: string }) => e.action)).toEqual(['created', 'assigned', 'swap_asked', 'swap_accepted', 'swap_approved']);
    expect(after2.events.map((e: { action: string }) => e.action)).toContain('swap_approved');
    // The asker is no longer on the first shift.
    await expect(checkIn(env.ctx, actorOf(asker.account, 'volunteer', cid), s1.id, beijingInstant(monday, '08:00'))).rejects.toMatchObject({
      code: 'SHIFT_NOT_ASSIGNED',
    });

    // With the community's auto-approval, an accepted cover swap moves the person at once; a declined one moves no one.
    expect((await http.put('/api/shift-settings', { checkinBeforeMinutes: 30, checkinAfterMinutes: 60, autoApproveSwaps: true })).statusCode).toBe(200);
    const cover = (await otherHttp.post('/api/shift-swaps', { shiftId: s1.id, toAccountId: third.account.id, reason: '临时出差' })).json();
    expect((await httpAs(env.app, third.cookie).post(`/api/shift-swaps/${cover.id}/accept`, {})).json()).toMatchObject({ status: 'approved' });
    expect((await http.get(`/api/shifts/${s1.id}`)).json().people.map((p: { name: string }) => p.name)).toEqual(['吴刚']);
    const no = (await askerHttp.post('/api/shift-swaps', { shiftId: s2.id, toAccountId: other.account.id, reason: '想换个日子' })).json();
    expect((await otherHttp.post(`/api/shift-swaps/${no.id}/decline`, { note: '那天我也没空' })).json()).toMatchObject({ status: 'declined' });
    expect((await http.get(`/api/shifts/${s2.id}`)).json().people.map((p: { name: string }) => p.name)).toEqual(['孙丽']);
    expect((await otherHttp.post(`/api/shift-swaps/${no.id}/accept`, {})).json().error.code).toBe('SHIFT_SWAP_NOT_ALLOWED');
  });

  it('names whom a swap can be asked of: the others with a login on duty at the same post, with their coming shifts', async () => {
    const sec = await actorIn(env, 'secretary');
    const cid = sec.community.id;
    const http = httpAs(env.app, sec);
    const post = await buildStation(cid, '一号阵地');
    const elsewhere = await buildStation(cid, '三号阵地');
    const me = await buildDutyPerson(cid, '陈静');
    const mate = await buildDutyPerson(cid, '刘洋');
    const noLogin = await buildResident(env.ctx, cid, { name: '何秀英', household: false });
    const squad = await buildSquad(cid, [{ residentId: mate.resident.id }, { residentId: noLogin.id }]);
    const away = await buildDutyPerson(cid, '赵磊');
    const mine = (await http.post('/api/shifts', { stationId: post.id, day: monday, startsAt: '08:00', endsAt: '12:00', headcount: 3 })).json();
    const theirs = (await http.post('/api/shifts', { stationId: post.id, day: '2026-12-16', startsAt: '14:00', endsAt: '18:00', headcount: 2 })).json();
    const other = (await http.post('/api/shifts', { stationId: elsewhere.id, day: monday, startsAt: '08:00', endsAt: '12:00', headcount: 1 })).json();
    await http.post(`/api/shifts/${mine.id}/assignments`, { accountId: me.account.id });
    await http.post(`/api/shifts/${theirs.id}/assignments`, { teamId: squad.id });
    await http.post(`/api/shifts/${other.id}/assignments`, { accountId: away.account.id });

    const now = beijingInstant('2026-12-11', '09:00');
    const r = await swapPartners(env.ctx, actorOf(me.account, 'volunteer', cid), mine.id, now);
    // The squad member with a login (matched through the resident they are), not the one without, nor someone elsewhere.
    expect(r.items).toEqual([{ accountId: mate.account.id, name: '刘洋', shifts: [{ shiftId: theirs.id, label: expect.stringContaining('一号阵地') }] }]);
    const refused = await httpAs(env.app, away.cookie).get(`/api/shifts/swap-partners?shiftId=${mine.id}`);
    expect(refused.json().error.code).toBe('SHIFT_NOT_ASSIGNED');
    const viaHttp = await httpAs(env.app, me.cookie).get(`/api/shifts/swap-partners?shiftId=${mine.id}`);
    expect(viaHttp.statusCode).toBe(200);
  });

  it("counts this week's covered shifts over all of them on the community dashboard", async () => {
    const sec = await actorIn(env, 'secretary');
    const cid = sec.community.id;
    const http = httpAs(env.app, sec);
    const station = await buildStation(cid, '四号阵地');
    const p = await buildDutyPerson(cid, '林芳');
    const week = weekOf(new Date());
    const day = (from: string, n: number, headcount: number) =>
      http.post('/api/shifts', { stationId: station.id, day: addDays(from, n), startsAt: '09:00', endsAt: '11:00', headcount }).then((r) => r.json());
    const covered = await day(week.from, 0, 1);
    await day(week.from, 6, 2);
    await day(week.to, 1, 1); // next week: not counted
    await http.post(`/api/shifts/${covered.id}/assignments`, { accountId: p.account.id });
    const d = (await http.get('/api/dashboard/community')).json();
    expect(d.duty).toEqual({ weekFrom: week.from, weekTo: week.to, covered: 1, total: 2 });
    // Another community's shifts stay out of it.
    const other = await actorIn(env, 'secretary');
    expect((await httpAs(env.app, other).get('/api/dashboard/community')).json().duty).toMatchObject({ covered: 0, total: 0 });
  });

  it("flags tomorrow's short-handed shifts once, on the timeline and to the group bots", async () => {
    const sec = await actorIn(env, 'secretary');
    const cid = sec.community.id;
    const http = httpAs(env.app, sec);
    const station = await buildStation(cid, '二号岗');
    const p = await buildDutyPerson(cid, '郑华');
    const short = (await http.post('/api/shifts', { stationId: station.id, day: '2026-12-15', startsAt: '18:00', endsAt: '21:00', headcount: 2 })).json();
    const full = (await http.post('/api/shifts', { stationId: station.id, day: '2026-12-15', startsAt: '08:00', endsAt: '10:00', headcount: 1 })).json();
    const later = (await http.post('/api/shifts', { stationId: station.id, day: '2026-12-16', startsAt: '08:00', endsAt: '10:00', headcount: 1 })).json();
    await http.post(`/api/shifts/${short.id}/assignments`, { accountId: p.account.id });
    await http.post(`/api/shifts/${full.id}/assignments`, { accountId: p.account.id });
    expect((await http.post('/api/webhooks', { name: '社区工作群', url: 'http://127.0.0.1:9/hook', format: 'wecom' })).statusCode).toBe(201);

    const now = beijingInstant(monday, '18:00');
    const flagged = await flagUncoveredShifts(env.ctx, now);
    expect(flagged).toBeGreaterThanOrEqual(1);
    expect(await flagUncoveredShifts(env.ctx, now)).toBe(0);
    const s = (await http.get(`/api/shifts/${short.id}`)).json();
    expect(s.uncoveredAt).toBe(now.toISOString());
    expect(s.events.at(-1)).toMatchObject({ action: 'uncovered', actorName: 'system', note: '1/2' });
    expect((await http.get(`/api/shifts/${full.id}`)).json().uncoveredAt).toBeNull();
    expect((await http.get(`/api/shifts/${later.id}`)).json().uncoveredAt).toBeNull();

    await drainOutbox(env.ctx);
    const deliveries = await env.ctx.db.selectFrom('webhook_deliveries').select(['event', 'payload']).where('community_id', '=', cid).execute();
    const notice = deliveries.find((d) => d.event === 'shift.uncovered');
    expect(JSON.stringify(notice?.payload)).toContain('值守缺人提醒');
    expect(JSON.stringify(notice?.payload)).toContain('二号岗');
    // Another community sees none of it.
    const stranger = await buildCommunity(env.ctx);
    expect(await countRows('shifts', stranger.id)).toBe(0);
  });
});
