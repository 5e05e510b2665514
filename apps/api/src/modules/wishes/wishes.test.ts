import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorIn, buildAccount, createTestEnv, httpAs, loginAs, type TestEnv } from '../../../test/harness.js';
import { buildCompound } from '../../../test/fixtures.js';
import { runBackgroundJobs } from '../../../test/jobs.js';
import { pngWithText } from '../../../test/images.js';
import { scopeOfCommunity } from '../../platform/access/trusted-scope.js';
import { expireWishes, remindClaimants, wishNeed } from './index.js';

/** 微心愿 on a real database: raised on the phone, checked, claimed, fulfilled, thanked; the refusals change nothing. */
describe('wishes', () => {
  let env: TestEnv;
  let sec: Awaited<ReturnType<typeof actorIn>>;
  let partnerCookie: string;
  let partyCookie: string;
  let partnerId: number;
  let communityCode: string;
  let compoundId: number;
  const as = (cookie: string) => httpAs(env.app, cookie);
  const count = async (table: 'wish_claims' | 'wish_events' | 'audit_log' | 'outbox') =>
    Number(
      (
        await env.ctx.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const raise = async (over: object = {}) => {
    const res = await httpAs(env.app).post('/api/public/wishes', {
      communityCode,
      residentName: '王秀英',
      residentPhone: '13893110001',
      compoundId,
      text: '想要一台收音机，听听秦腔',
      category: 'daily_goods',
      value: 120,
      ...over,
    });
    expect(res.statusCode, res.body).toBe(201);
    const { code, link } = res.json();
    const row = await env.ctx.db.selectFrom('wishes').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow();
    return { id: Number(row.id), code: code as string, key: (link as string).split('#k=')[1]!, link: link as string };
  };

  beforeAll(async () => {
    env = await createTestEnv();
    sec = await actorIn(env, 'secretary');
    const db = env.ctx.db;
    communityCode = (await db.selectFrom('communities').select('code').where('id', '=', sec.community.id).executeTakeFirstOrThrow()).code!;
    compoundId = Number((await buildCompound(env.ctx, sec.community.id, '窑洲小区')).id);
    partnerId = (await as(sec.cookie).post('/api/partners', { name: '兰州银行七里河支行', kind: 'enterprise' })).json().id;
    const org = await db
      .insertInto('organisations')
      .values({
        kind: 'partner_unit',
        department_type: null,
        name: '兰州银行七里河支行',
        contact_name: null,
        contact_phone: null,
        address: null,
        subdistrict_id: null,
        community_id: sec.community.id,
        partner_id: partnerId,
        created_by: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const contact = await buildAccount(env.ctx, { role: 'partner_contact', communityId: sec.community.id });
    await db.updateTable('accounts').set({ organisation_id: org.id }).where('id', '=', contact.id).execute();
    partnerCookie = await loginAs(env.app, contact.username);
    partyCookie = (await actorIn(env, 'party_member', sec.community)).cookie;
  });
  afterAll(async () => env.close());

  it('walks a wish from the phone to thanks: encrypted phone, initial in public, steps with audit and events', async () => {
    const w = await raise();
    expect(w.link).toBe(`/h5/wish/${w.code}#k=${w.key}`);
    const row = await env.ctx.db.selectFrom('wishes').selectAll().where('id', '=', w.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'draft', source: 'resident', public_initial: '王**', resident_phone_masked: '138****0001' });
    expect(env.ctx.pii.decrypt(row.resident_phone_enc!)).toBe('13893110001');
    expect(row.tracking_hash).not.toContain(w.code);

    // Not on the wall before the staff check.
    expect((await httpAs(env.app).get(`/api/public/communities/${communityCode}/wishes`)).json().items).toEqual([]);
    const list = await as(sec.cookie).get('/api/wishes?status=draft');
    expect(list.json()).toMatchObject({
      total: 1,
      items: [{ id: w.id, residentName: '王秀英', residentPhoneMasked: '138****0001', compoundName: '窑洲小区' }],
    });
    expect(list.body).not.toContain('13893110001');
    expect(list.body).not.toContain(w.code);

    const published = await as(sec.cookie).post(`/api/wishes/${w.id}/publish`, { shared: false, dueOn: '2099-06-01' });
    expect(published.statusCode, published.body).toBe(200);
    const wall = await httpAs(env.app).get(`/api/public/communities/${communityCode}/wishes`);
    expect(wall.json().items).toEqual([expect.objectContaining({ id: w.id, initial: '王**', text: '想要一台收音机，听听秦腔', status: 'published' })]);
    expect(wall.body).not.toMatch(/王秀英|138|窑洲小区/);

    const mine = await as(partnerCookie).get('/api/wishes/mine');
    expect(mine.json().claimable.map((x: { id: number }) => x.id)).toContain(w.id);
    const claimed = await as(partnerCookie).post(`/api/wishes/${w.id}/claim`, { shareNote: '送一台收音机' });
    expect(claimed.statusCode, claimed.body).toBe(200);
    expect(claimed.json().claims).toEqual([expect.objectContaining({ claimantKind: 'partner', partnerId, shareNote: '送一台收音机', channel: 'phone' })]);

    // A second claim where one is allowed: a clear error, nothing written.
    const before = await Promise.all([count('wish_claims'), count('wish_events'), count('audit_log'), count('outbox')]);
    const second = await as(partyCookie).post(`/api/wishes/${w.id}/claim`, {});
    expect(second.statusCode).toBe(409);
    expect(second.json().error).toMatchObject({ code: 'WISH_ALREADY_CLAIMED', message: '这个心愿已经有人认领了（或您已认领过）' });
    expect(await Promise.all([count('wish_claims'), count('wish_events'), count('audit_log'), count('outbox')])).toEqual(before);
    // Someone else's claim is not theirs to fulfil.
    expect((await as(partyCookie).post(`/api/wishes/${w.id}/fulfil`, { note: '我送到了' })).statusCode).toBe(404);

    const boundary = 'wish' + Date.now();
    const photo = await env.app.inject({
      method: 'POST',
      url: `/api/wishes/${w.id}/photos`,
      headers: { cookie: partnerCookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="photos"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n`),
        pngWithText(),
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]),
    });
    expect(photo.statusCode, photo.body).toBe(200);
    expect(photo.json().photoIds).toHaveLength(1);
    const noNote = await as(partnerCookie).post(`/api/wishes/${w.id}/fulfil`, { note: ' ' });
    expect(noNote.json().error.details.fields[0]).toMatchObject({ field: 'note' });
    const fulfilled = await as(partnerCookie).post(`/api/wishes/${w.id}/fulfil`, { note: '收音机已送到王阿姨家，调好了频道' });
    expect(fulfilled.json()).toMatchObject({ status: 'fulfilled', resultNote: '收音机已送到王阿姨家，调好了频道' });

    const pub = httpAs(env.app);
    const wrong = await env.app.inject({
      method: 'POST',
      url: `/api/public/wishes/${w.code}/confirm`,
      headers: { 'x-tracking-key': 'nope' },
      payload: { thanks: '谢谢' },
    });
    expect(wrong.json().error.code).toBe('TRACKING_PROOF_INVALID');
    expect((await pub.post(`/api/public/wishes/${w.code}/confirm`, { thanks: '谢谢' })).json().error.details.fields[0].field).toBe('trackingKey');
    const thanked = await env.app.inject({
      method: 'POST',
      url: `/api/public/wishes/${w.code.toLowerCase()}/confirm`,
      headers: { 'x-tracking-key': w.key },
      payload: { thanks: '谢谢兰州银行的同志们！' },
    });
    expect(thanked.statusCode, thanked.body).toBe(200);
    expect(thanked.json()).toMatchObject({ status: 'confirmed', thanks: '谢谢兰州银行的同志们！', canConfirm: false, claimants: [expect.any(String)] });
    expect(thanked.json().events.map((e: { action: string }) => e.action)).toEqual(['raise', 'publish', 'claim', 'photos_added', 'fulfil', 'confirm']);

    const detail = (await as(sec.cookie).get(`/api/wishes/${w.id}`)).json();
    expect(detail.events.map((e: { toStatus: string | null }) => e.toStatus)).toEqual(['draft', 'published', 'claimed', null, 'fulfilled', 'confirmed']);
    const audit = await env.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'wish')
      .where('entity_id', '=', String(w.id))
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['wish.raise', 'wish.publish', 'wish.claim', 'wish.photos_added', 'wish.fulfil', 'wish.confirm']);
    const allAudit = JSON.stringify(await env.ctx.db.selectFrom('audit_log').selectAll().where('entity_type', '=', 'wish').execute());
    expect(allAudit).not.toMatch(new RegExp(`13893110001|${w.code}|${w.key.replace(/[-_]/g, '.')}`));
    const events = await env.ctx.db.selectFrom('outbox').select(['name', 'payload']).where('name', 'like', 'wish.%').orderBy('id').execute();
    expect(events.map((e) => e.name)).toEqual(['wish.published', 'wish.claimed', 'wish.fulfilled', 'wish.confirmed']);
    expect(JSON.stringify(events)).not.toContain(w.code);
  });

  it('refuses claims on drafts and withdrawn wishes; lets several share a shared wish; staff record claims', async () => {
    const draft = await raise({ text: '孩子想要一套课外读物' });
    const onDraft = await as(partyCookie).post(`/api/wishes/${draft.id}/claim`, {});
    expect(onDraft.json().error).toMatchObject({ code: 'WISH_NOT_CLAIMABLE' });
    const noReason = await as(sec.cookie).post(`/api/wishes/${draft.id}/withdraw`, { reason: '' });
    expect(noReason.json().error.details.fields[0]).toMatchObject({ field: 'reason' });
    expect((await as(sec.cookie).post(`/api/wishes/${draft.id}/withdraw`, { reason: '居民已自行解决' })).json().status).toBe('withdrawn');
    const before = await count('wish_claims');
    const onWithdrawn = await as(partnerCookie).post(`/api/wishes/${draft.id}/claim`, {});
    expect(onWithdrawn.statusCode).toBe(409);
    expect(onWithdrawn.json().error).toMatchObject({ code: 'WISH_NOT_CLAIMABLE', message: '这个心愿现在不能认领（未发布、已撤回、已过期或已完成）' });
    expect(await count('wish_claims')).toBe(before);

    const staffRecorded = await as(sec.cookie).post('/api/wishes', {
      source: 'meeting',
      meetingTitle: '窑洲社区居民议事会',
      residentName: '李大爷',
      text: '楼道里想装一个扶手',
      value: 600,
    });
    expect(staffRecorded.statusCode, staffRecorded.body).toBe(201);
    const id = staffRecorded.json().id;
    expect(staffRecorded.json()).toMatchObject({ status: 'draft', source: 'meeting', publicInitial: '李**', residentPhoneMasked: null });
    expect((await as(sec.cookie).post(`/api/wishes/${id}/publish`, { shared: true, dueOn: '2000-01-01' })).json().error.details.fields[0].field).toBe('dueOn');
    expect((await as(sec.cookie).post(`/api/wishes/${id}/publish`, { shared: true })).json()).toMatchObject({ status: 'published', shared: true });
    expect((await as(partyCookie).post(`/api/wishes/${id}/claim`, { shareNote: '出工安装', shareValue: 200 })).statusCode).toBe(200);
    expect((await as(partyCookie).post(`/api/wishes/${id}/claim`, {})).json().error.code).toBe('WISH_ALREADY_CLAIMED');
    const team = await as(sec.cookie).post(`/api/wishes/${id}/claims`, {
      claimantKind: 'partner',
      claimantName: '兰州银行',
      partnerId,
      shareNote: '出材料费',
      shareValue: 400,
    });
    expect(team.json().claims).toHaveLength(2);
    expect((await as(partnerCookie).post(`/api/wishes/${id}/claim`, {})).json().error.code).toBe('WISH_ALREADY_CLAIMED');
    const badValue = await as(sec.cookie).post(`/api/wishes/${id}/claims`, { claimantKind: 'volunteer', claimantName: '志愿者', shareValue: -5 });
    expect(badValue.json().error.details.fields[0]).toMatchObject({ field: 'shareValue', message: expect.stringContaining('认领价值') });
    expect((await as(sec.cookie).post(`/api/wishes/${id}/fulfil`, { note: '扶手已装好' })).json().status).toBe('fulfilled');
    expect((await as(sec.cookie).post(`/api/wishes/${id}/confirm`, { thanks: '李大爷说谢谢' })).json().status).toBe('confirmed');
    expect(await wishNeed(env.ctx.db, scopeOfCommunity(sec.community.id), id)).toEqual({
      text: '楼道里想装一个扶手',
      category: null,
      placeId: null,
      communityId: sec.community.id,
    });
    expect(await wishNeed(env.ctx.db, scopeOfCommunity(sec.community.id + 999), id)).toBeUndefined();
  });

  it("answers 404 for another community's wish, 403 without the permission", async () => {
    const w = await raise({ text: '想学用智能手机' });
    const other = await actorIn(env, 'secretary');
    expect((await as(other.cookie).get(`/api/wishes/${w.id}`)).statusCode).toBe(404);
    expect((await as(other.cookie).post(`/api/wishes/${w.id}/publish`, {})).statusCode).toBe(404);
    expect((await as(partyCookie).get('/api/wishes')).statusCode).toBe(403);
    expect(
      (await httpAs(env.app).post('/api/public/wishes', { communityCode: 'nope', residentName: '张', residentPhone: '123', text: 'x' }))
        .json()
        .error.details.fields.map((f: { field: string }) => f.field)
        .sort(),
    ).toEqual(['residentPhone', 'text']);
  });

  it('expires unclaimed wishes past due and reminds claimants before and on the day, each once', async () => {
    const record = async (text: string) => ({
      id: (await as(sec.cookie).post('/api/wishes', { source: 'grid_worker', residentName: '赵奶奶', residentPhone: '13893110002', text })).json().id as number,
    });
    const late = await record('想要一个助行器');
    await as(sec.cookie).post(`/api/wishes/${late.id}/publish`, { dueOn: '2099-01-10' });
    const soon = await record('想有人陪着去医院复查');
    await as(sec.cookie).post(`/api/wishes/${soon.id}/publish`, { dueOn: '2099-01-10' });
    await as(partyCookie).post(`/api/wishes/${soon.id}/claim`, {});
    expect(await expireWishes(env.ctx, new Date('2099-01-10T08:00:00+08:00'))).toBe(0);
    expect(await expireWishes(env.ctx, new Date('2099-01-11T08:00:00+08:00'))).toBe(1);
    expect((await as(sec.cookie).get(`/api/wishes/${late.id}`)).json().status).toBe('expired');
    expect(await remindClaimants(env.ctx, new Date('2099-01-07T08:00:00+08:00'))).toBe(0);
    expect(await remindClaimants(env.ctx, new Date('2099-01-08T08:00:00+08:00'))).toBe(1);
    expect(await remindClaimants(env.ctx, new Date('2099-01-08T09:00:00+08:00'))).toBe(0);
    expect(await remindClaimants(env.ctx, new Date('2099-01-10T08:00:00+08:00'))).toBe(1);
    const reminders = await env.ctx.db.selectFrom('outbox').select('payload').where('name', '=', 'wish.reminder').execute();
    expect(reminders.map((r) => (typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload).kind)).toEqual(['due_soon', 'due']);
  });

  it('prints the 微心愿台账 with words, initials, values and typed dates; counts on the dashboard', async () => {
    const started = await as(sec.cookie).post('/api/ledger/exports', { register: 'wishes' });
    expect(started.statusCode, started.body).toBe(202);
    await runBackgroundJobs(env.ctx);
    const file = await env.app.inject({ url: `/api/ledger/exports/${started.json().id}/file`, headers: { cookie: sec.cookie } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.name).toBe('微心愿台账');
    const header = (sheet.getRow(3).values as unknown[]).slice(1) as string[];
    const rows = Array.from({ length: sheet.rowCount - 3 }, (_, i) => Object.fromEntries(header.map((h, c) => [h, sheet.getRow(4 + i).getCell(c + 1).value])));
    const first = rows.find((r) => r['心愿内容'] === '想要一台收音机，听听秦腔')!;
    expect(first).toMatchObject({ 心愿人: '王**', 小区: '窑洲小区', 来源: '居民手机提交', 类别: '生活用品', '价值（元）': 120, 状态: '已确认' });
    expect(first['认领方']).toContain('（共建单位）：送一台收音机');
    expect(first['提出时间']).toBeInstanceOf(Date);
    const text = JSON.stringify(sheet.getSheetValues());
    expect(text).not.toMatch(/王秀英|13893110001|confirmed|daily_goods/);
    const dash = (await as(sec.cookie).get('/api/dashboard/community')).json();
    expect(dash.wishes).toEqual({ raised: 6, fulfilled: 2, value: 720 });
  });
});
