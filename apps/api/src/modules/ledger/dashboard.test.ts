import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorIn, buildCommunity, createTestEnv, type TestEnv } from '../../../test/harness.js';
import { ensureCategories } from '../tickets/index.js';
import { periodOf } from './dashboard.service.js';
// Tests name the communities they seeded themselves.
import { trustedCommunityId } from '../../platform/access/trusted-scope.js';

const bj = (s: string) => new Date(`${s}+08:00`);
const hours = (d: Date, h: number) => new Date(d.getTime() + h * 3600_000);

describe('dashboard: the 三率 by hand', () => {
  let env: TestEnv;
  let sec: Awaited<ReturnType<typeof actorIn>>;
  let seq = 0;

  async function ticket(
    communityId: number,
    o: { created: string; respondedAfterH?: number; status: string; closeReason?: string; rating?: string; channel?: string },
  ) {
    const [cat] = await ensureCategories(env.ctx, trustedCommunityId(communityId));
    const created = bj(o.created);
    await env.ctx.db
      .insertInto('tickets')
      .values({
        community_id: communityId,
        code: `T${++seq}`,
        channel: o.channel ?? 'walk_in',
        category_id: cat!.id,
        status: o.status,
        title: `t${seq}`,
        description: 'd',
        compound_id: null,
        building_id: null,
        address_text: null,
        reporter_resident_id: null,
        reporter_name: null,
        reporter_phone_enc: null,
        reporter_phone_masked: null,
        reporter_phone_hash: null,
        meeting_title: null,
        assignee_kind: null,
        assignee_id: null,
        escalated_to_partner_id: null,
        escalation_due_at: null,
        response_due_at: hours(created, 2),
        resolution_due_at: hours(created, 24),
        first_response_at: o.respondedAfterH === undefined ? null : hours(created, o.respondedAfterH),
        resolved_at: ['closed'].includes(o.status) ? hours(created, 5) : null,
        closed_at: ['closed', 'rejected', 'merged'].includes(o.status) ? hours(created, 6) : null,
        close_reason: o.closeReason ?? null,
        merged_into_id: null,
        rating: o.rating ?? null,
        rating_comment: null,
        rated_at: null,
        result_text: null,
        created_by: null,
        created_at: created,
      })
      .execute();
  }

  beforeAll(async () => {
    env = await createTestEnv();
    sec = await actorIn(env, 'secretary');
    const c = sec.community.id;
    await ticket(c, { created: '2026-03-02T09:00:00', respondedAfterH: 1, status: 'closed', closeReason: 'rated', rating: 'satisfied' }); // T1
    await ticket(c, { created: '2026-03-02T10:00:00', respondedAfterH: 3, status: 'closed', closeReason: 'rated', rating: 'basically_satisfied' }); // T2 late
    await ticket(c, { created: '2026-03-03T10:00:00', status: 'submitted', channel: 'online' }); // T3 never answered, overdue
    await ticket(c, { created: '2026-03-04T10:00:00', respondedAfterH: 1, status: 'rejected', closeReason: 'rejected' }); // T4
    await ticket(c, { created: '2026-03-10T10:00:00', respondedAfterH: 1, status: 'closed', closeReason: 'unrated_timeout' }); // T5
    await ticket(c, { created: '2026-03-11T10:00:00', respondedAfterH: 1, status: 'closed', closeReason: 'dissatisfied_limit', rating: 'dissatisfied' }); // T6
    await ticket(c, { created: '2026-03-12T10:00:00', respondedAfterH: 1, status: 'merged', closeReason: 'merged' }); // T7, left out
    await ticket(c, { created: '2026-04-02T10:00:00', respondedAfterH: 1, status: 'closed', closeReason: 'rated', rating: 'satisfied' }); // outside the period
  });
  afterAll(async () => env.close());

  it('computes response, resolution and satisfaction as defined', async () => {
    const res = await env.app.inject({ url: '/api/dashboard/community?from=2026-03-01&to=2026-03-31', headers: { cookie: sec.cookie } });
    expect(res.statusCode).toBe(200);
    const d = res.json();
    expect(d.total).toBe(6);
    // response: T1, T4, T5, T6 in time; T2 late; T3 past its deadline unanswered → 4 / 6
    expect(d.responseRate).toEqual({ numerator: 4, denominator: 6, rate: 0.6667 });
    // resolution: T1 and T2 confirmed at follow-up; T5 unrated and T6 dissatisfied are not; T4 rejected leaves the base → 2 / 5
    expect(d.resolutionRate).toEqual({ numerator: 2, denominator: 5, rate: 0.4 });
    // satisfaction: T1 + T2 over the rated T1, T2, T6 → 2 / 3; T5 (unrated) is in neither
    expect(d.satisfactionRate).toEqual({ numerator: 2, denominator: 3, rate: 0.6667 });
    expect(d.byChannel).toEqual(
      expect.arrayContaining([
        { key: 'online', label: '网上', count: 1 },
        { key: 'walk_in', label: '阵地来访', count: 6 },
      ]),
    );
    expect(d.weekly.map((w: { week: string }) => w.week)).toEqual(['2026-W10', '2026-W11']);
    expect(d.weekly[0]).toMatchObject({ created: 4 });
    expect(d.overdue.map((o: { code: string }) => o.code)).toEqual(['T3']);
  });

  it('reads periods as whole Beijing days, the last 365 by default', () => {
    const now = bj('2026-03-10T01:30:00'); // still 9 March in UTC
    expect(periodOf(undefined, undefined, now)).toMatchObject({
      fromDay: '2025-03-11',
      toDay: '2026-03-10',
      from: bj('2025-03-11T00:00:00'),
      to: bj('2026-03-11T00:00:00'),
    });
    expect(periodOf('2026-03-01', undefined, now)).toMatchObject({ fromDay: '2026-03-01', toDay: '2026-03-10' });
    expect(periodOf(undefined, '2026-02-28', now)).toMatchObject({ fromDay: '2025-03-01', toDay: '2026-02-28' });
    expect(() => periodOf('2026-03-02', '2026-03-01', now)).toThrow();
  });

  it('ranks the communities of a subdistrict, and refuses others', async () => {
    await buildCommunity(env.ctx, { subdistrictId: sec.community.subdistrictId, name: '兄弟社区' });
    const admin = await actorIn(env, 'subdistrict_admin', sec.community);
    const d = (await env.app.inject({ url: '/api/dashboard/subdistrict?from=2026-03-01&to=2026-03-31', headers: { cookie: admin.cookie } })).json();
    expect(d.communities.map((c: { communityId: number; name: string }) => (c.communityId === sec.community.id ? 'mine' : c.name))).toEqual([
      'mine',
      '兄弟社区',
    ]);
    expect(d.communities[0]).toMatchObject({ total: 6, overdue: 1, resolutionRate: { rate: 0.4 } });
    expect(d.communities[1].resolutionRate.rate).toBeNull();
    expect((await env.app.inject({ url: '/api/dashboard/subdistrict', headers: { cookie: sec.cookie } })).statusCode).toBe(403);
    const other = await actorIn(env, 'secretary');
    expect((await env.app.inject({ url: `/api/dashboard/community?communityId=${sec.community.id}`, headers: { cookie: other.cookie } })).statusCode).toBe(404);
  });

  it('gives the system administrator a ranking: the subdistrict they choose, or every community (it used to answer 400)', async () => {
    const sys = await actorIn(env, 'system_admin', sec.community);
    const period = 'from=2026-03-01&to=2026-03-31';
    const chosen = await env.app.inject({
      url: `/api/dashboard/subdistrict?${period}&subdistrictId=${sec.community.subdistrictId}`,
      headers: { cookie: sys.cookie },
    });
    expect(chosen.statusCode).toBe(200);
    expect(chosen.json().communities[0]).toMatchObject({ communityId: sec.community.id, total: 6 });
    const all = await env.app.inject({ url: `/api/dashboard/subdistrict?${period}`, headers: { cookie: sys.cookie } });
    expect(all.statusCode).toBe(200);
    const ids = all.json().communities.map((c: { communityId: number }) => c.communityId);
    expect(ids[0]).toBe(sec.community.id);
    expect(ids.length).toBeGreaterThan(chosen.json().communities.length);
    expect((await env.app.inject({ url: `/api/dashboard/subdistrict?${period}&subdistrictId=999999`, headers: { cookie: sys.cookie } })).statusCode).toBe(404);
  });
});

/** The dashboard as it was computed before the roll-up: straight over `tickets`. The roll-up must answer the same. */
