import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beijingDate } from '@linli/contracts/time';
import { actorIn, buildAccount, createTestEnv, httpAs, type TestEnv } from '../../../../test/harness.js';
import { buildResident } from '../../../../test/fixtures.js';
import { Scheduler } from '../../../platform/jobs/scheduler.js';
import { drainOutbox } from '../../../../test/jobs.js';
import { subscribeWebhooks } from '../../webhooks/index.js';
import { checkinJobs } from './index.js';
import { checkInFor, createAway } from './checkins.service.js';
import { checkinsToday } from './today.js';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv({ WEBHOOK_ALLOW_HOSTS: '127.0.0.1' });
  subscribeWebhooks(env.ctx);
});
afterAll(async () => env?.close());

/** A care recipient with a paired volunteer and grid worker and one family contact (SQL here: care has no factory yet). */
async function buildRecipient(communityId: number) {
  const { ctx } = env;
  const resident = await buildResident(ctx, communityId, { name: '王秀兰' });
  const sealed = ctx.pii.seal('13900001111', (p) => `${p.slice(0, 3)}****${p.slice(-4)}`);
  const r = await ctx.db
    .insertInto('care_recipients')
    .values({
      community_id: communityId,
      resident_id: resident.id,
      tier: 'high',
      family_contacts: JSON.stringify([{ name: '王小明', relation: '儿子', phoneEnc: sealed.enc, phoneMasked: sealed.masked }]),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const volunteer = await buildAccount(ctx, { role: 'volunteer', communityId });
  const grid = await buildAccount(ctx, { role: 'grid_worker', communityId });
  await ctx.db
    .insertInto('care_pairings')
    .values([
      { community_id: communityId, recipient_id: r.id, helper_kind: 'volunteer', account_id: volunteer.id, frequency: 'weekly', ladder_order: 1 },
      { community_id: communityId, recipient_id: r.id, helper_kind: 'grid_worker', account_id: grid.id, frequency: 'monthly', ladder_order: 2 },
    ])
    .execute();
  return { id: r.id, volunteer, grid };
}

// Today in Beijing: the first test's link tap lands on the real day, so the scheduler's day must be the same one (a
// fixed date failed from the next day on, when that tap left a missed check-in on the fixed day).
const day = beijingDate(new Date());
const at = (hhmm: string) => new Date(`${day}T${hhmm}:00+08:00`);
/** The date `n` days from the test's day. */
const dayPlus = (n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

describe('daily check-in (报平安)', () => {
  it('a link checks in without login; wrong, revoked and re-issued links answer alike and reveal nothing', async () => {
    const sec = await actorIn(env, 'secretary');
    const http = httpAs(env.app, sec);
    const anon = httpAs(env.app);
    const r = await buildRecipient(sec.community.id);
    const issued = await http.post(`/api/check-ins/links/${r.id}`, { holder: 'self' });
    expect(issued.statusCode).toBe(201);
    const path = issued.json().path as string;
    expect(path).toMatch(/^\/h5\/checkin#t=[A-Za-z0-9_-]{43}$/);
    const token = path.split('#t=')[1]!;
    // The token is never listed, and only its hash is stored.
    const links = await http.get(`/api/check-ins/links/${r.id}`);
    expect(JSON.stringify(links.json())).not.toContain(token);
    const stored = await env.ctx.db.selectFrom('care_checkin_links').select('token_hash').execute();
    expect(stored.map((s) => s.token_hash)).not.toContain(token);
    const audit = await env.ctx.db.selectFrom('audit_log').select('changes').where('entity_type', '=', 'care_recipient').execute();
    expect(JSON.stringify(audit)).not.toContain(token);

    const ok = await anon.post('/api/check-ins/tap', { token });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ ok: true, name: '王*兰' });

    const wrong = await anon.post('/api/check-ins/tap', { token: `${token.slice(0, -2)}xx` });
    const linkId = links.json().items[0].id as number;
    await http.post(`/api/check-ins/links/${r.id}/${linkId}/revoke`, {});
    const revoked = await anon.post('/api/check-ins/tap', { token });
    expect(wrong.statusCode).toBe(404);
    expect(revoked.statusCode).toBe(404);
    expect(revoked.json().error.code).toBe('CHECKIN_LINK_INVALID');
    expect(revoked.json().error.message).toBe(wrong.json().error.message);
    // Re-issued: the new link works; the old one stays dead.
    const again = (await http.post(`/api/check-ins/links/${r.id}`, { holder: 'self' })).json().path.split('#t=')[1];
    expect((await anon.post('/api/check-ins/tap', { token: again })).statusCode).toBe(200);
    expect((await anon.post('/api/check-ins/tap', { token })).statusCode).toBe(404);

    // Another community's secretary sees none of it.
    const other = httpAs(env.app, await actorIn(env, 'secretary'));
    expect((await other.post(`/api/check-ins/links/${r.id}`, { holder: 'self' })).statusCode).toBe(404);
    expect((await other.post('/api/check-ins', { recipientId: r.id, via: 'staff' })).statusCode).toBe(404);
  });

  it('climbs the ladder on the scheduler’s clock, records who was told, files a visit ticket, and a late check-in stops it', async () => {
    const sec = await actorIn(env, 'secretary');
    const cid = sec.community.id;
    const http = httpAs(env.app, sec);
    const late = await buildRecipient(cid);
    const onTime = await buildRecipient(cid);
    const climber = await buildRecipient(cid);
    expect((await http.post('/api/webhooks', { name: '报安鸟群', url: 'http://127.0.0.1:9/bot', format: 'wecom' })).statusCode).toBe(201);
    for (const r of [late, onTime, climber]) await http.put(`/api/check-ins/plans/${r.id}`, { dueBy: '10:00', isActive: true });
    const scheduler = new Scheduler(env.ctx);
    for (const j of checkinJobs) scheduler.register(j);
    const actor = (who: { id: number }, role: 'volunteer' | 'secretary') => ({
      accountId: who.id,
      role,
      displayName: 'x',
      communityId: cid,
      subdistrictId: null,
      scope: [cid],
      requestId: null,
      locale: 'zh-CN' as const,
    });
    const board = (now: Date) => checkinsToday(env.ctx, actor(sec.account, 'secretary'), {}, now);

    expect(await scheduler.tick(at('08:00'))).toEqual(['care.checkins_sweep']);
    await checkInFor(env.ctx, actor(onTime.volunteer, 'volunteer'), { recipientId: onTime.id, via: 'helper' }, at('09:00'));
    let b = await board(at('09:30'));
    expect(b.counts).toEqual({ done: 1, pending: 2, missed: 0, away: 0 });

    await scheduler.tick(at('10:00'));
    b = await board(at('10:01'));
    expect(b.counts).toMatchObject({ done: 1, missed: 2 });
    expect(b.items.find((i) => i.recipientId === late.id)!.ladder.map((s) => s.kind)).toEqual(['recipient']);
    // Before the next step's minute nothing moves; at it, the paired volunteer (not the grid worker) is told.
    await scheduler.tick(at('10:29'));
    expect((await board(at('10:29'))).items.find((i) => i.recipientId === late.id)!.ladder).toHaveLength(1);
    await scheduler.tick(at('10:31'));
    const helperStep = (await board(at('10:31'))).items.find((i) => i.recipientId === late.id)!.ladder[1]!;
    expect(helperStep).toMatchObject({ kind: 'helper', notified: late.volunteer.username });

    // The late one is checked in by their family through staff: the ladder stops and the board says so.
    await checkInFor(env.ctx, actor(sec.account, 'secretary'), { recipientId: late.id, via: 'family' }, at('10:40'));
    await scheduler.tick(at('11:05'));
    b = await board(at('11:05'));
    const stopped = b.items.find((i) => i.recipientId === late.id)!;
    expect(stopped).toMatchObject({ status: 'done', via: 'family', stoppedAfterEscalation: true });
    expect(stopped.ladder).toHaveLength(2);
    const familyStep = b.items.find((i) => i.recipientId === climber.id)!.ladder[2]!;
    expect(familyStep).toMatchObject({ kind: 'family', notified: '王小明' });

    await scheduler.tick(at('12:01'));
    await scheduler.tick(at('13:01'));
    const top = (await board(at('13:01'))).items.find((i) => i.recipientId === climber.id)!;
    expect(top.ladder.map((s) => s.kind)).toEqual(['recipient', 'helper', 'family', 'grid_worker', 'visit_ticket']);
    expect(top.ladder[3]!.notified).toBe(climber.grid.username);
    const ticketId = top.ladder[4]!.ticketId!;
    const ticket = await env.ctx.db
      .selectFrom('tickets as t')
      .innerJoin('ticket_categories as c', 'c.id', 't.category_id')
      .select(['t.title', 'c.code'])
      .where('t.id', '=', ticketId)
      .executeTakeFirstOrThrow();
    expect(ticket).toMatchObject({ code: 'emergency', title: '上门探访：王*兰 今日未报平安' });
    // Each step went out as a domain event, without a token or phone in it.
    const events = await env.ctx.db.selectFrom('outbox').select(['name', 'payload']).where('name', 'like', 'care.checkin.%').execute();
    expect(events.filter((e) => e.name === 'care.checkin.step').length).toBeGreaterThanOrEqual(7);
    expect(JSON.stringify(events)).not.toMatch(/1390000|#t=/);
    // The group bot hears of each step, by masked name and step, never a token.
    await drainOutbox(env.ctx);
    const bot = await env.ctx.db
      .selectFrom('webhook_deliveries')
      .select(['event', 'payload'])
      .where('community_id', '=', cid)
      .where('event', '=', 'care.checkin.step')
      .execute();
    expect(bot.length).toBe(events.filter((e) => e.name === 'care.checkin.step').length);
    expect(JSON.stringify(bot.map((b) => b.payload))).toContain('生成上门探访工单');
    expect(JSON.stringify(bot.map((b) => b.payload))).toContain('王*兰');
    // A second sweep takes no step twice.
    await scheduler.tick(at('14:30'));
    expect((await board(at('14:30'))).items.find((i) => i.recipientId === climber.id)!.ladder).toHaveLength(5);
  });

  it('an away notice pauses the ladder for its days; one that ends before it starts is refused and changes nothing', async () => {
    const sec = await actorIn(env, 'secretary');
    const cid = sec.community.id;
    const http = httpAs(env.app, sec);
    const r = await buildRecipient(cid);
    await http.put(`/api/check-ins/plans/${r.id}`, { dueBy: '09:00', isActive: true });
    const bad = await http.post('/api/check-ins/aways', { recipientId: r.id, kind: 'hospital', startsOn: '2026-12-05', endsOn: '2026-12-03' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields[0]).toMatchObject({ field: 'endsOn', rule: 'before_start' });
    expect((await http.get(`/api/check-ins/aways/${r.id}`)).json().items).toEqual([]);

    const actor = {
      accountId: sec.account.id,
      role: 'secretary' as const,
      displayName: 'x',
      communityId: cid,
      subdistrictId: null,
      scope: [cid],
      requestId: null,
      locale: 'zh-CN' as const,
    };
    await createAway(env.ctx, actor, { recipientId: r.id, kind: 'family', startsOn: dayPlus(-1), endsOn: dayPlus(1) }, at('07:00'));
    const { sweepCheckins } = await import('./sweep.js');
    await sweepCheckins(env.ctx, at('08:00'));
    await sweepCheckins(env.ctx, at('12:00'));
    const b = await checkinsToday(env.ctx, actor, {}, at('12:00'));
    expect(b.items.find((i) => i.recipientId === r.id)).toMatchObject({ status: 'away', awayKind: 'family', ladder: [] });
    // The day after the notice ends, the ladder runs again.
    const next = new Date(`${dayPlus(2)}T09:05:00+08:00`);
    await sweepCheckins(env.ctx, next);
    const after = await checkinsToday(env.ctx, actor, {}, next);
    expect(after.items.find((i) => i.recipientId === r.id)).toMatchObject({ status: 'missed' });
    expect(after.items.find((i) => i.recipientId === r.id)!.ladder).toHaveLength(1);
  });

  it('refuses a bad ladder by field, and a volunteer checks in only the people paired with them', async () => {
    const sec = await actorIn(env, 'secretary');
    const http = httpAs(env.app, sec);
    const bad = await http.put('/api/check-ins/ladder', {
      steps: [
        { kind: 'visit_ticket', afterMinutes: 0 },
        { kind: 'helper', afterMinutes: 30 },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields[0].field).toBe('steps.0.kind');
    const good = await http.put('/api/check-ins/ladder', {
      steps: [
        { kind: 'helper', afterMinutes: 15 },
        { kind: 'visit_ticket', afterMinutes: 60 },
      ],
    });
    expect(good.statusCode).toBe(200);
    expect((await http.get('/api/check-ins/ladder')).json().steps).toHaveLength(2);
    const r = await buildRecipient(sec.community.id);
    const badTime = await http.put(`/api/check-ins/plans/${r.id}`, { dueBy: '25:00', isActive: true });
    expect(badTime.json().error.details.fields[0]).toMatchObject({ field: 'dueBy', rule: 'invalid' });
    const stranger = await actorIn(env, 'volunteer', sec.community);
    expect((await httpAs(env.app, stranger).post('/api/check-ins', { recipientId: r.id, via: 'helper' })).statusCode).toBe(404);
  });
});
