import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureCategoriesIn } from '../tickets/index.js';
import { trustedCommunityId } from '../../platform/access/trusted-scope.js';
import { actorIn, createTestEnv, httpAs, signedInAccount, type TestEnv } from '../../../test/harness.js';
import { buildGrid, buildResident } from '../../../test/fixtures.js';

describe('matching (供需对接)', () => {
  let env: TestEnv;
  let secretary: Awaited<ReturnType<typeof actorIn>>;
  let volunteer: Awaited<ReturnType<typeof signedInAccount>>;
  let needId: number;
  let compoundId: number;
  const sec = () => httpAs(env.app, secretary);

  beforeAll(async () => {
    env = await createTestEnv();
    secretary = await actorIn(env, 'secretary');
    const cid = secretary.community.id;
    const db = env.ctx.db;
    const elder = await buildResident(env.ctx, cid, { name: '赵桂芳' });
    const place = await db
      .selectFrom('households as h')
      .innerJoin('units as u', 'u.id', 'h.unit_id')
      .innerJoin('buildings as b', 'b.id', 'u.building_id')
      .select('b.compound_id')
      .where('h.id', '=', elder.household_id!)
      .executeTakeFirstOrThrow();
    compoundId = place.compound_id;
    const grid = await buildGrid(env.ctx, cid);
    await db.updateTable('compounds').set({ grid_id: grid.id }).where('id', '=', compoundId).execute();
    // A volunteer living in the same household's compound, who takes orders on the phone.
    volunteer = await signedInAccount(env, 'volunteer', cid);
    const neighbour = await db
      .insertInto('residents')
      .values({ community_id: cid, household_id: elder.household_id, name: '刘志愿', gender: 'male', birth_date: null, relation: null, notes: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.updateTable('accounts').set({ resident_id: neighbour.id, display_name: '刘志愿' }).where('id', '=', volunteer.account.id).execute();
    await db
      .insertInto('partners')
      .values([
        { community_id: cid, name: '惠民超市', kind: 'merchant', description: '提供代购、跑腿服务' },
        { community_id: cid, name: '明理律师事务所', kind: 'enterprise', description: '法律咨询、纠纷调解' },
      ])
      .execute();
    await db
      .insertInto('resources')
      .values({
        community_id: cid,
        title: '小区代购跑腿',
        description: '帮行动不便的老人买菜买药',
        category: 'errands',
        kind: 'service',
        provider_kind: 'team',
        provider_name: '红马甲',
        compound_id: compoundId,
      })
      .execute();
    await db
      .insertInto('party_members')
      .values({ community_id: cid, resident_id: neighbour.id, status: 'in_service', work_unit: '市第一人民医院', grid_id: null, joined_on: null })
      .execute();
    const need = await sec().post('/api/help-needs', { residentId: elder.id, helpCategory: 'errands', request: '帮老人买菜' });
    needId = need.json().id;
  });
  afterAll(async () => env.close());

  it('ranks the same-compound service first with its reason; 帮老人买菜 meets 代购/跑腿; a lawyer is not suggested', async () => {
    const res = await sec().get(`/api/matches?needKind=help_need&needId=${needId}`);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { candidateKind: string; name: string; reason: Record<string, string>; claimantAccountId: number | null }[];
    expect(items[0]).toMatchObject({ candidateKind: 'resource', name: '小区代购跑腿（红马甲）' });
    expect(items[0]!.reason['zh-CN']).toBe('同小区 · 服务类别相符 · 关键词：代购');
    expect(items[0]!.reason.en).toBe('same compound · service category matches · keywords: 代购');
    const market = items.find((i) => i.name === '惠民超市');
    expect(market?.reason['zh-CN']).toBe('服务类别相符 · 关键词：代购');
    expect(items.find((i) => i.candidateKind === 'volunteer')).toMatchObject({ name: '刘志愿', claimantAccountId: volunteer.account.id });
    expect(items.map((i) => i.name)).not.toContain('明理律师事务所');
    // No sealed text in the answer.
    expect(res.body).not.toContain('赵桂芳');
  });

  it('suggests for a ticket by its words, and answers 404 for another community’s need', async () => {
    const categories = await ensureCategoriesIn(env.ctx.db, trustedCommunityId(secretary.community.id));
    const ticket = await sec().post('/api/tickets', {
      channel: 'walk_in',
      categoryId: categories[0]!.id,
      title: '邻里纠纷',
      description: '楼上楼下因噪音发生纠纷，需要法律咨询',
    });
    expect(ticket.statusCode).toBe(201);
    const res = await sec().get(`/api/matches?needKind=ticket&needId=${ticket.json().id}`);
    expect(res.json().items[0]).toMatchObject({ name: '明理律师事务所', candidateKind: 'partner' });
    expect(res.json().items[0].reason['zh-CN']).toContain('关键词：法律');

    const other = await actorIn(env, 'secretary');
    const stranger = await buildResident(env.ctx, other.community.id);
    const theirs = (await httpAs(env.app, other).post('/api/help-needs', { residentId: stranger.id, helpCategory: 'errands', request: '买菜' })).json();
    expect((await sec().get(`/api/matches?needKind=help_need&needId=${theirs.id}`)).statusCode).toBe(404);
    expect((await sec().get(`/api/matches?needKind=wish&needId=1`)).statusCode).toBe(404);
  });

  it('sends an order the claimant accepts and finishes on the phone; staff record the rating; each step on the timeline and audit', async () => {
    const v = httpAs(env.app, volunteer);
    const bad = await sec().post('/api/match-orders', {
      needKind: 'help_need',
      needId,
      candidateKind: 'volunteer',
      candidateId: volunteer.account.id,
      claimantAccountId: secretary.account.id,
    });
    expect(bad.json().error.details.fields[0]).toMatchObject({ field: 'claimantAccountId', rule: 'invalid_option' });
    const sent = await sec().post('/api/match-orders', {
      needKind: 'help_need',
      needId,
      candidateKind: 'volunteer',
      candidateId: volunteer.account.id,
      claimantAccountId: volunteer.account.id,
      note: '周三上午',
    });
    expect(sent.statusCode).toBe(201);
    const order = sent.json();
    expect(order).toMatchObject({ status: 'sent', needSummary: '代购跑腿', candidateName: '刘志愿', claimantName: '刘志愿' });

    const mine = await v.get('/api/match-orders');
    expect(mine.json().items.map((o: { id: number }) => o.id)).toEqual([order.id]);
    expect((await v.post(`/api/match-orders/${order.id}/steps`, { action: 'done' })).statusCode).toBe(409);
    expect((await sec().post(`/api/match-orders/${order.id}/steps`, { action: 'accept' })).statusCode).toBe(403);
    expect((await v.post(`/api/match-orders/${order.id}/steps`, { action: 'accept' })).json().status).toBe('accepted');
    expect((await v.post(`/api/match-orders/${order.id}/steps`, { action: 'done', note: '已送到' })).json().status).toBe('done');
    expect((await v.post(`/api/match-orders/${order.id}/steps`, { action: 'rate', rating: 5 })).statusCode).toBe(403);
    const noRating = await sec().post(`/api/match-orders/${order.id}/steps`, { action: 'rate' });
    expect(noRating.json().error.details.fields[0]).toMatchObject({ field: 'rating', rule: 'required' });
    const rated = await sec().post(`/api/match-orders/${order.id}/steps`, { action: 'rate', rating: 5, note: '老人很满意' });
    expect(rated.json()).toMatchObject({ status: 'rated', rating: 5 });

    const events = await env.ctx.db.selectFrom('match_order_events').select('action').where('order_id', '=', order.id).orderBy('id').execute();
    expect(events.map((e) => e.action)).toEqual(['sent', 'accept', 'done', 'rate']);
    const audit = await env.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'match_order')
      .where('entity_id', '=', String(order.id))
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['match_order.sent', 'match_order.accept', 'match_order.done', 'match_order.rate']);

    // Another claimant does not see it; another community's staff gets 404.
    const otherVolunteer = await signedInAccount(env, 'volunteer', secretary.community.id);
    expect((await httpAs(env.app, otherVolunteer).get(`/api/match-orders/${order.id}`)).statusCode).toBe(404);
    expect((await httpAs(env.app, otherVolunteer).get('/api/match-orders')).json().total).toBe(0);
    const other = await actorIn(env, 'secretary');
    expect((await httpAs(env.app, other).get(`/api/match-orders/${order.id}`)).statusCode).toBe(404);
    expect((await httpAs(env.app, other).post(`/api/match-orders/${order.id}/steps`, { action: 'cancel' })).statusCode).toBe(404);
  });
});
