import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorIn, createTestEnv, httpAs, signedInAccount, type TestEnv } from '../../../test/harness.js';
import { buildResident } from '../../../test/fixtures.js';
import { runBackgroundJobs } from '../../../test/jobs.js';
import { trustedCommunityId } from '../../platform/access/trusted-scope.js';
import { careRecipientRefs, familyContacts, pairedHelpers } from './index.js';
import { coverageOf } from './board.service.js';

const DAY = 86_400_000;

/** The care module through its routes: recipients, privacy, pairings, visits, the board, coverage and the ledger. */
describe('care', () => {
  let env: TestEnv;
  let sec: Awaited<ReturnType<typeof actorIn>>;
  let other: Awaited<ReturnType<typeof actorIn>>;
  let grid: { account: { id: number }; cookie: string };
  let volunteer: { account: { id: number }; cookie: string };
  const as = (who: { cookie: string }) => httpAs(env.app, who);
  const resident = async (tags: string[] = ['living_alone'], name?: string, communityId = sec.community.id) => {
    const r = await buildResident(env.ctx, communityId, { name });
    await env.ctx.db.updateTable('residents').set({ tags }).where('id', '=', r.id).execute();
    return r;
  };
  const counts = async () => ({
    recipients: Number(
      (
        await env.ctx.db
          .selectFrom('care_recipients')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ),
    visits: Number(
      (
        await env.ctx.db
          .selectFrom('care_visits')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ),
  });

  beforeAll(async () => {
    env = await createTestEnv();
    sec = await actorIn(env, 'secretary');
    other = await actorIn(env, 'secretary');
    grid = await signedInAccount(env, 'grid_worker', sec.community.id);
    volunteer = await signedInAccount(env, 'volunteer', sec.community.id);
  });
  afterAll(async () => env.close());

  it('takes a resident into care with the tags that qualify them, seals health notes and family phones, and refuses anyone else', async () => {
    const before = await counts();
    const foreign = await resident(['living_alone'], '外社区', other.community.id);
    const notResident = await as(sec).post('/api/care-recipients', { residentId: foreign.id, tier: 'high' });
    expect(notResident.statusCode).toBe(400);
    expect(notResident.json().error.details.fields[0]).toMatchObject({
      field: 'residentId',
      rule: 'not_a_resident',
      message: '居民不是本社区（或您负责范围内）的在册居民',
    });
    expect((await as(sec).post('/api/care-recipients', { residentId: 999999, tier: 'high' })).json().error.details.fields[0].rule).toBe('not_a_resident');
    const untagged = await resident([]);
    const noTag = await as(sec).post('/api/care-recipients', { residentId: untagged.id, tier: 'key' });
    expect(noTag.json().error.details.fields[0]).toMatchObject({ field: 'qualifyingTags', rule: 'required' });
    expect(await counts()).toEqual(before);

    // 80 and over is 高龄 whether or not the roster says so.
    await env.ctx.db.updateTable('residents').set({ birth_date: '1940-05-01' }).where('id', '=', untagged.id).execute();
    const old = await as(sec).post('/api/care-recipients', { residentId: untagged.id, tier: 'key' });
    expect(old.statusCode).toBe(201);
    expect(old.json()).toMatchObject({ qualifyingTags: ['advanced_age'], hasHealthNotes: false });
    expect(old.json().age).toBeGreaterThanOrEqual(86);

    const r = await resident(['living_alone', 'veteran'], '李桂芳');
    const res = await as(sec).post('/api/care-recipients', {
      residentId: r.id,
      tier: 'high',
      qualifyingTags: ['disabled'],
      familyContacts: [{ name: '李强', relation: '儿子', phone: '13912345678' }],
      healthNotes: '高血压，每日服药；去年股骨骨折',
      carePlan: '每周上门一次，帮代办买药',
    });
    expect(res.statusCode).toBe(201);
    const c = res.json();
    expect(c).toMatchObject({
      residentName: '李桂芳',
      tier: 'high',
      status: 'active',
      qualifyingTags: ['living_alone', 'disabled'],
      familyContacts: [{ name: '李强', relation: '儿子', phoneMasked: '139****5678' }],
      hasHealthNotes: true,
      pairingCount: 0,
    });
    expect(res.body).not.toMatch(/13912345678|高血压/);
    const row = await env.ctx.db.selectFrom('care_recipients').selectAll().where('id', '=', c.id).executeTakeFirstOrThrow();
    expect(row.health_notes_enc).toMatch(/^v1:/);
    expect(JSON.stringify(row.family_contacts)).not.toContain('13912345678');
    const audit = await env.ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_type', '=', 'care_recipient')
      .where('entity_id', '=', String(c.id))
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['care.recipient_added']);
    expect(JSON.stringify(audit)).not.toMatch(/13912345678|高血压/);
    const again = await as(sec).post('/api/care-recipients', { residentId: r.id, tier: 'key' });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.details.fields[0]).toMatchObject({ field: 'residentId', rule: 'already_in_care' });

    // Health data: only care.health sees it, and each full view is logged.
    expect((await as(volunteer).get(`/api/care-recipients/${c.id}/private`)).statusCode).toBe(403);
    expect((await as(volunteer).send('PATCH', `/api/care-recipients/${c.id}`, { healthNotes: 'x' })).statusCode).toBe(403);
    const full = await as(sec).get(`/api/care-recipients/${c.id}/private`);
    expect(full.json()).toEqual({
      id: c.id,
      healthNotes: '高血压，每日服药；去年股骨骨折',
      familyContacts: [{ name: '李强', relation: '儿子', phone: '13912345678' }],
    });
    const logged = await env.ctx.db
      .selectFrom('pii_access_log')
      .selectAll()
      .where('entity_type', '=', 'care_recipient')
      .where('entity_id', '=', String(c.id))
      .execute();
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ actor_id: sec.account.id, fields: ['healthNotes', 'familyPhones'] });

    // Another community: 404 for the record, a clear error for a visit.
    expect((await as(other).get(`/api/care-recipients/${c.id}`)).statusCode).toBe(404);
    expect((await as(other).get(`/api/care-recipients/${c.id}/private`)).statusCode).toBe(404);
    const visitThere = await as(other).post('/api/visits', { recipientId: c.id, wellbeing: 'well' });
    expect(visitThere.statusCode).toBe(400);
    expect(visitThere.json().error.details.fields[0]).toMatchObject({ field: 'recipientId', rule: 'not_a_recipient' });
    expect((await as(other).get('/api/care-recipients')).json().total).toBe(0);

    // Reads for the checkins part.
    const refs = await careRecipientRefs(env.ctx.db, trustedCommunityId(sec.community.id), [c.id, 424242]);
    expect([...refs.values()]).toEqual([expect.objectContaining({ id: c.id, residentId: r.id, residentNameMasked: '李*芳', tier: 'high', active: true })]);
    expect((await careRecipientRefs(env.ctx.db, trustedCommunityId(other.community.id), [c.id])).size).toBe(0);
    expect(await familyContacts(env.ctx.db, trustedCommunityId(sec.community.id), c.id, env.ctx.pii)).toEqual([
      { name: '李强', relation: '儿子', phone: '13912345678', phoneMasked: '139****5678' },
    ]);
    expect(await familyContacts(env.ctx.db, trustedCommunityId(other.community.id), c.id, env.ctx.pii)).toEqual([]);
  });

  it('computes the next visit from the tier, the community settings and a major change', async () => {
    const r = await resident(['empty_nest']);
    const c = (await as(sec).post('/api/care-recipients', { residentId: r.id, tier: 'high' })).json();
    const created = new Date(c.createdAt).getTime();
    expect(new Date(c.nextVisitDueAt).getTime()).toBe(created + 7 * DAY);
    const settings = await as(sec).put('/api/care-settings', { highIntervalDays: 3, keyIntervalDays: 30, generalIntervalDays: 90, majorChangeHours: 12 });
    expect(settings.json()).toMatchObject({ highIntervalDays: 3, majorChangeHours: 12 });
    expect(
      (await as(grid).put('/api/care-settings', { highIntervalDays: 1, keyIntervalDays: 30, generalIntervalDays: 90, majorChangeHours: 12 })).statusCode,
    ).toBe(403);
    expect(new Date((await as(sec).get(`/api/care-recipients/${c.id}`)).json().nextVisitDueAt).getTime()).toBe(created + 3 * DAY);
    const bad = await as(sec).put('/api/care-settings', { highIntervalDays: 0, keyIntervalDays: 30, generalIntervalDays: 90, majorChangeHours: 12 });
    expect(bad.json().error.details.fields[0].field).toBe('highIntervalDays');

    const at = new Date(Date.now() - 2 * 3_600_000).toISOString();
    const changed = (await as(grid).post(`/api/care-recipients/${c.id}/major-change`, { note: '住院出院回家', at })).json();
    expect(new Date(changed.nextVisitDueAt).getTime()).toBe(new Date(at).getTime() + 12 * 3_600_000);
    expect(changed.majorChangeNote).toBe('住院出院回家');
    const visit = await as(grid).post('/api/visits', {
      recipientId: c.id,
      wellbeing: 'concern',
      healthFinding: '精神尚可，行动不便',
      needs: '需要有人帮忙买菜',
    });
    expect(visit.statusCode).toBe(201);
    const after = (await as(sec).get(`/api/care-recipients/${c.id}`)).json();
    expect(new Date(after.nextVisitDueAt).getTime()).toBe(new Date(visit.json().visitedAt).getTime() + 3 * DAY);
    await as(sec).put('/api/care-settings', { highIntervalDays: 7, keyIntervalDays: 30, generalIntervalDays: 90, majorChangeHours: 24 });
  });

  it('pairs helpers, lets a paired volunteer see and visit only their people, and turns a need into a ticket', async () => {
    const mine = (await as(sec).post('/api/care-recipients', { residentId: (await resident(['living_alone'], '张玉兰')).id, tier: 'key' })).json();
    const notMine = (await as(sec).post('/api/care-recipients', { residentId: (await resident(['living_alone'])).id, tier: 'key' })).json();
    const clinic = (await as(sec).post('/api/partners', { name: '区人民医院', kind: 'hospital' })).json();
    const v = await as(sec).post('/api/pairings', {
      recipientId: mine.id,
      helperKind: 'volunteer',
      accountId: volunteer.account.id,
      duties: ['errands', 'visits'],
      frequency: 'weekly',
      ladderOrder: 2,
    });
    expect(v.statusCode).toBe(201);
    expect(v.json()).toMatchObject({ recipientName: '张玉兰', helperKind: 'volunteer', duties: ['errands', 'visits'], frequency: 'weekly', active: true });
    const g = await as(sec).post('/api/pairings', {
      recipientId: mine.id,
      helperKind: 'grid_worker',
      accountId: grid.account.id,
      duties: ['visits'],
      frequency: 'monthly',
      ladderOrder: 1,
    });
    expect(g.statusCode).toBe(201);
    const doc = await as(sec).post('/api/pairings', {
      recipientId: mine.id,
      helperKind: 'doctor',
      partnerId: clinic.id,
      helperName: '王医生',
      helperPhone: '13800001111',
      duties: ['checkups'],
      frequency: 'monthly',
    });
    expect(doc.json()).toMatchObject({ helperName: '王医生', partnerName: '区人民医院', helperPhoneMasked: '138****1111' });
    expect(
      (
        await as(sec).post('/api/pairings', { recipientId: mine.id, helperKind: 'doctor', helperName: '赵医生', duties: ['checkups'], frequency: 'monthly' })
      ).json().error.details.fields[0],
    ).toMatchObject({ field: 'partnerId', rule: 'required' });
    const foreignAccount = await signedInAccount(env, 'volunteer', other.community.id);
    expect(
      (
        await as(sec).post('/api/pairings', {
          recipientId: mine.id,
          helperKind: 'volunteer',
          accountId: foreignAccount.account.id,
          duties: ['visits'],
          frequency: 'weekly',
        })
      ).json().error.details.fields[0],
    ).toMatchObject({ field: 'accountId', rule: 'not_found' });
    expect(
      (
        await as(sec).post('/api/pairings', {
          recipientId: 999999,
          helperKind: 'volunteer',
          accountId: volunteer.account.id,
          duties: ['visits'],
          frequency: 'weekly',
        })
      ).json().error.details.fields[0],
    ).toMatchObject({ field: 'recipientId', rule: 'not_a_recipient' });

    const helpers = await pairedHelpers(env.ctx.db, trustedCommunityId(sec.community.id), mine.id);
    expect(helpers.map((h) => [h.accountId, h.helperKind, h.ladderOrder])).toEqual([
      [grid.account.id, 'grid_worker', 1],
      [volunteer.account.id, 'volunteer', 2],
    ]);

    const list = (await as(volunteer).get('/api/care-recipients')).json();
    expect(list.items.map((r: { id: number }) => r.id)).toEqual([mine.id]);
    expect((await as(volunteer).get(`/api/care-recipients/${notMine.id}`)).statusCode).toBe(404);
    expect((await as(volunteer).post('/api/visits', { recipientId: notMine.id, wellbeing: 'well' })).json().error.details.fields[0].rule).toBe(
      'not_a_recipient',
    );
    const visit = await as(volunteer).post('/api/visits', {
      recipientId: mine.id,
      wellbeing: 'concern',
      homeSafety: '燃气软管老化',
      needs: '燃气软管需要更换',
    });
    expect(visit.statusCode).toBe(201);
    expect(visit.json()).toMatchObject({ recipientName: '张玉兰', wellbeing: 'concern', ticketId: null });
    // A volunteer cannot file tickets; the grid worker turns the need into one with one tap.
    expect((await as(volunteer).post(`/api/visits/${visit.json().id}/ticket`, { categoryId: 1 })).statusCode).toBe(403);
    const cats = (await as(grid).get('/api/ticket-categories')).json().items as Array<{ id: number; code: string }>;
    const safety = cats.find((x) => x.code === 'safety')!;
    const t = await as(grid).post(`/api/visits/${visit.json().id}/ticket`, { categoryId: safety.id });
    expect(t.statusCode).toBe(200);
    expect(t.json().ticketCode).toMatch(/^GD/);
    const ticket = await env.ctx.db.selectFrom('tickets').selectAll().where('id', '=', t.json().ticketId).executeTakeFirstOrThrow();
    expect(ticket).toMatchObject({ channel: 'door_visit', community_id: sec.community.id });
    expect(ticket.description).toContain('燃气软管需要更换');
    expect(ticket.description).not.toContain('张玉兰');
    expect((await as(grid).post(`/api/visits/${visit.json().id}/ticket`, { categoryId: safety.id })).statusCode).toBe(409);
    expect((await as(other).get(`/api/visits/${visit.json().id}`)).statusCode).toBe(404);

    // Ending care ends the pairings; a visit afterwards is refused.
    const ended = await as(sec).post(`/api/care-recipients/${mine.id}/end`, { reason: '随子女迁居外地' });
    expect(ended.json()).toMatchObject({ status: 'ended', pairingCount: 0, nextVisitDueAt: null });
    expect((await as(grid).post('/api/visits', { recipientId: mine.id, wellbeing: 'well' })).json().error.details.fields[0].rule).toBe('not_a_recipient');
  });

  it('the board lists overdue visits, visits due this week and recipients without a pairing', async () => {
    const fresh = await actorIn(env, 'secretary');
    const worker = await signedInAccount(env, 'grid_worker', fresh.community.id);
    const mk = async (tier: string) =>
      (await as(fresh).post('/api/care-recipients', { residentId: (await resident(['living_alone'], undefined, fresh.community.id)).id, tier })).json();
    const overdue = await mk('high');
    const soon = await mk('high');
    const later = await mk('general');
    await env.ctx.db
      .updateTable('care_recipients')
      .set({ created_at: new Date(Date.now() - 10 * DAY) } as object)
      .where('id', '=', overdue.id)
      .execute();
    await env.ctx.db
      .updateTable('care_recipients')
      .set({ created_at: new Date(Date.now() - 3 * DAY) } as object)
      .where('id', '=', soon.id)
      .execute();
    await as(fresh).post('/api/pairings', {
      recipientId: soon.id,
      helperKind: 'grid_worker',
      accountId: worker.account.id,
      duties: ['visits'],
      frequency: 'weekly',
    });
    const board = (await as(fresh).get('/api/care-board')).json();
    expect(board.recipients).toBe(3);
    expect(board.overdue.map((x: { recipientId: number }) => x.recipientId)).toEqual([overdue.id]);
    expect(board.dueThisWeek.map((x: { recipientId: number }) => x.recipientId)).toEqual([soon.id]);
    expect(board.unpaired.map((x: { recipientId: number }) => x.recipientId)).toEqual([overdue.id, later.id]);
    const phone = (await as(worker).get('/api/care-board?mine=true')).json();
    expect(phone.recipients).toBe(1);
    expect(phone.dueThisWeek.map((x: { recipientId: number }) => x.recipientId)).toEqual([soon.id]);
    expect((await as(fresh).get('/api/care-recipients?overdue=true')).json().items.map((x: { id: number }) => x.id)).toEqual([overdue.id]);
  });

  it('reports the month coverage: required, done and overdue per recipient', async () => {
    const fresh = await actorIn(env, 'secretary');
    const cid = trustedCommunityId(fresh.community.id);
    const mk = async (tier: string) =>
      (await as(fresh).post('/api/care-recipients', { residentId: (await resident(['advanced_age'], undefined, fresh.community.id)).id, tier })).json();
    const weekly = await mk('high');
    const monthly = await mk('key');
    const quarterly = await mk('general');
    const set = (id: number, v: object) => env.ctx.db.updateTable('care_recipients').set(v).where('id', '=', id).execute();
    const sept = new Date('2026-09-01T00:00:00Z');
    for (const r of [weekly, monthly, quarterly]) await set(r.id, { created_at: sept });
    const visit = (recipient_id: number, at: string) =>
      env.ctx.db
        .insertInto('care_visits')
        .values({ community_id: cid, recipient_id, visited_at: new Date(at), wellbeing: 'well', photos: '[]' })
        .execute();
    for (const day of ['03', '10', '17', '24']) await visit(weekly.id, `2026-11-${day}T02:00:00Z`);
    await visit(quarterly.id, '2026-10-20T02:00:00Z');
    await set(weekly.id, { last_visit_at: new Date('2026-11-24T02:00:00Z') });
    await set(quarterly.id, { last_visit_at: new Date('2026-10-20T02:00:00Z') });
    const report = await coverageOf(env.ctx, cid, '2026-11', new Date('2026-12-02T01:00:00Z'));
    const byId = new Map(report.rows.map((r) => [r.recipientId, r]));
    expect(byId.get(weekly.id)).toMatchObject({ required: 4, done: 4, overdue: false });
    expect(byId.get(monthly.id)).toMatchObject({ required: 1, done: 0, overdue: true });
    expect(byId.get(quarterly.id)).toMatchObject({ required: 0, done: 0, overdue: false });
    expect(report).toMatchObject({ recipients: 3, required: 5, done: 4, covered: 1, overdue: 1, coveragePercent: 50 });
    expect(report.rows[0]!.recipientId).toBe(monthly.id);
    // The month under way asks only for what fell due by now: the weekly one (due 1 Dec) and the monthly one.
    const current = await coverageOf(env.ctx, cid, '2026-12', new Date('2026-12-02T01:00:00Z'));
    expect(current).toMatchObject({ recipients: 3, required: 2, done: 0, coveragePercent: 0 });
    const viaApi = await as(fresh).get('/api/care-coverage?month=2026-11');
    expect(viaApi.json()).toMatchObject({ month: '2026-11', coveragePercent: 50 });
    expect((await as(fresh).get('/api/care-coverage?month=2026-13')).json().error.details.fields[0].field).toBe('month');
  });

  it('prints the 探访关爱台账 with words and typed dates: names in full (logged) for the secretary, masked for the subdistrict', async () => {
    const exportAs = async (cookie: string, payload: object) => {
      const started = await env.app.inject({ method: 'POST', url: '/api/ledger/exports', headers: { cookie }, payload: { register: 'care', ...payload } });
      expect(started.statusCode).toBe(202);
      await runBackgroundJobs(env.ctx);
      const file = await env.app.inject({ url: `/api/ledger/exports/${started.json().id}/file`, headers: { cookie } });
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
      const sheet = wb.worksheets[0]!;
      return { id: started.json().id as number, sheet, text: JSON.stringify(sheet.getSheetValues()) };
    };
    const full = await exportAs(sec.cookie, {});
    expect(full.text).toContain('探访关爱台账');
    expect(full.text).toContain('需关注');
    expect(full.text).toContain('燃气软管需要更换');
    expect(full.text).toContain('已转工单 GD');
    expect(full.text).toContain('张玉兰');
    expect(full.text).not.toMatch(/"concern"|"high"|"key"|living_alone/);
    const header = (full.sheet.getRow(3).values as unknown[]).slice(1) as string[];
    expect(full.sheet.getRow(4).getCell(header.indexOf('探访时间') + 1).value).toBeInstanceOf(Date);
    const logged = await env.ctx.db
      .selectFrom('pii_access_log')
      .selectAll()
      .where('entity_type', '=', 'ledger_export')
      .where('entity_id', '=', String(full.id))
      .execute();
    expect(logged.map((l) => l.fields)).toEqual([['name', 'familyPhone']]);

    const sub = await actorIn(env, 'subdistrict_admin', sec.community);
    const masked = await exportAs(sub.cookie, { communityId: sec.community.id });
    expect(masked.text).toContain('张*兰');
    expect(masked.text).not.toContain('张玉兰');
  });
});
