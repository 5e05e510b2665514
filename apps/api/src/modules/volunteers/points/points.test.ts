import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorIn, buildAccount, createTestEnv, engineUnderTest, httpAs, loginAs, type TestEnv } from '../../../../test/harness.js';
import { drainOutbox } from '../../../../test/jobs.js';
import { trustedCommunityId } from '../../../platform/access/trusted-scope.js';
import { ensureVolunteer, recordServiceHours } from '../index.js';
import { subscribePoints } from './index.js';
import { expirePoints } from './expiry.js';
import { expireRedemptions } from './redemptions.service.js';
import { earnForHours } from './earn.js';

let env: TestEnv;
let sec: Awaited<ReturnType<typeof actorIn>>;
let merchantId: number;
let otherMerchantId: number;
let contact: string;
const as = (cookie: string) => httpAs(env.app, cookie);

/** A volunteer with a login, in the secretary's community. */
async function volunteer(name: string) {
  const account = await buildAccount(env.ctx, { role: 'volunteer', communityId: sec.community.id });
  const cid = trustedCommunityId(sec.community.id);
  const id = await env.ctx.db.transaction().execute((trx) => ensureVolunteer(trx, cid, { accountId: account.id, name, by: sec.account.id }));
  return { id, account, cookie: await loginAs(env.app, account.username) };
}

const adjust = (volunteerId: number, amount: number, reason = '初始积分') => as(sec.cookie).post('/api/points/adjustments', { volunteerId, amount, reason });
const balance = async (cookie: string, volunteerId?: number) =>
  (await as(cookie).get(`/api/points/balance${volunteerId ? `?volunteerId=${volunteerId}` : ''}`)).json().balance as number;
const countOf = async (table: 'points_entries' | 'redemptions' | 'perks') =>
  Number(
    (
      await env.ctx.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

async function perk(fields: Partial<{ title: string; pricePoints: number; stock: number; validFrom: string; validTo: string; partnerId: number }> = {}) {
  const res = await as(sec.cookie).post('/api/perks', {
    partnerId: merchantId,
    title: '理发一次',
    terms: '凭兑换码到店，工作日可用',
    pricePoints: 10,
    stock: 5,
    validFrom: '2026-01-01',
    validTo: '2099-12-31',
    ...fields,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number; stock: number };
}

beforeAll(async () => {
  env = await createTestEnv();
  subscribePoints(env.ctx);
  sec = await actorIn(env, 'secretary');
  merchantId = (await as(sec.cookie).post('/api/partners', { name: '老街理发店', kind: 'merchant' })).json().id;
  otherMerchantId = (await as(sec.cookie).post('/api/partners', { name: '便民粮油店', kind: 'merchant' })).json().id;
  const org = await env.ctx.db
    .insertInto('organisations')
    .values({ kind: 'partner_unit', name: `老街理发店联络${Date.now()}`, community_id: sec.community.id, partner_id: merchantId })
    .returning('id')
    .executeTakeFirstOrThrow();
  const acc = await buildAccount(env.ctx, { role: 'partner_contact', communityId: sec.community.id });
  await env.ctx.db.updateTable('accounts').set({ organisation_id: org.id }).where('id', '=', acc.id).execute();
  contact = await loginAs(env.app, acc.username);
}, 180_000);
afterAll(async () => env?.close());

describe(`points ledger (${engineUnderTest})`, () => {
  it('earns 1 point per counted hour (capped at 2 h per activity) on the hours event, once per entry, as a double entry', async () => {
    const v = await volunteer('张晓燕');
    const cid = trustedCommunityId(sec.community.id);
    const ids = await env.ctx.db.transaction().execute(async (trx) => [
      await recordServiceHours(trx, cid, {
        volunteerId: v.id,
        source: { kind: 'activity', id: null, title: '重阳节敬老活动' },
        startedAt: new Date('2026-11-01T09:00:00+08:00'),
        endedAt: new Date('2026-11-01T12:00:00+08:00'),
        recordedBy: sec.account.id,
      }),
      await recordServiceHours(trx, cid, {
        volunteerId: v.id,
        source: { kind: 'task', id: null, title: '整理图书角' },
        startedAt: new Date('2026-11-02T09:00:00+08:00'),
        endedAt: new Date('2026-11-02T09:30:00+08:00'),
        recordedBy: sec.account.id,
      }),
    ]);
    await drainOutbox(env.ctx);
    expect(await balance(v.cookie)).toBe(2.5);
    // The same event again (at-least-once delivery) changes nothing.
    await earnForHours(env.ctx, { communityId: cid, volunteerId: v.id, entryId: ids[0]!, hours: 3, sourceKind: 'activity' });
    expect(await balance(v.cookie)).toBe(2.5);
    const rows = await env.ctx.db.selectFrom('points_entries').selectAll().where('volunteer_id', '=', v.id).orderBy('id').execute();
    expect(rows.map((r) => [r.kind, Number(r.delta), r.debit_account, r.credit_account, r.source_kind, r.author_id])).toEqual([
      ['earned', 2, 'community_pool', `volunteer:${v.id}`, 'service_hours', null],
      ['earned', 0.5, 'community_pool', `volunteer:${v.id}`, 'service_hours', null],
    ]);
    // A correction reverses the old entry's points (a new entry, never an edit) and earns the new ones.
    await earnForHours(env.ctx, { communityId: cid, volunteerId: v.id, entryId: ids[1]! + 1000, hours: 1, sourceKind: 'task', correctsEntryId: ids[1]! });
    expect(await balance(v.cookie)).toBe(3);
    const reversal = await env.ctx.db
      .selectFrom('points_entries')
      .selectAll()
      .where('volunteer_id', '=', v.id)
      .where('kind', '=', 'adjusted')
      .executeTakeFirstOrThrow();
    expect(Number(reversal.delta)).toBe(-0.5);
  });

  it('staff adjust with a reason; taking more than the balance is refused and writes nothing; others see 404', async () => {
    const v = await volunteer('李建国');
    const added = await adjust(v.id, 30, '社区表彰奖励');
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json().balance).toBe(30);
    const before = await countOf('points_entries');
    const tooMuch = await adjust(v.id, -31, '误记扣回');
    expect(tooMuch.statusCode).toBe(409);
    expect(tooMuch.json().error.code).toBe('POINTS_INSUFFICIENT');
    expect(await countOf('points_entries')).toBe(before);
    const noReason = await adjust(v.id, 5, '');
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details.fields[0].field).toBe('reason');
    // A volunteer may not adjust; another community's secretary gets 404.
    expect((await as(v.cookie).post('/api/points/adjustments', { volunteerId: v.id, amount: 5, reason: '自己加分' })).statusCode).toBe(403);
    const other = await actorIn(env, 'secretary');
    expect((await as(other.cookie).post('/api/points/adjustments', { volunteerId: v.id, amount: 5, reason: '跨社区' })).statusCode).toBe(404);
    // A volunteer reads only their own balance.
    const w = await volunteer('王小红');
    expect((await as(w.cookie).get(`/api/points/balance?volunteerId=${v.id}`)).statusCode).toBe(404);
    const audit = await env.ctx.db
      .selectFrom('audit_log')
      .select(['reason'])
      .where('action', '=', 'points.adjusted')
      .where('entity_id', '=', String(v.id))
      .execute();
    expect(audit.map((a) => a.reason)).toEqual(['社区表彰奖励']);
  });

  it('a monthly statement: opening balance, the month entries, closing balance', async () => {
    const v = await volunteer('赵桂芬');
    const cid = trustedCommunityId(sec.community.id);
    await env.ctx.db
      .insertInto('points_entries')
      .values([
        {
          community_id: cid,
          volunteer_id: v.id,
          kind: 'earned',
          debit_account: 'community_pool',
          credit_account: `volunteer:${v.id}`,
          amount: 10,
          delta: 10,
          reason: '十月服务',
          author_id: null,
          source_kind: null,
          source_id: null,
          occurred_at: new Date('2026-10-20T10:00:00+08:00'),
        },
        {
          community_id: cid,
          volunteer_id: v.id,
          kind: 'earned',
          debit_account: 'community_pool',
          credit_account: `volunteer:${v.id}`,
          amount: 4,
          delta: 4,
          reason: '十一月服务',
          author_id: null,
          source_kind: null,
          source_id: null,
          occurred_at: new Date('2026-11-01T00:00:00+08:00'),
        },
        {
          community_id: cid,
          volunteer_id: v.id,
          kind: 'spent',
          debit_account: `volunteer:${v.id}`,
          credit_account: 'perk:1',
          amount: 5,
          delta: -5,
          reason: '兑换',
          author_id: null,
          source_kind: null,
          source_id: null,
          occurred_at: new Date('2026-11-30T23:59:00+08:00'),
        },
        {
          community_id: cid,
          volunteer_id: v.id,
          kind: 'earned',
          debit_account: 'community_pool',
          credit_account: `volunteer:${v.id}`,
          amount: 2,
          delta: 2,
          reason: '十二月服务',
          author_id: null,
          source_kind: null,
          source_id: null,
          occurred_at: new Date('2026-12-01T00:00:00+08:00'),
        },
      ])
      .execute();
    const res = await as(sec.cookie).get(`/api/points/statement?volunteerId=${v.id}&month=2026-11`);
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json();
    expect([s.openingBalance, s.earned, s.spent, s.closingBalance, s.balanceNow]).toEqual([10, 4, 5, 9, 11]);
    expect(s.entries.map((e: { reason: string }) => e.reason)).toEqual(['十一月服务', '兑换']);
    // The volunteer's own, on the phone.
    const mine = (await as(v.cookie).get('/api/points/me?month=2026-11')).json();
    expect(mine.balance).toBe(11);
    expect(mine.statement.closingBalance).toBe(9);
    expect((await as(sec.cookie).get(`/api/points/statement?volunteerId=${v.id}&month=2026-13`)).json().error.details.fields[0].field).toBe('month');
    // The double entry holds in the database: a row whose delta disagrees with its accounts is refused.
    await expect(
      env.ctx.db
        .insertInto('points_entries')
        .values({
          community_id: cid,
          volunteer_id: v.id,
          kind: 'earned',
          debit_account: 'community_pool',
          credit_account: `volunteer:${v.id}`,
          amount: 3,
          delta: -3,
          reason: 'x',
          author_id: null,
          source_kind: null,
          source_id: null,
        })
        .execute(),
    ).rejects.toThrow();
  });

  it('expires points FIFO after N months with a fixed clock, once', async () => {
    const v = await volunteer('孙大伟');
    const cid = trustedCommunityId(sec.community.id);
    const row = (amount: number, delta: number, kind: 'earned' | 'spent', at: string) => ({
      community_id: cid,
      volunteer_id: v.id,
      kind,
      debit_account: delta > 0 ? 'community_pool' : `volunteer:${v.id}`,
      credit_account: delta > 0 ? `volunteer:${v.id}` : 'perk:1',
      amount,
      delta,
      reason: kind,
      author_id: null,
      source_kind: null,
      source_id: null,
      occurred_at: new Date(at),
    });
    // 10 earned in Jan 2024 and 8 in Jun 2025; 6 spent in 2025 (taken from the oldest lot first).
    await env.ctx.db
      .insertInto('points_entries')
      .values([
        row(10, 10, 'earned', '2024-01-10T10:00:00+08:00'),
        row(8, 8, 'earned', '2025-06-10T10:00:00+08:00'),
        row(6, -6, 'spent', '2025-07-01T10:00:00+08:00'),
      ])
      .execute();
    const put = await as(sec.cookie).put('/api/points/rules', {
      pointsPerHour: 1,
      hourCapPerActivity: 2,
      pointsPerWish: 0,
      roleBonus: {},
      expiryMonths: 24,
      redemptionValidDays: 7,
    });
    expect(put.statusCode, put.body).toBe(200);
    const now = new Date('2026-02-01T00:00:00Z');
    await expirePoints(env.ctx, now);
    expect(await balance(sec.cookie, v.id)).toBe(8);
    const expired = await env.ctx.db.selectFrom('points_entries').selectAll().where('volunteer_id', '=', v.id).where('kind', '=', 'expired').execute();
    expect(expired.map((e) => [Number(e.delta), e.credit_account])).toEqual([[-4, 'expired']]);
    await expirePoints(env.ctx, now);
    expect(await balance(sec.cookie, v.id)).toBe(8);
    // Switched off, nothing more runs out.
    await as(sec.cookie).put('/api/points/rules', {
      pointsPerHour: 1,
      hourCapPerActivity: 2,
      pointsPerWish: 0,
      roleBonus: {},
      expiryMonths: null,
      redemptionValidDays: 7,
    });
    await expirePoints(env.ctx, new Date('2030-01-01T00:00:00Z'));
    expect(await balance(sec.cookie, v.id)).toBe(8);
  });
});

describe(`perks and redemptions (${engineUnderTest})`, () => {
  it('a volunteer redeems: stock, balance and the redemption change together; the code is shown once; the merchant honours it once', async () => {
    const v = await volunteer('周丽');
    await adjust(v.id, 25);
    const p = await perk({ title: '理发一次', pricePoints: 10, stock: 2 });
    const res = await as(v.cookie).post('/api/redemptions', { perkId: p.id });
    expect(res.statusCode, res.body).toBe(201);
    const { code, redemption } = res.json();
    expect(code).toMatch(/^\d{8}$/);
    expect(redemption.status).toBe('issued');
    expect(await balance(v.cookie)).toBe(15);
    expect((await as(sec.cookie).get(`/api/perks/${p.id}`)).json().stock).toBe(1);
    // Only the hash is stored; the code is in no list or audit row.
    const row = await env.ctx.db.selectFrom('redemptions').selectAll().where('id', '=', redemption.id).executeTakeFirstOrThrow();
    expect(row.code_hash).not.toContain(code);
    expect((await as(v.cookie).get('/api/redemptions?mine=true')).body).not.toContain(code);
    const audits = await env.ctx.db.selectFrom('audit_log').select(['changes']).where('entity_type', '=', 'redemption').execute();
    expect(JSON.stringify(audits)).not.toContain(code);
    // Wrong code: one answer, nothing changed. Another merchant's contact cannot honour it either.
    const wrong = await as(contact).post('/api/redemptions/confirm', { code: code === '00000000' ? '11111111' : '00000000' });
    expect(wrong.statusCode).toBe(404);
    expect(wrong.json().error.code).toBe('REDEMPTION_CODE_INVALID');
    const ok = await as(contact).post('/api/redemptions/confirm', { code });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().status).toBe('redeemed');
    const again = await as(contact).post('/api/redemptions/confirm', { code });
    expect(again.json().error.code).toBe('REDEMPTION_CODE_INVALID');
    // The merchant sees its redemptions; the volunteer sees their own.
    const seen = (await as(contact).get('/api/redemptions')).json();
    expect(seen.items.every((r: { partnerId: number }) => r.partnerId === merchantId)).toBe(true);
    expect(seen.items.some((r: { id: number }) => r.id === redemption.id)).toBe(true);
  });

  it('refuses too few points, an expired perk and an empty stock, each clearly and changing nothing', async () => {
    const v = await volunteer('吴海');
    await adjust(v.id, 5);
    const dear = await perk({ title: '砂锅一只', pricePoints: 90, stock: 3 });
    const old = await perk({ title: '过期菜篮', pricePoints: 5, stock: 3, validFrom: '2025-01-01', validTo: '2025-12-31' });
    const none = await perk({ title: '售罄脸盆', pricePoints: 4, stock: 0 });
    const before = { entries: await countOf('points_entries'), redemptions: await countOf('redemptions') };
    const poor = await as(v.cookie).post('/api/redemptions', { perkId: dear.id });
    expect([poor.statusCode, poor.json().error.code]).toEqual([409, 'POINTS_INSUFFICIENT']);
    expect(poor.json().error.message).toBeTruthy();
    expect((await as(sec.cookie).get(`/api/perks/${dear.id}`)).json().stock).toBe(3);
    const expired = await as(v.cookie).post('/api/redemptions', { perkId: old.id });
    expect([expired.statusCode, expired.json().error.code]).toEqual([409, 'PERK_EXPIRED']);
    const out = await as(v.cookie).post('/api/redemptions', { perkId: none.id });
    expect([out.statusCode, out.json().error.code]).toEqual([409, 'PERK_OUT_OF_STOCK']);
    expect({ entries: await countOf('points_entries'), redemptions: await countOf('redemptions') }).toEqual(before);
    expect(await balance(v.cookie)).toBe(5);
    // Bad perk input names the field; another community's perk is 404.
    const bad = await as(sec.cookie).post('/api/perks', {
      partnerId: merchantId,
      title: '日期反了',
      pricePoints: 5,
      stock: 1,
      validFrom: '2026-12-31',
      validTo: '2026-01-01',
    });
    expect([bad.statusCode, bad.json().error.details.fields[0].field]).toEqual([400, 'validTo']);
    const other = await actorIn(env, 'secretary');
    expect((await as(other.cookie).get(`/api/perks/${dear.id}`)).statusCode).toBe(404);
  });

  it('a contact offers perks of its own merchant only; volunteers see only open perks', async () => {
    const own = await as(contact).post('/api/perks', {
      partnerId: merchantId,
      title: '洗剪吹八折',
      pricePoints: 8,
      stock: 10,
      validFrom: '2026-01-01',
      validTo: '2099-12-31',
    });
    expect(own.statusCode, own.body).toBe(201);
    const notOwn = await as(contact).post('/api/perks', {
      partnerId: otherMerchantId,
      title: '大米一袋',
      pricePoints: 40,
      stock: 10,
      validFrom: '2026-01-01',
      validTo: '2099-12-31',
    });
    expect(notOwn.statusCode).toBe(403);
    await as(contact).patch(`/api/perks/${own.json().id}`, { status: 'paused' });
    const v = await volunteer('郑晓');
    const list = (await as(v.cookie).get('/api/perks?pageSize=200')).json();
    expect(list.items.some((p: { id: number }) => p.id === own.json().id)).toBe(false);
    expect(list.items.every((p: { status: string; validTo: string }) => p.status === 'active' && p.validTo >= today())).toBe(true);
  });

  it('cancel and expiry return the stock and refund the points as new entries', async () => {
    const v = await volunteer('陈思');
    await adjust(v.id, 20);
    const p = await perk({ title: '药店代金', pricePoints: 6, stock: 2 });
    const a = (await as(v.cookie).post('/api/redemptions', { perkId: p.id })).json().redemption;
    const b = (await as(v.cookie).post('/api/redemptions', { perkId: p.id })).json().redemption;
    expect(await balance(v.cookie)).toBe(8);
    const cancelled = await as(v.cookie).post(`/api/redemptions/${a.id}/cancel`, { reason: '暂时用不上' });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json().status).toBe('cancelled');
    expect(await balance(v.cookie)).toBe(14);
    await expireRedemptions(env.ctx, new Date(Date.now() + 8 * 86_400_000));
    expect(await balance(v.cookie)).toBe(20);
    const after = (await as(sec.cookie).get(`/api/perks/${p.id}`)).json();
    expect(after.stock).toBe(2);
    const rows = await env.ctx.db.selectFrom('redemptions').select(['status', 'refund_entry_id']).where('id', 'in', [a.id, b.id]).orderBy('id').execute();
    expect(rows.map((r) => r.status)).toEqual(['cancelled', 'expired']);
    expect(rows.every((r) => r.refund_entry_id != null)).toBe(true);
    // Cancelling again is refused.
    expect((await as(v.cookie).post(`/api/redemptions/${a.id}/cancel`, { reason: '再取消' })).statusCode).toBe(409);
  });

  it('two volunteers redeem the last item at once: exactly one success and one clear refusal', async () => {
    const p = await perk({ title: '最后一份爱心菜篮', pricePoints: 5, stock: 1 });
    const vs = await Promise.all(['甲', '乙', '丙', '丁'].map((n) => volunteer(`抢兑${n}`)));
    for (const v of vs) await adjust(v.id, 10);
    const results = await Promise.all(vs.map((v) => as(v.cookie).post('/api/redemptions', { perkId: p.id })));
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes).toEqual([201, 409, 409, 409]);
    expect(results.filter((r) => r.statusCode === 409).every((r) => r.json().error.code === 'PERK_OUT_OF_STOCK')).toBe(true);
    expect((await as(sec.cookie).get(`/api/perks/${p.id}`)).json().stock).toBe(0);
    const spent = await Promise.all(vs.map((v) => balance(v.cookie)));
    expect(spent.sort()).toEqual([10, 10, 10, 5].sort());
  });

  it('one volunteer spending twice at once never goes below zero', async () => {
    const v = await volunteer('双花测试');
    await adjust(v.id, 10);
    const p = await perk({ title: '八折理发', pricePoints: 7, stock: 10 });
    const results = await Promise.all([1, 2, 3].map(() => as(v.cookie).post('/api/redemptions', { perkId: p.id })));
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
    expect(results.filter((r) => r.statusCode === 409).every((r) => r.json().error.code === 'POINTS_INSUFFICIENT')).toBe(true);
    expect(await balance(v.cookie)).toBe(3);
    expect((await as(sec.cookie).get(`/api/perks/${p.id}`)).json().stock).toBe(9);
  });
});
