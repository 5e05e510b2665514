import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorIn, buildAccount, createTestEnv, loginAs, type TestEnv } from '../../../../test/harness.js';
import { closeUnratedTickets } from '../acting/transitions.js';
import { loadCalendar } from '../../../platform/calendar/work-calendar.js';
import { dueAt } from '../intake/sla.js';

type Who = { cookie: string };

describe('tickets: per-community rules and default assignees', () => {
  let env: TestEnv;
  let sec: Awaited<ReturnType<typeof actorIn>>;
  let worker: Who & { id: number };
  let categories: Record<string, number>;
  let northCompound: number;
  let southCompound: number;

  const call = async (who: Who, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: unknown) => {
    const res = await env.app.inject({ method, url, headers: { cookie: who.cookie }, ...(payload !== undefined ? { payload: payload as object } : {}) });
    return { status: res.statusCode, body: res.json() };
  };
  const newTicket = async (categoryId: number, compoundId: number | null = null) =>
    (await call(sec, 'POST', '/api/tickets', { channel: 'walk_in', categoryId, compoundId, title: '楼道杂物', description: '3号楼楼道堆放杂物' })).body;

  beforeAll(async () => {
    env = await createTestEnv();
    sec = await actorIn(env, 'secretary');
    const w = await buildAccount(env.ctx, { role: 'grid_worker', communityId: sec.community.id });
    worker = { id: w.id, cookie: await loginAs(env.app, w.username) };
    const cats = (await call(sec, 'GET', '/api/ticket-categories')).body.items as Array<{ id: number; code: string }>;
    categories = Object.fromEntries(cats.map((c) => [c.code, c.id]));
    const north = (await call(sec, 'POST', '/api/grids', { name: '北网格', workerAccountId: w.id })).body;
    expect(north).toMatchObject({ workerAccountId: w.id, workerName: expect.any(String) });
    const south = (await call(sec, 'POST', '/api/grids', { name: '南网格' })).body;
    northCompound = (await call(sec, 'POST', '/api/compounds', { name: '北苑', gridId: north.id })).body.id;
    southCompound = (await call(sec, 'POST', '/api/compounds', { name: '南苑', gridId: south.id })).body.id;
  });
  afterAll(async () => env.close());

  it("starts from the reports' practice and lets the secretary change it, audited, with named field errors", async () => {
    expect((await call(sec, 'GET', '/api/ticket-settings')).body).toMatchObject({ reopenLimit: 2, unratedCloseDays: 7, autoAssign: false, updatedAt: null });
    const bad = await call(sec, 'PUT', '/api/ticket-settings', { reopenLimit: 9, unratedCloseDays: 0 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.fields.map((f: { field: string }) => f.field).sort()).toEqual(['reopenLimit', 'unratedCloseDays']);
    expect(bad.body.error.message).toContain('不满意重办次数上限');
    expect((await call(worker, 'PUT', '/api/ticket-settings', { reopenLimit: 1 })).status).toBe(403);
    const saved = await call(sec, 'PUT', '/api/ticket-settings', { reopenLimit: 0, unratedCloseDays: 3 });
    expect(saved.body).toMatchObject({ reopenLimit: 0, unratedCloseDays: 3, autoAssign: false });
    const audit = await env.ctx.db
      .selectFrom('audit_log')
      .select(['changes', 'actor_id'])
      .where('action', '=', 'ticket_settings.updated')
      .where('community_id', '=', sec.community.id)
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor_id).toBe(sec.account.id);
    const changes = typeof audit[0]!.changes === 'string' ? JSON.parse(audit[0]!.changes) : audit[0]!.changes;
    expect(changes).toEqual({ reopenLimit: { from: 2, to: 0 }, unratedCloseDays: { from: 7, to: 3 } });
    // Another community keeps its own rules.
    const other = await actorIn(env, 'secretary');
    expect((await call(other, 'GET', '/api/ticket-settings')).body).toMatchObject({ reopenLimit: 2, unratedCloseDays: 7 });
  });

  it("goes to the secretary's review at once when the reopen limit is 0, and closes unrated after the community's own days", async () => {
    const t = await newTicket(categories.general!);
    await call(sec, 'POST', `/api/tickets/${t.id}/accept`, {});
    await call(sec, 'POST', `/api/tickets/${t.id}/assign`, { assigneeId: worker.id });
    await call(worker, 'POST', `/api/tickets/${t.id}/start`, {});
    await call(worker, 'POST', `/api/tickets/${t.id}/resolve`, { note: '已清理' });
    const rated = await call(sec, 'POST', `/api/tickets/${t.id}/rate`, { rating: 'dissatisfied', note: '没清干净' });
    expect(rated.body).toMatchObject({ status: 'reviewing', closeReason: null, reopenCount: 0, rating: 'dissatisfied' });
    const reviewed = await call(sec, 'POST', `/api/tickets/${t.id}/close`, { note: '督办后结案' });
    expect(reviewed.body).toMatchObject({ status: 'closed', closeReason: 'dissatisfied_limit', rating: 'dissatisfied' });

    const u = (
      await call(sec, 'POST', '/api/tickets', {
        channel: 'walk_in',
        categoryId: categories.general,
        title: '答复',
        description: '当场答复的问题',
        answerOnSpot: '已答复',
      })
    ).body;
    const other = await actorIn(env, 'secretary');
    const cats = (await call(other, 'GET', '/api/ticket-categories')).body.items as Array<{ id: number; code: string }>;
    const v = (
      await call(other, 'POST', '/api/tickets', {
        channel: 'walk_in',
        categoryId: cats.find((c) => c.code === 'general')!.id,
        title: '答复',
        description: '当场答复的问题',
        answerOnSpot: '已答复',
      })
    ).body;
    await closeUnratedTickets(env.ctx, new Date(Date.now() + 4 * 86_400_000));
    expect((await call(sec, 'GET', `/api/tickets/${u.id}`)).body).toMatchObject({ status: 'closed', closeReason: 'unrated_timeout' });
    expect((await call(other, 'GET', `/api/tickets/${v.id}`)).body).toMatchObject({ status: 'resolved' });
    await closeUnratedTickets(env.ctx, new Date(Date.now() + 8 * 86_400_000));
    expect((await call(other, 'GET', `/api/tickets/${v.id}`)).body).toMatchObject({ status: 'closed', closeReason: 'unrated_timeout' });
  });

  it('gives each category a default assignee, checked, and uses it when dispatching without a name', async () => {
    const partner = (await call(sec, 'POST', '/api/partners', { name: '金房物业', kind: 'property_company' })).body;
    const strangerPartner = (await call(await actorIn(env, 'secretary'), 'POST', '/api/partners', { name: '别家物业', kind: 'property_company' })).body;
    const patch = (id: number, body: object) => call(sec, 'PATCH', `/api/ticket-categories/${id}`, body);

    expect((await patch(categories.property!, { defaultAssigneeKind: 'partner' })).body.error.details.fields[0]).toMatchObject({
      field: 'defaultAssigneeId',
      rule: 'required',
    });
    expect(
      (await patch(categories.property!, { defaultAssigneeKind: 'partner', defaultAssigneeId: strangerPartner.id })).body.error.details.fields[0],
    ).toMatchObject({ field: 'defaultAssigneeId', rule: 'not_found' });
    expect((await patch(categories.property!, { defaultAssigneeKind: 'partner', defaultAssigneeId: partner.id })).body).toMatchObject({
      defaultAssigneeKind: 'partner',
      defaultAssigneeId: partner.id,
      defaultAssigneeName: '金房物业',
    });
    expect((await patch(categories.environment!, { defaultAssigneeKind: 'grid_worker' })).body).toMatchObject({
      defaultAssigneeKind: 'grid_worker',
      defaultAssigneeId: null,
    });
    // Renaming keeps the default assignee; null clears it.
    expect((await patch(categories.property!, { nameZh: '物业' })).body).toMatchObject({ nameZh: '物业', defaultAssigneeKind: 'partner' });

    const t = await newTicket(categories.property!);
    await call(sec, 'POST', `/api/tickets/${t.id}/accept`, {});
    expect((await call(sec, 'POST', `/api/tickets/${t.id}/assign`, {})).body).toMatchObject({
      status: 'assigned',
      assigneeKind: 'partner',
      assigneeId: partner.id,
    });

    const g = await newTicket(categories.environment!, northCompound);
    await call(sec, 'POST', `/api/tickets/${g.id}/accept`, {});
    expect((await call(sec, 'POST', `/api/tickets/${g.id}/assign`, {})).body).toMatchObject({ assigneeKind: 'account', assigneeId: worker.id });

    const none = await newTicket(categories.general!);
    await call(sec, 'POST', `/api/tickets/${none.id}/accept`, {});
    expect((await call(sec, 'POST', `/api/tickets/${none.id}/assign`, {})).body.error.details.fields[0]).toMatchObject({
      field: 'assigneeId',
      rule: 'required',
    });
    expect((await patch(categories.property!, { defaultAssigneeKind: null })).body).toMatchObject({ defaultAssigneeKind: null, defaultAssigneeId: null });
  });

  it('assigns new tickets at once when the community turns automatic dispatch on', async () => {
    await call(sec, 'PUT', '/api/ticket-settings', { autoAssign: true });
    // The north grid has its worker; the south grid has none, so the community's only grid worker takes it.
    const north = await newTicket(categories.environment!, northCompound);
    expect(north).toMatchObject({ status: 'assigned', assigneeKind: 'account', assigneeId: worker.id });
    expect(north.events.map((e: { action: string; actorName: string | null }) => `${e.action}:${e.actorName === 'system' ? 'system' : 'staff'}`)).toEqual([
      'created:staff',
      'accept:system',
      'assign:system',
    ]);
    expect(north.firstResponseAt).not.toBeNull();
    const tasks = (await call(worker, 'GET', '/api/tickets/tasks')).body.items.map((t: { id: number }) => t.id);
    expect(tasks).toContain(north.id);
    const second = await buildAccount(env.ctx, { role: 'grid_worker', communityId: sec.community.id });
    expect(second.id).toBeGreaterThan(0);
    // Two grid workers and no one on the south grid: nobody can be named, so the ticket waits for a person.
    expect(await newTicket(categories.environment!, southCompound)).toMatchObject({ status: 'submitted', assigneeId: null });
    expect(await newTicket(categories.general!)).toMatchObject({ status: 'submitted' });
    await call(sec, 'PUT', '/api/ticket-settings', { autoAssign: false });
    expect(await newTicket(categories.environment!, northCompound)).toMatchObject({ status: 'submitted' });
  });

  it('keeps the national working calendar: 2026 as published, later years added by the system administrator', async () => {
    const year = (await call(sec, 'GET', '/api/work-calendar?year=2026')).body.items as Array<{ day: string; isWorkday: boolean; name: string }>;
    expect(year.find((d) => d.day === '2026-10-01')).toEqual({ day: '2026-10-01', isWorkday: false, name: '国庆节' });
    expect(year.find((d) => d.day === '2026-10-10')).toEqual({ day: '2026-10-10', isWorkday: true, name: '国庆节调休上班' });
    expect(year.filter((d) => !d.isWorkday)).toHaveLength(33);
    expect(year.filter((d) => d.isWorkday)).toHaveLength(6);

    const body = { isWorkday: false, name: '元旦' };
    expect((await call(sec, 'PUT', '/api/work-calendar/2027-01-01', body)).status).toBe(403);
    const admin = await actorIn(env, 'system_admin');
    expect((await call(admin, 'PUT', '/api/work-calendar/2027-13-01', body)).body.error.details.fields[0]).toMatchObject({ field: 'day' });
    expect((await call(admin, 'PUT', '/api/work-calendar/2027-01-01', { isWorkday: false, name: '' })).body.error.details.fields[0]).toMatchObject({
      field: 'name',
    });
    expect((await call(admin, 'PUT', '/api/work-calendar/2027-01-01', body)).body).toEqual({ day: '2027-01-01', ...body });
    const audit = await env.ctx.db
      .selectFrom('audit_log')
      .select(['actor_id'])
      .where('action', '=', 'work_calendar.set')
      .where('entity_id', '=', '2027-01-01')
      .execute();
    expect(audit).toEqual([{ actor_id: admin.account.id }]);

    // Deadlines see it: Thursday 31 December 2026 17:00 + 1 working hour ends on Monday 4 January, not Friday 1 January.
    const bj = (t: string) => new Date(`${t}+08:00`);
    expect(dueAt(bj('2026-12-31T17:00:00'), 1, true, await loadCalendar(env.ctx.db))).toEqual(bj('2027-01-04T09:30:00'));
    const del = await env.app.inject({ method: 'DELETE', url: '/api/work-calendar/2027-01-01', headers: { cookie: admin.cookie } });
    expect(del.statusCode).toBe(204);
    expect(dueAt(bj('2026-12-31T17:00:00'), 1, true, await loadCalendar(env.ctx.db))).toEqual(bj('2027-01-01T09:30:00'));
    expect((await env.app.inject({ method: 'DELETE', url: '/api/work-calendar/2027-01-01', headers: { cookie: admin.cookie } })).statusCode).toBe(404);
  });

  it('lets the secretary hand a grid to its worker, and refuses anyone else', async () => {
    const grid = (await call(sec, 'POST', '/api/grids', { name: '东网格' })).body;
    const volunteer = await buildAccount(env.ctx, { role: 'volunteer', communityId: sec.community.id });
    expect((await call(sec, 'PATCH', `/api/grids/${grid.id}`, { workerAccountId: volunteer.id })).body.error.details.fields[0]).toMatchObject({
      field: 'workerAccountId',
      rule: 'not_found',
    });
    expect((await call(sec, 'PATCH', `/api/grids/${grid.id}`, { workerAccountId: worker.id })).body).toMatchObject({ workerAccountId: worker.id });
    expect((await call(await actorIn(env, 'secretary'), 'PATCH', `/api/grids/${grid.id}`, { workerAccountId: null })).status).toBe(404);
  });
});
