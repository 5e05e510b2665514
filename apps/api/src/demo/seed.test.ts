import { isValidIdCard } from '@linli/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, loginAs, type TestEnv } from '../../test/harness.js';
import { seedDemo } from './seed.js';
import { DEMO_PASSWORD, demoAccounts } from './accounts.js';
import { demoContactAccounts } from './organisations.js';

describe('demo seed', () => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv();
  });
  afterAll(async () => env.close());

  it('loads the five communities once, with valid encrypted data, and every demo account logs in', async () => {
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
    expect(await seedDemo(env.ctx)).toBe(true);
    const first = await counts();
    expect(await seedDemo(env.ctx)).toBe(false);
    expect(await counts()).toEqual(first);
    expect(first.partners).toBeGreaterThanOrEqual(12);
    expect(first.accounts).toBe(demoAccounts.length + demoContactAccounts.length);

    // one 'demo.seeded' row per community, written by nobody (actor null)
    const seeded = await env.ctx.db
      .selectFrom('audit_log')
      .select(['community_id', 'actor_id'])
      .where('action', '=', 'demo.seeded')
      .where('entity_type', '=', 'community')
      .execute();
    expect(seeded).toHaveLength(5);
    expect(seeded.every((a) => a.actor_id === null && a.community_id !== null)).toBe(true);
    expect(await env.ctx.db.selectFrom('audit_log').select('id').where('actor_id', 'is not', null).execute()).toHaveLength(0);
    const names = (await env.ctx.db.selectFrom('communities').select('name').orderBy('id').execute()).map((c) => c.name);
    expect(names).toEqual(['金港城社区', '理工大社区', '凌霄社区', '小西坪社区', '窑洲社区']);

    const residents = await env.ctx.db.selectFrom('residents').select(['phone_enc', 'id_card_enc', 'phone_masked', 'hukou_local']).execute();
    expect(residents.length).toBeGreaterThan(500);
    expect(residents.length).toBeLessThan(3000);
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
    expect(seen).toEqual(['金港城社区']);

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
  }, 120_000);
});
