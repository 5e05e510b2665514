import { isValidIdCard } from '@linli/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, loginAs, type TestEnv } from '../../test/harness.js';
import { seedDemo } from './seed.js';
import { DEMO_PASSWORD, demoAccounts } from './accounts.js';
import { communities } from './communities.js';
import { demoCases } from './tickets/cases.js';
import { householdProblems } from '../../test/demo-households.js';
import { checkTicketYear } from '../../test/demo-tickets.js';
import { demoContactAccounts } from './organisations.js';
import { demoWishAccounts } from './wishes.js';
import { demoPointsAccounts } from './points.js';

describe('demo seed', () => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv();
  });
  afterAll(async () => env.close());

  it('loads the communities once, with valid encrypted data, believable households, a year of tickets, and every demo account logs in', async () => {
    const counts = async () => {
      const out: Record<string, number> = {};
      for (const t of [
        'communities',
        'compounds',
        'households',
        'residents',
        'party_members',
        'teams',
        'stations',
        'partners',
        'accounts',
        'audit_log',
        'tickets',
        'ticket_events',
        'ticket_daily_counts',
      ] as const) {
        out[t] = Number(
          (
            await env.ctx.db
              .selectFrom(t)
              .select((eb) => eb.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      }
      return out;
    };
    const started = performance.now();
    expect(await seedDemo(env.ctx)).toBe(true);
    const ms = Math.round(performance.now() - started);
    console.log(`demo seed: ${ms} ms on ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}`);
    const first = await counts();
    expect(await seedDemo(env.ctx)).toBe(false);
    expect(await counts()).toEqual(first);
    expect(first.partners).toBeGreaterThanOrEqual(12);
    expect(first.accounts).toBe(demoAccounts.length + demoContactAccounts.length + demoWishAccounts.length + demoPointsAccounts.length);

    // one 'demo.seeded' row per community, written by nobody (actor null); ticket steps name the demo staff who took them
    const seeded = await env.ctx.db
      .selectFrom('audit_log')
      .select(['community_id', 'actor_id'])
      .where('action', '=', 'demo.seeded')
      .where('entity_type', '=', 'community')
      .execute();
    expect(seeded).toHaveLength(communities.length);
    expect(seeded.every((a) => a.actor_id === null && a.community_id !== null)).toBe(true);
    const byActors = await env.ctx.db.selectFrom('audit_log').select('action').where('actor_id', 'is not', null).execute();
    expect(byActors.length).toBeGreaterThan(0);
    // Escalations go to organisations through the escalations module's rows, which every escalate step names.
    const escalations = await env.ctx.db.selectFrom('escalations').select(['id', 'status', 'ticket_id']).execute();
    expect(escalations.length).toBeGreaterThan(5);
    expect(new Set(escalations.map((e) => e.status)).has('answered')).toBe(true);
    const steps = await env.ctx.db.selectFrom('ticket_events').select(['ticket_id', 'data']).where('action', 'in', ['escalate', 'escalation_answer']).execute();
    const byId = new Map(escalations.map((e) => [e.id, e.ticket_id]));
    expect(steps.every((s) => byId.get((s.data as { escalationId: number }).escalationId) === s.ticket_id)).toBe(true);
    expect(await env.ctx.db.selectFrom('tickets').select('id').where('escalated_to_partner_id', 'is not', null).execute()).toEqual([]);
    // Stories told through the services as their people (tickets; 金港城's help list and its orders, demo/help.ts; 窑洲's
    // volunteers registered by ensureVolunteer, demo/points.ts; 凌霄's party service hours, the recorder confirms, demo/party.ts;
    // 金港城's duty rosters, demo/duty.ts; 窑洲's votes and conventions run by its secretary, demo/votes.ts).
    expect(
      byActors
        .filter((a) => !/^(ticket|escalation|wish|help_need|match_order|volunteer|service_hours|shift|shift_template|vote|convention)\./.test(a.action))
        .map((a) => a.action),
    ).toEqual([]);
    expect(byActors.some((a) => a.action === 'help_need.created')).toBe(true);
    const names = (await env.ctx.db.selectFrom('communities').select('name').orderBy('id').execute()).map((c) => c.name);
    expect(names).toEqual(['金港城社区', '理工大社区', '凌霄社区', '小西坪社区', '窑洲社区', '建兰社区', '晏家坪社区']);
    expect(first.tickets).toBe(demoCases.length + communities.reduce((n, c) => n + c.ticketsPerYear, 0));

    const residents = await env.ctx.db.selectFrom('residents').select(['phone_enc', 'id_card_enc', 'phone_masked', 'hukou_local']).execute();
    expect(residents.length).toBeGreaterThan(500);
    expect(residents.length).toBeLessThan(3000);
    // Households: opposite-sex spouses with their own surnames, parents 20–40 years older, names of their decade.
    const members = await env.ctx.db.selectFrom('residents').select(['household_id', 'name', 'gender', 'birth_date', 'relation']).execute();
    const households = new Map<number, typeof members>();
    for (const m of members) households.set(m.household_id ?? 0, [...(households.get(m.household_id ?? 0) ?? []), m]);
    const problems = [...households.values()].flatMap((h) =>
      householdProblems(
        h.map((m) => ({ name: m.name, male: m.gender === 'male', year: Number(String(m.birth_date).slice(0, 4)), relation: m.relation as '户主' })),
      ),
    );
    expect(problems).toEqual([]);
    expect(households.size).toBeGreaterThan(400);
    let phones = 0;
    for (const r of residents) {
      expect(isValidIdCard(env.ctx.pii.decrypt(r.id_card_enc!))).toBe(true);
      if (r.phone_enc) {
        phones++;
        const phone = env.ctx.pii.decrypt(r.phone_enc);
        expect(phone).toMatch(/^1[3-9]\d{9}$/);
        expect(r.phone_masked).toBe(`${phone.slice(0, 3)}****${phone.slice(-4)}`);
      }
    }
    expect(phones).toBeGreaterThan(residents.length / 2);
    expect(residents.some((r) => !r.hukou_local)).toBe(true);
    const statuses = new Set((await env.ctx.db.selectFrom('party_members').select('status').execute()).map((m) => m.status));
    expect([...statuses].sort()).toEqual(['in_service', 'outside', 'registered']);
    const compounds = await env.ctx.db
      .selectFrom('compounds')
      .innerJoin('buildings', 'buildings.compound_id', 'compounds.id')
      .select(['compounds.name'])
      .where('compounds.name', 'in', ['铁建丽苑', '晴岚家园'])
      .execute();
    expect(compounds.filter((c) => c.name === '铁建丽苑')).toHaveLength(6);
    expect(compounds.filter((c) => c.name === '晴岚家园')).toHaveLength(9);
    expect((await env.ctx.db.selectFrom('teams').select('name').execute()).map((t) => t.name)).toContain('安居卫士');

    for (const a of demoAccounts) await expect(loginAs(env.app, a.username, DEMO_PASSWORD)).resolves.toMatch(/linli_sid=/);
    const jiedao = await loginAs(env.app, 'jiedao', DEMO_PASSWORD);
    const seen = (await env.app.inject({ url: '/api/communities', headers: { cookie: jiedao } })).json().items.map((c: { name: string }) => c.name);
    expect(seen).toEqual(['金港城社区', '建兰社区', '晏家坪社区']);

    // Issue 13: the demo building heads read their own building's residents, not the whole community's.
    for (const [username, address] of [
      ['jgc_louzhang', '金海花园 1号楼 '],
      ['yz_sanzhang', '晴岚家园 3栋 '],
    ] as const) {
      const cookie = await loginAs(env.app, username, DEMO_PASSWORD);
      const list = (await env.app.inject({ url: '/api/residents?pageSize=200', headers: { cookie } })).json();
      const community = (await env.app.inject({ url: '/api/communities', headers: { cookie } })).json().items[0].stats.residents;
      expect(list.total).toBeGreaterThan(0);
      expect(list.total).toBeLessThan(community);
      expect(
        list.items.every((r: { address: string }) => r.address.startsWith(address)),
        username,
      ).toBe(true);
    }

    // Issue 11: 凌霄's 社区公社 with its six arts teams' weekly bookings; 小西坪's projects; 凌霄's claiming event.
    const lx = await env.ctx.db.selectFrom('communities').select('id').where('code', '=', 'NB-BL-XQ-LX').executeTakeFirstOrThrow();
    const teamBookings = await env.ctx.db
      .selectFrom('venue_bookings')
      .select((eb) => ['team_id', eb.fn.countAll<number>().as('n')])
      .where('community_id', '=', lx.id)
      .where('booker_kind', '=', 'team')
      .groupBy('team_id')
      .execute();
    expect(teamBookings).toHaveLength(6);
    expect(teamBookings.every((t) => Number(t.n) >= 14)).toBe(true);
    const projects = await env.ctx.db.selectFrom('projects').select(['title', 'status', 'percent', 'claim_event']).orderBy('id').execute();
    expect(projects.find((p) => p.title === '铁建丽苑老旧供水管网改造')).toMatchObject({ status: 'evaluated', percent: 100 });
    expect(projects.find((p) => p.title === '爸妈食堂')).toMatchObject({ status: 'in_progress' });
    expect(projects.filter((p) => p.claim_event === '凌霄社区民生项目认领会').length).toBeGreaterThanOrEqual(3);

    await checkTicketYear(env, new Date());
  }, 600_000);

  it("tells the activities (凌霄's daily calendar, 小西坪's drills and yoga) and 窑洲's owners' votes through the API", async () => {
    await seedDemo(env.ctx); // loaded by the test above; loads here when this one runs alone
    const lx = await loginAs(env.app, 'lx_shuji', DEMO_PASSWORD);
    const get = (cookie: string, url: string) => env.app.inject({ url, headers: { cookie } }).then((r) => r.json());
    const from = new Date(Date.now() - 28 * 86_400_000).toISOString();
    const to = new Date(Date.now() + 28 * 86_400_000).toISOString();
    const lxList = await get(lx, `/api/activities?pageSize=200&from=${from}&to=${to}`);
    // Something on almost every day: more than 40 occurrences over eight weeks, held ones with attendance, waiting lists ahead.
    expect(lxList.total).toBeGreaterThan(40);
    type A = { title: string; status: string; attendedCount: number; waitlistCount: number; report: string | null; photos: string[]; id: number };
    const items = lxList.items as A[];
    expect(new Set(items.map((a) => a.title))).toEqual(new Set(['书法练习', '合唱排练', '健康讲座', '亲子悦读', '太极晨练']));
    expect(items.filter((a) => a.status === 'held' && a.attendedCount === 0).map((a) => `${a.title} ${a.id}`)).toEqual([]);
    expect(items.some((a) => a.status === 'published' && a.waitlistCount > 0)).toBe(true);
    const lecture = items.find((a) => a.status === 'reported')!;
    expect(lecture).toMatchObject({ title: '健康讲座', photos: [expect.stringMatching(/\.png$/)] });
    expect((await env.app.inject({ url: `/api/activities/${lecture.id}/photos/${lecture.photos[0]}`, headers: { cookie: lx } })).statusCode).toBe(200);
    const d = await get(lx, '/api/dashboard/community');
    expect(d.activities.signups).toBeGreaterThan(0);

    const xxp = await loginAs(env.app, 'xxp_shuji', DEMO_PASSWORD);
    const xxpItems = (await get(xxp, `/api/activities?pageSize=200&from=${from}&to=${to}`)).items as A[];
    expect(
      xxpItems
        .filter((a) => a.title.includes('演练'))
        .map((a) => a.status)
        .sort(),
    ).toEqual(['published', 'reported']);
    expect(xxpItems.filter((a) => a.title === '公益瑜伽课').length).toBeGreaterThanOrEqual(7);
    const hours = await env.ctx.db.selectFrom('service_hours').select('id').where('source_kind', '=', 'activity').execute();
    expect(hours.length).toBeGreaterThanOrEqual(6);

    const yz = await loginAs(env.app, 'yz_shuji', DEMO_PASSWORD);
    const votes = (await get(yz, '/api/votes?pageSize=50')).items as Array<{ id: number; title: string; status: string; outcome: string | null }>;
    expect(votes.filter((v) => v.status === 'published').map((v) => v.outcome)).toEqual(['passed', 'passed']);
    expect(votes.filter((v) => v.status === 'open')).toHaveLength(1);
    for (const v of votes.filter((x) => x.status === 'published')) {
      const full = await get(yz, `/api/votes/${v.id}`);
      expect(full.tally).toMatchObject({ outcome: 'passed', quorumMet: true });
      expect(full.tally.byChannel.paper).toBeGreaterThan(0);
      expect(full.tally.byChannel.phone).toBeGreaterThan(0);
      expect(full.conventionId).not.toBeNull();
    }
    const conventions = (await get(yz, '/api/conventions')).items as Array<{ id: number; title: string }>;
    expect(conventions.map((c) => c.title).sort()).toEqual(['晴岚家园小区公约', '晴岚家园议事规则']);
    for (const c of conventions) expect((await get(yz, `/api/conventions/${c.id}`)).versions[0].status).toBe('current');
  }, 120_000);
});
