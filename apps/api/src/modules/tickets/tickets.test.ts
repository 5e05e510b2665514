import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorIn, buildAccount, createTestEnv, loginAs, type TestEnv } from '../../../test/harness.js';
import { closeUnratedTickets } from './acting/transitions.js';

type Who = { cookie: string };

describe('tickets: the closed loop', () => {
  let env: TestEnv;
  let sec: Awaited<ReturnType<typeof actorIn>>;
  let grid: Who & { id: number };
  let categories: Record<string, number>;
  let compoundId: number;
  let buildingId: number;
  let propertyPartner: number;
  let department: number;

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

  beforeAll(async () => {
    env = await createTestEnv();
    sec = await actorIn(env, 'secretary');
    const g = await buildAccount(env.ctx, { role: 'grid_worker', communityId: sec.community.id });
    grid = { id: g.id, cookie: await loginAs(env.app, g.username) };
    const cats = (await call(sec, 'GET', '/api/ticket-categories')).body.items as Array<{ id: number; code: string }>;
    categories = Object.fromEntries(cats.map((c) => [c.code, c.id]));
    compoundId = (await call(sec, 'POST', '/api/compounds', { name: '金海花园' })).body.id;
    buildingId = (await call(sec, 'POST', '/api/buildings', { compoundId, name: '1号楼' })).body.id;
    propertyPartner = (await call(sec, 'POST', '/api/partners', { name: '金房物业', kind: 'property_company' })).body.id;
    department = (await call(sec, 'POST', '/api/partners', { name: '街道物管中心', kind: 'government_dept' })).body.id;
  });
  afterAll(async () => env.close());

  it('has the 12345 default categories with their deadlines', async () => {
    const cats = (await call(sec, 'GET', '/api/ticket-categories')).body.items;
    const byCode = Object.fromEntries(cats.map((c: { code: string }) => [c.code, c]));
    expect(byCode.emergency).toMatchObject({ responseHours: 2 });
    expect(byCode.utilities).toMatchObject({ resolutionHours: 24 });
    expect(byCode.general).toMatchObject({ resolutionHours: 168 });
    expect(byCode.complex).toMatchObject({ resolutionHours: 360 });
  });

  it('lets a community set its own categories and deadlines, audited', async () => {
    const created = await call(sec, 'POST', '/api/ticket-categories', {
      code: 'heating',
      nameZh: '冬季供暖',
      nameEn: 'Winter heating',
      responseHours: 1,
      resolutionHours: 12,
    });
    expect(created.status).toBe(201);
    const t = (await call(sec, 'POST', '/api/tickets', { channel: 'phone', categoryId: created.body.id, title: '暖气不热', description: '3号楼暖气不热' }))
      .body;
    expect(new Date(t.resolutionDueAt).getTime() - new Date(t.createdAt).getTime()).toBeGreaterThan(11.9 * 3600_000);
    expect(new Date(t.resolutionDueAt).getTime() - new Date(t.createdAt).getTime()).toBeLessThan(12.1 * 3600_000);
    expect(
      (await call(sec, 'POST', '/api/ticket-categories', { code: 'heating', nameZh: '重复', nameEn: 'dup', responseHours: 1, resolutionHours: 2 })).body.error
        .details.fields[0],
    ).toMatchObject({ field: 'code', rule: 'taken' });
    expect(
      (await call(grid, 'POST', '/api/ticket-categories', { code: 'other2', nameZh: '其他', nameEn: 'Other', responseHours: 1, resolutionHours: 2 })).status,
    ).toBe(403);
    const off = await env.app.inject({
      method: 'PATCH',
      url: `/api/ticket-categories/${created.body.id}`,
      headers: { cookie: sec.cookie },
      payload: { isActive: false },
    });
    expect(off.json().isActive).toBe(false);
    expect(
      (await call(sec, 'POST', '/api/tickets', { channel: 'phone', categoryId: created.body.id, title: 'x', description: 'y' })).body.error.details.fields[0],
    ).toMatchObject({ field: 'categoryId' });
  });

  it('the garbage-station smell: raised at the party post, mediated with the property company, closed with a new collection time', async () => {
    const created = await call(sec, 'POST', '/api/tickets', {
      channel: 'walk_in',
      categoryId: categories.environment,
      title: '垃圾中转站气味和清运噪音',
      buildingId,
      description: '西2门外垃圾中转站气味大不能开窗，早上清运噪音影响休息，和物业协商无果',
      reporterName: '1号楼居民',
      reporterPhone: '13893100001',
    });
    expect(created.status).toBe(201);
    const t = created.body;
    expect(t).toMatchObject({ status: 'submitted', compoundName: '金海花园', reporterPhoneMasked: '138****0001', channel: 'walk_in' });
    // The code is the public reference; the resident's tracking code is handed over once and is another thing.
    expect(t.code).toMatch(/^GD\d{6,}$/);
    expect(t.handover.trackingCode).toMatch(/^LL[A-Z2-9]{10}$/);
    expect(t.handover.link).toMatch(new RegExp(`^/h5/track/${t.handover.trackingCode}#k=[\\w-]{22}$`));
    await act(sec, t.id, 'accept');
    expect((await act(sec, t.id, 'assign', { assigneeKind: 'account', assigneeId: grid.id, note: '请联系金房物业和清运所' })).body.status).toBe('assigned');
    // Only the assignee (or staff) works it.
    const other = await actorIn(env, 'grid_worker', sec.community);
    expect((await act(other, t.id, 'start')).status).toBe(403);
    await act(grid, t.id, 'start');
    const resolved = await act(grid, t.id, 'resolve', { note: '协调后清运改到早上7:30，金房物业清运后冲洗地面' });
    expect(resolved.body).toMatchObject({ status: 'resolved', resultText: expect.stringContaining('7:30') });
    const tasks = (await call(grid, 'GET', '/api/tickets/tasks')).body;
    expect(tasks.badge).toBe(0);
    const closed = await act(sec, t.id, 'rate', { rating: 'satisfied', note: '回访：居民满意' });
    expect(closed.body).toMatchObject({ status: 'closed', rating: 'satisfied', closeReason: 'rated' });
    expect(closed.body.events.map((e: { action: string }) => e.action)).toEqual(['created', 'accept', 'assign', 'start', 'resolve', 'rate']);
    expect((await act(sec, t.id, 'resolve', { note: 'x' })).body.error.code).toBe('TICKET_ALREADY_CLOSED');
    const audit = await env.ctx.db.selectFrom('audit_log').select('action').where('entity_type', '=', 'ticket').where('entity_id', '=', String(t.id)).execute();
    expect(audit).toHaveLength(6);
    expect(propertyPartner).toBeGreaterThan(0);
  });

  it('gas cylinders in a stairwell: registered at a tea-table meeting and answered on the spot', async () => {
    const meeting = { channel: 'meeting', meetingTitle: '二十二佳园喝茶议事会', compoundId };
    const leads = [
      await call(sec, 'POST', '/api/tickets', {
        ...meeting,
        categoryId: categories.safety,
        title: '商户煤气罐放在楼道',
        description: '有商户把煤气罐放在楼道里，有安全隐患',
        answerOnSpot: '现场答复：社区今天联系商户移走，并加强巡查',
      }),
      await call(sec, 'POST', '/api/tickets', {
        ...meeting,
        categoryId: categories.general,
        title: '老人无人照看',
        description: '出差时家中85岁母亲无人照看',
        answerOnSpot: '拉入报安鸟群，出差时志愿者上门',
      }),
      await call(sec, 'POST', '/api/tickets', { ...meeting, categoryId: categories.environment, title: '树枝遮挡采光', description: '楼前树枝遮挡采光' }),
    ];
    expect(leads.map((l) => l.body.status)).toEqual(['resolved', 'resolved', 'submitted']);
    expect(leads[0]!.body.firstResponseAt).not.toBeNull();
    expect(leads[0]!.body.meetingTitle).toBe('二十二佳园喝茶议事会');
  });

  it('a corridor cleared within 3 days after escalation to a department', async () => {
    const t = (
      await call(sec, 'POST', '/api/tickets', {
        channel: 'door_visit',
        categoryId: categories.environment,
        title: '沿街楼道堆放装修材料',
        description: '商户把装修材料和废旧桌椅堆在楼道',
        compoundId,
      })
    ).body;
    await act(sec, t.id, 'accept');
    await act(sec, t.id, 'assign', { assigneeId: grid.id });
    await act(grid, t.id, 'start');
    const due = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const escalated = await act(sec, t.id, 'escalate', { partnerId: department, dueAt: due, note: '书记面对面：请物管中心集中整治' });
    expect(escalated.body).toMatchObject({ status: 'escalated', escalatedToPartnerId: department });
    expect(new Date(escalated.body.escalationDueAt).toISOString()).toBe(due);
    await act(sec, t.id, 'respond', { note: '物管中心：3天内完成集中整治' });
    await act(grid, t.id, 'resolve', { note: '楼道已清理干净' });
    expect((await act(sec, t.id, 'close', { rating: 'basically_satisfied' })).body).toMatchObject({ status: 'closed', rating: 'basically_satisfied' });
  });

  it('a resident reports online, follows by code, rates dissatisfied (reopens), then satisfied', async () => {
    const code = (await env.ctx.db.selectFrom('communities').select('code').where('id', '=', sec.community.id).executeTakeFirstOrThrow()).code;
    const submitted = await call(null, 'POST', '/api/public/tickets', {
      communityCode: code,
      categoryId: categories.utilities,
      compoundId,
      description: '1号楼2单元停水一天了',
      contactPhone: '13900001111',
    });
    expect(submitted.status).toBe(201);
    const tracking = submitted.body.code;
    const key = new URL(submitted.body.link, 'http://x').hash.slice('#k='.length);
    expect(submitted.body.link).toBe(`/h5/track/${tracking}#k=${key}`);
    const proven = { 'x-tracking-key': key };
    const id = (await call(sec, 'GET', `/api/tickets?q=${tracking}`)).body.items[0].id;
    // While it is open the resident can add to it; staff see it on the timeline, audited.
    expect((await call(null, 'POST', `/api/public/tickets/${tracking}/info`, { text: '' }, proven)).body.error.details.fields[0]).toMatchObject({
      field: 'text',
    });
    const added = (await call(null, 'POST', `/api/public/tickets/${tracking}/info`, { text: '现在3单元也停水了' }, proven)).body;
    expect(added).toMatchObject({ canAddInfo: true });
    expect(added.events.at(-1)).toMatchObject({ action: 'info_added', note: '现在3单元也停水了' });
    expect((await call(sec, 'GET', `/api/tickets/${id}`)).body.events.at(-1)).toMatchObject({ action: 'info_added', actorName: 'resident', isPublic: true });
    expect((await call(sec, 'GET', `/api/tickets/${id}`)).body.events.at(-1).actorLabel).toBe('resident');
    expect(
      await env.ctx.db.selectFrom('audit_log').select('id').where('action', '=', 'ticket.info_added').where('entity_id', '=', String(id)).execute(),
    ).toHaveLength(1);
    await act(sec, id, 'accept');
    await act(sec, id, 'assign', { assigneeId: grid.id, note: '内部：先查水表' });
    await act(grid, id, 'start');
    await act(grid, id, 'resolve', { note: '已修复水管' });
    const view = (await call(null, 'GET', `/api/public/tickets/${tracking}`)).body;
    expect(view).toMatchObject({ status: 'resolved', canRate: true, resultText: '已修复水管' });
    expect(JSON.stringify(view)).not.toContain('内部：先查水表');
    const again = (await call(null, 'POST', `/api/public/tickets/${tracking}/rate`, { rating: 'dissatisfied', comment: '还是没水' }, proven)).body;
    expect(again.status).toBe('assigned');
    await act(grid, id, 'start');
    await act(grid, id, 'resolve', { note: '更换了阀门' });
    expect((await call(null, 'POST', `/api/public/tickets/${tracking}/rate`, { rating: 'satisfied' }, { 'x-phone-last-four': '1111' })).body.status).toBe(
      'closed',
    );
    expect(await call(null, 'POST', `/api/public/tickets/${tracking}/info`, { text: '谢谢社区' }, proven)).toMatchObject({
      status: 409,
      body: { error: { code: 'TICKET_ALREADY_CLOSED' } },
    });
    expect((await call(null, 'GET', '/api/public/tickets/LLNOTAREALCODE')).status).toBe(404);
  });

  it('merges a duplicate so that both reporters follow the surviving ticket', async () => {
    const a = (
      await call(sec, 'POST', '/api/tickets', {
        channel: 'phone',
        categoryId: categories.general,
        title: '路灯不亮',
        description: '北门路灯不亮',
        reporterPhone: '13700000001',
      })
    ).body;
    const b = (
      await call(sec, 'POST', '/api/tickets', {
        channel: 'walk_in',
        categoryId: categories.general,
        title: '北门路灯坏了',
        description: '北门口的路灯坏了',
        reporterPhone: '13700000002',
      })
    ).body;
    const merged = await act(sec, b.id, 'merge', { mergeIntoId: a.id });
    expect(merged.body).toMatchObject({ status: 'merged', mergedIntoId: a.id });
    expect((await call(sec, 'GET', `/api/tickets/${a.id}`)).body.reporterCount).toBe(2);
    expect((await call(null, 'GET', `/api/public/tickets/${b.handover.trackingCode}`)).body).toMatchObject({ status: 'submitted', reference: a.code });
  });

  it('suggests likely duplicates at intake and finds tickets by Chinese words', async () => {
    await call(sec, 'POST', '/api/tickets', {
      channel: 'walk_in',
      categoryId: categories.environment,
      buildingId,
      title: '垃圾站异味',
      description: '1号楼西侧垃圾中转站异味大，夏天没法开窗',
    });
    await call(sec, 'POST', '/api/tickets', {
      channel: 'walk_in',
      categoryId: categories.safety,
      title: '电梯困人',
      description: '2号楼电梯经常困人，需要维修',
    });
    const q = new URLSearchParams({ text: '垃圾中转站气味很大，影响开窗', buildingId: String(buildingId), categoryId: String(categories.environment) });
    const dup = (await call(sec, 'GET', `/api/tickets/duplicates?${q}`)).body.items;
    expect(dup[0]).toMatchObject({ title: '垃圾站异味' });
    expect(dup.map((d: { title: string }) => d.title)).not.toContain('电梯困人');
    expect((await call(sec, 'GET', `/api/tickets/duplicates?${new URLSearchParams({ text: '路面结冰' })}`)).body.items).toEqual([]);
    const found = (await call(sec, 'GET', `/api/tickets?q=${encodeURIComponent('电梯 维修')}`)).body.items;
    expect(found.map((t: { title: string }) => t.title)).toEqual(['电梯困人']);
  });

  it('refuses wrong states and other communities, and names missing reasons', async () => {
    const { handover, ...t } = (
      await call(sec, 'POST', '/api/tickets', { channel: 'phone', categoryId: categories.general, title: '测试', description: '测试内容' })
    ).body;
    expect(handover).toBeDefined();
    // The reply to a registration is built from what was written; it must be what a read gives (less the handover, shown once).
    expect(t).toEqual((await call(sec, 'GET', `/api/tickets/${t.id}`)).body);
    const { handover: _, ...placed } = (
      await call(sec, 'POST', '/api/tickets', {
        channel: 'walk_in',
        categoryId: categories.environment,
        buildingId,
        reporterName: '王阿姨',
        reporterPhone: '13912345678',
        title: '楼道灯',
        description: '楼道灯坏了',
        meetingTitle: '议事会',
      })
    ).body;
    expect(placed).toMatchObject({ compoundName: '金海花园', buildingName: '1号楼', reporterPhoneMasked: '139****5678', meetingTitle: '议事会' });
    expect(placed).toEqual((await call(sec, 'GET', `/api/tickets/${placed.id}`)).body);
    const wrong = await act(sec, t.id, 'resolve', { note: 'x' });
    expect(wrong).toMatchObject({ status: 409, body: { error: { code: 'INVALID_STATE' } } });
    const noReason = await act(sec, t.id, 'reject', {});
    expect(noReason.body.error.details.fields[0]).toMatchObject({ field: 'note', rule: 'required' });
    const stranger = await actorIn(env, 'secretary');
    expect((await call(stranger, 'GET', `/api/tickets/${t.id}`)).status).toBe(404);
    // Another community's compound is refused, naming the field, and nothing is written.
    const count = async () => (await env.ctx.db.selectFrom('tickets').select(env.ctx.db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
    const before = await count();
    const strangerCats = (await call(stranger, 'GET', '/api/ticket-categories')).body.items as Array<{ id: number }>;
    const foreign = await call(stranger, 'POST', '/api/tickets', {
      channel: 'phone',
      categoryId: strangerCats[0]!.id,
      compoundId,
      title: '测试',
      description: '测试内容',
    });
    expect(foreign).toMatchObject({ status: 400, body: { error: { details: { fields: [{ field: 'compoundId', rule: 'not_found' }] } } } });
    expect(await count()).toBe(before);
    expect((await act(stranger, t.id, 'accept')).status).toBe(404);
  });

  it('closes tickets left unrated, never as satisfied', async () => {
    const t = (
      await call(sec, 'POST', '/api/tickets', {
        channel: 'phone',
        categoryId: categories.general,
        title: '无人评价',
        description: '无人评价的诉求',
        answerOnSpot: '已答复',
      })
    ).body;
    expect(await closeUnratedTickets(env.ctx, new Date(Date.now() + 6 * 86_400_000))).toBe(0);
    expect(await closeUnratedTickets(env.ctx, new Date(Date.now() + 8 * 86_400_000))).toBeGreaterThanOrEqual(1);
    const after = (await call(sec, 'GET', `/api/tickets/${t.id}`)).body;
    expect(after).toMatchObject({ status: 'closed', closeReason: 'unrated_timeout', rating: null });
    // A step like any other: through the state machine, with its timeline event and audit row.
    expect(after.events.at(-1)).toMatchObject({ action: 'close', fromStatus: 'resolved', toStatus: 'closed', actorName: 'system', isPublic: true });
    expect(after.events.at(-1).actorLabel).toBe('system');
    const audit = await env.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'reason', 'actor_id'])
      .where('entity_type', '=', 'ticket')
      .where('entity_id', '=', String(t.id))
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit).toEqual({ action: 'ticket.close', reason: 'unrated_timeout', actor_id: null });
    // Already closed: the next sweep leaves it alone.
    await closeUnratedTickets(env.ctx, new Date(Date.now() + 9 * 86_400_000));
    expect((await call(sec, 'GET', `/api/tickets/${t.id}`)).body.events).toHaveLength(after.events.length);
  });
});
