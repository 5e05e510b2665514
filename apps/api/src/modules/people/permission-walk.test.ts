import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { placeReach, roleCan, roles, type Permission, type Role } from '@linli/contracts';
import { actorIn, buildAccount, buildCommunity, createTestEnv, type TestEnv } from '../../../test/harness.js';
import { buildResident } from '../../../test/fixtures.js';

/**
 * Walks the permission table through the real routes: for every role, one read and one write (at least) per module,
 * on a record of the actor's community (allowed → 2xx, else 403) and on one of a community outside their scope
 * (404 when the role holds the permission; a system admin's scope is every community).
 */
interface Records {
  communityId: number;
  partyMember: number;
  team: number;
  partner: number;
  account: number;
}
interface Case {
  name: string;
  permission: Permission;
  /** A resident's record (a party member): held to the reader's reach too, and the walk assigns nobody any place. */
  isResidentRecord?: boolean;
  request: (r: Records, n: string) => { method: 'GET' | 'POST' | 'PATCH'; url: string; payload?: object };
}

const cases: Case[] = [
  { name: 'list party members', permission: 'people.read', request: (r) => ({ method: 'GET', url: `/api/party-members?communityId=${r.communityId}` }) },
  { name: 'read a party member', permission: 'people.read', isResidentRecord: true, request: (r) => ({ method: 'GET', url: `/api/party-members/${r.partyMember}` }) },
  { name: 'edit a party member', permission: 'people.write', request: (r, n) => ({ method: 'PATCH', url: `/api/party-members/${r.partyMember}`, payload: { workUnit: `单位${n}` } }) },
  { name: 'read a team', permission: 'people.read', request: (r) => ({ method: 'GET', url: `/api/teams/${r.team}` }) },
  { name: 'edit a team', permission: 'people.write', request: (r, n) => ({ method: 'PATCH', url: `/api/teams/${r.team}`, payload: { description: `说明${n}` } }) },
  { name: 'list stations', permission: 'people.read', request: (r) => ({ method: 'GET', url: `/api/stations?communityId=${r.communityId}` }) },
  { name: 'create a station', permission: 'people.write', request: (r, n) => ({ method: 'POST', url: '/api/stations', payload: { communityId: r.communityId, name: `驿站${n}`, kind: 'post_house' } }) },
  { name: 'read a partner', permission: 'partners.read', request: (r) => ({ method: 'GET', url: `/api/partners/${r.partner}` }) },
  { name: 'edit a partner', permission: 'partners.write', request: (r, n) => ({ method: 'PATCH', url: `/api/partners/${r.partner}`, payload: { description: `说明${n}` } }) },
  { name: 'create a partner', permission: 'partners.write', request: (r, n) => ({ method: 'POST', url: '/api/partners', payload: { communityId: r.communityId, name: `商家${n}`, kind: 'merchant' } }) },
  { name: 'list accounts', permission: 'accounts.read', request: (r) => ({ method: 'GET', url: `/api/accounts?communityId=${r.communityId}` }) },
  { name: 'edit an account', permission: 'accounts.manage', request: (r, n) => ({ method: 'PATCH', url: `/api/accounts/${r.account}`, payload: { displayName: `名字${n}` } }) },
  { name: 'unlock an account', permission: 'accounts.manage', request: (r) => ({ method: 'POST', url: `/api/accounts/${r.account}/unlock` }) },
  { name: 'reset a password', permission: 'accounts.manage', request: (r) => ({ method: 'POST', url: `/api/accounts/${r.account}/reset-password`, payload: { newPassword: 'walk-password-1' } }) },
];

function expected(role: Role, permission: Permission, where: 'own' | 'other', isResidentRecord = false): string {
  if (!roleCan(role, permission)) return '403';
  if (where === 'other' && role !== 'system_admin') return '404';
  // ADR 0015: a role with a place reach (nothing assigned here) or without residents.read finds no resident's record.
  if (isResidentRecord && (role in placeReach || !roleCan(role, 'residents.read'))) return '404';
  return '2xx';
}

describe('permission walk over people, partners and accounts routes', () => {
  let env: TestEnv;
  let home: { id: number; subdistrictId: number };
  let own: Records;
  let other: Records;

  async function seed(communityId: number, tag: string): Promise<Records> {
    const db = env.ctx.db;
    const resident = await buildResident(env.ctx, communityId, { name: `党员${tag}` });
    const pm = await db.insertInto('party_members').values({ community_id: communityId, resident_id: resident.id, status: 'registered', work_unit: null, grid_id: null, joined_on: null }).returning('id').executeTakeFirstOrThrow();
    const team = await db.insertInto('teams').values({ community_id: communityId, name: `先锋队${tag}`, kind: 'pioneer', description: null }).returning('id').executeTakeFirstOrThrow();
    const partner = await db.insertInto('partners').values({ community_id: communityId, name: `共建${tag}`, kind: 'enterprise', contact_name: null, contact_phone_enc: null, contact_phone_masked: null, address: null, description: null, joined_on: null }).returning('id').executeTakeFirstOrThrow();
    const account = await buildAccount(env.ctx, { role: 'volunteer', communityId });
    return { communityId, partyMember: pm.id, team: team.id, partner: partner.id, account: account.id };
  }

  beforeAll(async () => {
    env = await createTestEnv();
    home = await buildCommunity(env.ctx);
    const elsewhere = await buildCommunity(env.ctx); // another subdistrict
    own = await seed(home.id, 'A');
    other = await seed(elsewhere.id, 'B');
  });
  afterAll(async () => env.close());

  it.each(roles)('%s gets exactly what the table grants', async (role) => {
    const actor = await actorIn(env, role, home);
    const got: string[] = [];
    const want: string[] = [];
    let n = 0;
    for (const c of cases) {
      for (const where of ['own', 'other'] as const) {
        const req = c.request(where === 'own' ? own : other, `${role}-${++n}`);
        const res = await env.app.inject({ method: req.method, url: req.url, payload: req.payload, headers: { cookie: actor.cookie } });
        const status = res.statusCode >= 200 && res.statusCode < 300 ? '2xx' : String(res.statusCode);
        got.push(`${c.name} (${where}): ${status}`);
        want.push(`${c.name} (${where}): ${expected(role, c.permission, where, c.isResidentRecord)}`);
        if (status === '403') expect(res.json().error.code).toBe('FORBIDDEN');
        if (status === '404') expect(res.json().error.code).toBe('NOT_FOUND');
      }
    }
    expect(got).toEqual(want);
  });

  it('walks every permission of the two modules at least once', () => {
    const walked = new Set(cases.map((c) => c.permission));
    expect([...walked].sort()).toEqual(['accounts.manage', 'accounts.read', 'partners.read', 'partners.write', 'people.read', 'people.write']);
  });
});
