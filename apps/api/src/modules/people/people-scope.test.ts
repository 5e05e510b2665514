import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorIn, createTestEnv, httpAs, signedInAccount, type TestEnv } from '../../../test/harness.js';

/**
 * Party members and team members are residents, so the people routes hold to the residents' reach (ADR 0015): a
 * building head sees the party members of her buildings, a grid worker those of his grids, a volunteer, a party member
 * or a system admin (no `residents.read`) none; a team shows every member's name but a phone only within the reach.
 */
type Who = { cookie: string; account: { id: number } };

describe('whose party members and team members each role sees', () => {
  let env: TestEnv;
  let cid: number;
  let sec: Who;
  const actors: Record<string, Who> = {};
  /** Three residents, each a party member and in one team: in the head's building, elsewhere in the grid, in another grid. */
  const people = {
    inBuilding: { name: '甲一', phone: '13800000001', masked: '138****0001', address: '金海花园 1号楼 1单元 101', resident: 0, partyMember: 0 },
    inGrid: { name: '乙一', phone: '13800000002', masked: '138****0002', address: '金海花园 2号楼 1单元 201', resident: 0, partyMember: 0 },
    outside: { name: '段晓燕', phone: '13800000003', masked: '138****0003', address: '银滩小区 1号楼 1单元 301', resident: 0, partyMember: 0 },
  };
  type Key = keyof typeof people;
  const keys = Object.keys(people) as Key[];
  let teamId = 0;

  const get = (who: { cookie: string }, url: string) => httpAs(env.app, who).get(url);
  const post = async (url: string, body: object) => {
    const r = await httpAs(env.app, sec).post(url, body);
    expect(r.statusCode, `${url} ${r.body}`).toBe(201);
    return r.json().id as number;
  };
  const account = (role: 'grid_worker' | 'building_head' | 'volunteer' | 'party_member') => signedInAccount(env, role, cid);

  beforeAll(async () => {
    env = await createTestEnv();
    const s = await actorIn(env, 'secretary');
    sec = s;
    cid = s.community.id;
    actors.secretary = s;
    actors.social_worker = await actorIn(env, 'social_worker', s.community);
    actors.subdistrict_admin = await actorIn(env, 'subdistrict_admin', s.community);
    actors.system_admin = await actorIn(env, 'system_admin', s.community);
    actors.gridWorker = await account('grid_worker');
    actors.buildingHead = await account('building_head');
    actors.volunteer = await account('volunteer');
    actors.partyMember = await account('party_member');

    const grid1 = await post('/api/grids', { name: '第一网格', workerAccountId: actors.gridWorker.account.id });
    const grid2 = await post('/api/grids', { name: '第二网格' });
    const compoundA = await post('/api/compounds', { name: '金海花园', gridId: grid1 });
    const compoundB = await post('/api/compounds', { name: '银滩小区', gridId: grid2 });
    const homeIn = async (compoundId: number, building: string, room: string) => {
      const buildingId = await post('/api/buildings', { compoundId, name: building });
      const unitId = await post('/api/units', { buildingId, name: '1单元' });
      return { buildingId, householdId: await post('/api/households', { unitId, roomNo: room }) };
    };
    const a1 = await homeIn(compoundA, '1号楼', '101');
    const a2 = await homeIn(compoundA, '2号楼', '201');
    const b1 = await homeIn(compoundB, '1号楼', '301');
    const homes: Record<Key, number> = { inBuilding: a1.householdId, inGrid: a2.householdId, outside: b1.householdId };
    const heads = await env.app.inject({
      method: 'PUT',
      url: `/api/buildings/${a1.buildingId}/heads`,
      headers: { cookie: sec.cookie },
      payload: { heads: [{ accountId: actors.buildingHead.account.id }] },
    });
    expect(heads.statusCode, heads.body).toBe(200);

    teamId = await post('/api/teams', { name: '楼道志愿队', kind: 'volunteer' });
    for (const k of keys) {
      const p = people[k];
      p.resident = await post('/api/residents', { householdId: homes[k], name: p.name, phone: p.phone });
      p.partyMember = await post('/api/party-members', { residentId: p.resident, status: 'registered' });
      await post(`/api/teams/${teamId}/members`, { residentId: p.resident });
    }
  });
  afterAll(async () => env.close());

  /** The residents each actor may read, so the party members they see and the team phones they get. */
  const reach: Record<string, Key[]> = {
    secretary: ['inBuilding', 'inGrid', 'outside'],
    social_worker: ['inBuilding', 'inGrid', 'outside'],
    subdistrict_admin: ['inBuilding', 'inGrid', 'outside'],
    system_admin: [],
    gridWorker: ['inBuilding', 'inGrid'],
    buildingHead: ['inBuilding'],
    volunteer: [],
    partyMember: [],
  };

  it('lists, finds and searches only the party members within reach, with their address and phone', async () => {
    const got: string[] = [];
    const want: string[] = [];
    for (const [who, visible] of Object.entries(reach)) {
      const actor = actors[who]!;
      const q = who.endsWith('_admin') ? `communityId=${cid}&` : '';
      const list = await get(actor, `/api/party-members?${q}pageSize=200`);
      expect(list.statusCode, `${who} ${list.body}`).toBe(200);
      const items = list.json().items as Array<{ name: string; address: string | null; phoneMasked: string | null }>;
      got.push(
        `${who} list: ${items
          .map((i) => `${i.name} ${i.address} ${i.phoneMasked}`)
          .sort()
          .join(' | ')} (${list.json().total})`,
      );
      want.push(
        `${who} list: ${visible
          .map((k) => `${people[k].name} ${people[k].address} ${people[k].masked}`)
          .sort()
          .join(' | ')} (${visible.length})`,
      );
      for (const k of keys) {
        const sees = visible.includes(k);
        const detail = await get(actor, `/api/party-members/${people[k].partyMember}`);
        got.push(`${who} detail ${people[k].name}: ${detail.statusCode} ${detail.statusCode === 200 ? detail.json().address : ''}`);
        want.push(`${who} detail ${people[k].name}: ${sees ? `200 ${people[k].address}` : '404 '}`);
        // A phone number must not find whom it belongs to outside the reach.
        const byPhone = await get(actor, `/api/party-members?${q}q=${people[k].phone}`);
        got.push(`${who} phone search ${people[k].name}: ${byPhone.json().total}`);
        want.push(`${who} phone search ${people[k].name}: ${sees ? 1 : 0}`);
      }
    }
    expect(got).toEqual(want);
  });

  it('shows every member of a team by name, the phone only within reach', async () => {
    const got: string[] = [];
    const want: string[] = [];
    for (const [who, visible] of Object.entries(reach)) {
      const team = await get(actors[who]!, `/api/teams/${teamId}`);
      expect(team.statusCode, `${who} ${team.body}`).toBe(200);
      const members = team.json().members as Array<{ name: string; phoneMasked: string | null }>;
      got.push(
        `${who}: ${members
          .map((m) => `${m.name} ${m.phoneMasked}`)
          .sort()
          .join(' | ')} (${team.json().memberCount})`,
      );
      want.push(
        `${who}: ${keys
          .map((k) => `${people[k].name} ${visible.includes(k) ? people[k].masked : null}`)
          .sort()
          .join(' | ')} (3)`,
      );
    }
    expect(got).toEqual(want);
  });

  it('gives a building head nothing of a neighbour elsewhere on any people route', async () => {
    const head = actors.buildingHead!;
    const outside = people.outside;
    const bodies = [
      (await get(head, '/api/party-members?pageSize=200')).body,
      (await get(head, `/api/party-members?q=${encodeURIComponent(outside.name)}`)).body,
      (await get(head, `/api/party-members/${outside.partyMember}`)).body,
      (await get(head, `/api/teams/${teamId}`)).body,
      (await get(head, '/api/teams?pageSize=200')).body,
    ];
    for (const body of bodies) {
      expect(body).not.toContain(outside.address);
      expect(body).not.toContain(outside.masked);
    }
    // Her own building's party member she sees in full.
    expect((await get(head, `/api/party-members/${people.inBuilding.partyMember}`)).json()).toMatchObject({
      name: '甲一',
      address: people.inBuilding.address,
      phoneMasked: '138****0001',
    });
  });
});
