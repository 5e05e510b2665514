import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorIn, buildAccount, createTestEnv, loginAs, type TestEnv } from '../../../../test/harness.js';
import { pngWithText } from '../../../../test/images.js';

type Who = { cookie: string };

/** Issue 7.6: the worker's loop closed — dispatch deadline and instruction, calling the reporter, labelled photos, rework and review. */
describe("tickets: the worker's loop", () => {
  let env: TestEnv;
  let sec: Awaited<ReturnType<typeof actorIn>>;
  let grid: Who & { id: number };
  let otherGrid: Who & { id: number };
  let general: number;
  let communityCode: string;

  const call = async (who: Who | null, method: 'GET' | 'POST', url: string, payload?: unknown, headers: Record<string, string> = {}) => {
    const res = await env.app.inject({
      method,
      url,
      headers: { ...headers, ...(who ? { cookie: who.cookie } : {}) },
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });
    return { status: res.statusCode, body: res.json() };
  };
  const act = (who: Who, id: number, action: string, body: Record<string, unknown> = {}) => call(who, 'POST', `/api/tickets/${id}/${action}`, body);
  const newTicket = async (extra: Record<string, unknown> = {}) =>
    (
      await call(sec, 'POST', '/api/tickets', {
        channel: 'phone',
        categoryId: general,
        title: '楼道堆物',
        description: '2单元楼道堆满杂物',
        reporterName: '王阿姨',
        reporterPhone: '13900002222',
        ...extra,
      })
    ).body;
  const inHours = (h: number) => new Date(Date.now() + h * 3600_000).toISOString();

  beforeAll(async () => {
    env = await createTestEnv();
    sec = await actorIn(env, 'secretary');
    for (const [name, set] of [
      ['a', (v: Who & { id: number }) => (grid = v)],
      ['b', (v: Who & { id: number }) => (otherGrid = v)],
    ] as const) {
      const g = await buildAccount(env.ctx, { role: 'grid_worker', communityId: sec.community.id, username: `loop_grid_${name}` });
      set({ id: g.id, cookie: await loginAs(env.app, g.username) });
    }
    const cats = (await call(sec, 'GET', '/api/ticket-categories')).body.items as Array<{ id: number; code: string }>;
    general = cats.find((c) => c.code === 'general')!.id;
    communityCode = (await env.ctx.db.selectFrom('communities').select('code').where('id', '=', sec.community.id).executeTakeFirstOrThrow()).code;
  });
  afterAll(async () => env.close());

  it('dispatches with a deadline and an instruction the worker sees on the task; a deadline in the past is refused and changes nothing', async () => {
    const t = await newTicket();
    await act(sec, t.id, 'accept');
    const past = await act(sec, t.id, 'assign', { assigneeId: grid.id, dueAt: inHours(-1), note: '先拍照' });
    expect(past.status).toBe(400);
    expect(past.body.error.details.fields[0]).toMatchObject({ field: 'dueAt', rule: 'deadline_in_past' });
    expect((await call(sec, 'GET', `/api/tickets/${t.id}`)).body).toMatchObject({ status: 'accepted', assigneeId: null, dispatchNote: null });

    const due = inHours(48);
    const assigned = await act(sec, t.id, 'assign', { assigneeId: grid.id, dueAt: due, note: '先联系物业，再拍照' });
    expect(assigned.body).toMatchObject({ status: 'assigned', dispatchDueAt: due, dispatchNote: '先联系物业，再拍照', resolutionDueAt: t.resolutionDueAt });
    const task = (await call(grid, 'GET', '/api/tickets/tasks')).body.items.find((x: { id: number }) => x.id === t.id);
    expect(task).toMatchObject({ dispatchDueAt: due, dispatchNote: '先联系物业，再拍照', isRework: false });

    // Without a deadline the category's is the default.
    const u = await newTicket();
    await act(sec, u.id, 'accept');
    expect((await act(sec, u.id, 'assign', { assigneeId: grid.id })).body).toMatchObject({ dispatchDueAt: u.resolutionDueAt, dispatchNote: null });
  });

  it('lets the assigned worker see the full phone to call, logged as a personal-data view; nobody else, never an anonymous reporter', async () => {
    const t = await newTicket();
    await act(sec, t.id, 'accept');
    await act(sec, t.id, 'assign', { assigneeId: grid.id });
    expect(t.reporterPhoneMasked).not.toBe('13900002222');
    const shown = await call(grid, 'GET', `/api/tickets/${t.id}/reporter-phone`);
    expect(shown).toMatchObject({ status: 200, body: { phone: '13900002222' } });
    const log = await env.ctx.db.selectFrom('pii_access_log').selectAll().where('entity_type', '=', 'ticket').where('entity_id', '=', String(t.id)).execute();
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ actor_id: grid.id, community_id: sec.community.id });
    expect((await call(otherGrid, 'GET', `/api/tickets/${t.id}/reporter-phone`)).status).toBe(404);
    const stranger = await actorIn(env, 'secretary');
    expect((await call(stranger, 'GET', `/api/tickets/${t.id}/reporter-phone`)).status).toBe(404);
    const anon = await newTicket({ isAnonymous: true });
    expect((await call(sec, 'GET', `/api/tickets/${anon.id}/reporter-phone`)).status).toBe(404);
    expect(await env.ctx.db.selectFrom('pii_access_log').select('id').where('entity_type', '=', 'ticket').execute()).toHaveLength(1);
  });

  it('labels photos as before or after the work, on the ticket and on the timeline', async () => {
    const t = await newTicket();
    await act(sec, t.id, 'accept');
    await act(sec, t.id, 'assign', { assigneeId: grid.id });
    const upload = (stage: string) => {
      const boundary = 'linli' + Math.random().toString(16).slice(2);
      const body = Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="photos"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n`),
        pngWithText(),
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      return env.app.inject({
        method: 'POST',
        url: `/api/tickets/${t.id}/photos?stage=${stage}`,
        headers: { cookie: grid.cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
        payload: body,
      });
    };
    expect((await upload('during')).statusCode).toBe(400);
    expect((await upload('before')).statusCode).toBe(200);
    const after = (await upload('after')).json();
    expect(after.photos.map((p: { stage: string }) => p.stage)).toEqual(['before', 'after']);
    expect(after.events.filter((e: { action: string }) => e.action === 'photos_added').map((e: { photoStage: string }) => e.photoStage)).toEqual([
      'before',
      'after',
    ]);
  });

  it("a dissatisfied rating sends it back as rework with a new deadline, counted in the secretary's inbox; past the limit it waits for review and closes as 不满意结案", async () => {
    const submitted = await call(null, 'POST', '/api/public/tickets', {
      communityCode,
      categoryId: general,
      description: '3号楼门口路灯不亮',
      contactPhone: '13900003333',
    });
    const tracking = submitted.body.code;
    const proven = { 'x-tracking-key': new URL(submitted.body.link, 'http://x').hash.slice('#k='.length) };
    const id = (await call(sec, 'GET', `/api/tickets?q=${tracking}`)).body.items[0].id;
    await act(sec, id, 'accept');
    await act(sec, id, 'assign', { assigneeId: grid.id });
    await act(grid, id, 'start');
    await act(grid, id, 'resolve', { note: '已换灯泡' });
    // The first round's deadline has passed by the time the resident rates.
    await env.ctx.db
      .updateTable('tickets')
      .set({ resolution_due_at: new Date(Date.now() - 3600_000) })
      .where('id', '=', id)
      .execute();
    const before = (await call(sec, 'GET', '/api/tickets/inbox')).body;

    const rated = await call(null, 'POST', `/api/public/tickets/${tracking}/rate`, { rating: 'dissatisfied', comment: '还是不亮' }, proven);
    expect(rated.body.events.at(-1)).toMatchObject({ action: 'rate', rating: 'dissatisfied' });
    const rework = (await call(sec, 'GET', `/api/tickets/${id}`)).body;
    expect(rework).toMatchObject({ status: 'assigned', assigneeId: grid.id, reopenCount: 1, isRework: true, isOverdue: false });
    expect(Date.parse(rework.resolutionDueAt)).toBeGreaterThan(Date.now() + 6 * 86_400_000);
    expect(rework.events.at(-1)).toMatchObject({ action: 'rate', rating: 'dissatisfied', toStatus: 'assigned' });
    expect((await call(grid, 'GET', '/api/tickets/tasks')).body.items.find((x: { id: number }) => x.id === id)).toMatchObject({ isRework: true });
    const inbox = (await call(sec, 'GET', '/api/tickets/inbox')).body;
    expect(inbox.dissatisfied).toBe(before.dissatisfied + 1);
    expect((await call(sec, 'GET', '/api/tickets?inbox=dissatisfied')).body.items.map((x: { id: number }) => x.id)).toContain(id);
    // The webhooks hear of it through the outbox, in the same transaction.
    const outbox = await env.ctx.db.selectFrom('outbox').select(['name', 'payload']).where('name', '=', 'ticket.transitioned').execute();
    expect(outbox.some((o) => JSON.stringify(o.payload).includes(`"ticketId":${id}`) && JSON.stringify(o.payload).includes('"rate"'))).toBe(true);

    // Two more dissatisfied rounds: the default limit is 2, so the third goes to review, not closed.
    for (let round = 2; round <= 3; round++) {
      await act(grid, id, 'start');
      await act(grid, id, 'resolve', { note: `第${round}次处理` });
      await call(null, 'POST', `/api/public/tickets/${tracking}/rate`, { rating: 'dissatisfied' }, proven);
    }
    const review = (await call(sec, 'GET', `/api/tickets/${id}`)).body;
    expect(review).toMatchObject({ status: 'reviewing', reopenCount: 2, closedAt: null, rating: 'dissatisfied' });
    expect((await call(sec, 'GET', '/api/tickets?inbox=dissatisfied')).body.items.map((x: { id: number }) => x.id)).toContain(id);
    expect((await call(null, 'GET', `/api/public/tickets/${tracking}`)).body).toMatchObject({ status: 'reviewing', canRate: false });
    // A doer cannot close it; the secretary closes it as 不满意结案, and the 三率 count it as rated, not satisfied, not resolved.
    expect((await act(grid, id, 'close')).status).toBe(403);
    const closed = (await act(sec, id, 'close', { rating: 'satisfied', note: '督办后结案' })).body;
    expect(closed).toMatchObject({ status: 'closed', closeReason: 'dissatisfied_limit', rating: 'dissatisfied' });
    expect(closed.events.at(-1)).toMatchObject({ action: 'close', rating: 'dissatisfied' });
    const dash = (await call(sec, 'GET', '/api/dashboard/community')).body;
    expect(dash.satisfactionRate.numerator).toBeLessThan(dash.satisfactionRate.denominator);
    expect(dash.resolutionRate.numerator).toBe(0);
  });

  it('a ticket answered on the spot and rated dissatisfied lands with the one who answered it', async () => {
    const t = await newTicket({ channel: 'meeting', meetingTitle: '居民议事会', answerOnSpot: '已向居民解释停车规定' });
    expect(t).toMatchObject({ status: 'resolved', assigneeKind: 'account', assigneeId: sec.account.id });
    const back = (await act(sec, t.id, 'rate', { rating: 'dissatisfied', note: '居民不认可' })).body;
    expect(back).toMatchObject({ status: 'assigned', assigneeKind: 'account', assigneeId: sec.account.id, isRework: true });
  });

  it('meeting mode dispatches at the table; a deadline in the past writes nothing', async () => {
    const before = Number(
      (
        await env.ctx.db
          .selectFrom('tickets')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    const bad = await call(sec, 'POST', '/api/tickets', {
      channel: 'meeting',
      categoryId: general,
      title: '健身器材损坏',
      description: '广场健身器材松动',
      assigneeId: grid.id,
      dueAt: inHours(-2),
    });
    expect(bad.body.error.details.fields[0]).toMatchObject({ field: 'dueAt', rule: 'deadline_in_past' });
    expect(
      Number(
        (
          await env.ctx.db
            .selectFrom('tickets')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    ).toBe(before);
    const due = inHours(72);
    const ok = await call(sec, 'POST', '/api/tickets', {
      channel: 'meeting',
      categoryId: general,
      title: '健身器材损坏',
      description: '广场健身器材松动',
      assigneeId: grid.id,
      dueAt: due,
    });
    expect(ok.body).toMatchObject({ status: 'assigned', assigneeId: grid.id, dispatchDueAt: due });
    expect(ok.body.events.map((e: { action: string }) => e.action)).toEqual(['created', 'accept', 'assign']);
  });

  it('merges by the visible reference, never an internal id; an unknown reference changes nothing', async () => {
    const a = await newTicket();
    const b = await newTicket();
    const unknown = await act(sec, b.id, 'merge', { mergeIntoCode: 'GD999999' });
    expect(unknown.body.error.details.fields[0]).toMatchObject({ field: 'mergeIntoCode', rule: 'not_found' });
    expect((await call(sec, 'GET', `/api/tickets/${b.id}`)).body.status).toBe('submitted');
    const merged = await act(sec, b.id, 'merge', { mergeIntoCode: a.code.toLowerCase() });
    expect(merged.body).toMatchObject({ status: 'merged', mergedIntoId: a.id });
  });
});

describe("tickets: the secretary's inbox", () => {
  let env: TestEnv;
  let sec: Awaited<ReturnType<typeof actorIn>>;
  let general: number;
  const http = (who: Who) => ({
    get: async (url: string) => (await env.app.inject({ url, headers: { cookie: who.cookie } })).json(),
    post: async (url: string, payload: object) => (await env.app.inject({ method: 'POST', url, headers: { cookie: who.cookie }, payload })).json(),
  });

  beforeAll(async () => {
    env = await createTestEnv();
    sec = await actorIn(env, 'secretary');
    general = (await http(sec).get('/api/ticket-categories')).items.find((c: { code: string }) => c.code === 'general').id;
  });
  afterAll(async () => env.close());

  it('counts 待受理, 即将超期 (a deadline within 8 hours), 已超期, 不满意 and 上报未回复, and each count opens the same tickets in the list', async () => {
    const s = http(sec);
    const make = async (title: string) => (await s.post('/api/tickets', { channel: 'phone', categoryId: general, title, description: title })).id as number;
    const pending = await make('待受理的');
    const soon = await make('快到期的');
    const late = await make('已超期的');
    const escalated = await make('已上报的');
    const partner = (await s.post('/api/partners', { name: '城管中队', kind: 'government_dept' })).id;
    for (const id of [soon, late, escalated]) {
      await s.post(`/api/tickets/${id}/accept`, {});
      await s.post(`/api/tickets/${id}/assign`, { assigneeId: sec.account.id });
    }
    await s.post(`/api/tickets/${escalated}/start`, {});
    await s.post(`/api/tickets/${escalated}/escalate`, { partnerId: partner, note: '路面塌陷' });
    const set = (id: number, h: number) =>
      env.ctx.db
        .updateTable('tickets')
        .set({ resolution_due_at: new Date(Date.now() + h * 3600_000) })
        .where('id', '=', id)
        .execute();
    await set(soon, 5);
    await set(late, -5);
    const counts = await s.get('/api/tickets/inbox');
    expect(counts).toEqual({ pending: 1, due_soon: 1, overdue: 1, dissatisfied: 0, escalated: 1 });
    const ids = async (view: string) => (await s.get(`/api/tickets?inbox=${view}`)).items.map((t: { id: number }) => t.id);
    expect(await ids('pending')).toEqual([pending]);
    expect(await ids('due_soon')).toEqual([soon]);
    expect(await ids('overdue')).toEqual([late]);
    expect(await ids('escalated')).toEqual([escalated]);
    expect((await env.app.inject({ url: '/api/tickets?inbox=bogus', headers: { cookie: sec.cookie } })).statusCode).toBe(400);
    // A building head has no community-wide inbox; another community's secretary sees only her own.
    const g = await buildAccount(env.ctx, { role: 'building_head', communityId: sec.community.id });
    expect((await env.app.inject({ url: '/api/tickets/inbox', headers: { cookie: await loginAs(env.app, g.username) } })).statusCode).toBe(403);
    const other = await actorIn(env, 'secretary');
    expect(await http(other).get('/api/tickets/inbox')).toEqual({ pending: 0, due_soon: 0, overdue: 0, dissatisfied: 0, escalated: 0 });
  });
});
