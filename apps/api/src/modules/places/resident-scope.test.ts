import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorIn, createTestEnv, httpAs, signedInAccount, type TestEnv } from '../../../test/harness.js';

/**
 * Record-level scope of households and residents (issue 13): a building head reads the buildings or units assigned to
 * them, a grid worker the compounds of the grids they work, a volunteer nothing, staff the whole community. Every read
 * path is walked for every actor; a resident or household outside the reach answers 404 and lists leave it out.
 */
type Who = { cookie: string; account: { id: number } };
type Method = 'GET' | 'POST' | 'PATCH' | 'PUT';

describe('who sees which residents and households', () => {
  let env: TestEnv;
  let cid: number;
  let sec: Who;
  const places = { grid1: 0, grid2: 0, compoundA: 0, compoundB: 0, buildingA1: 0, buildingA2: 0, buildingB1: 0, unitA1a: 0, unitA1b: 0, unitA2: 0, unitB1: 0 };
  const homes = { a1a: 0, a1b: 0, a2: 0, b1: 0 };
  /** One resident per household, and one with no household; named so a search finds exactly one. */
  const res = { a1a: 0, a1b: 0, a2: 0, b1: 0, none: 0 };
  const actors: Record<string, Who> = {};

  const call = (who: { cookie: string }, method: Method, url: string, payload?: object) => httpAs(env.app, who).send(method, url, payload);

  const account = (role: 'grid_worker' | 'building_head' | 'volunteer') => signedInAccount(env, role, cid);

  beforeAll(async () => {
    env = await createTestEnv();
    const s = await actorIn(env, 'secretary');
    sec = s;
    cid = s.community.id;
    actors.secretary = s;
    actors.social_worker = await actorIn(env, 'social_worker', s.community);
    actors.subdistrict_admin = await actorIn(env, 'subdistrict_admin', s.community);
    actors.gridWorker = await account('grid_worker');
    actors.idleGridWorker = await account('grid_worker');
    actors.buildingHead = await account('building_head');
    actors.unitHead = await account('building_head');
    actors.idleBuildingHead = await account('building_head');
    actors.volunteer = await account('volunteer');

    const post = async (url: string, body: object) => {
      const r = await call(sec, 'POST', url, body);
      expect(r.statusCode, `${url} ${r.body}`).toBe(201);
      return r.json().id as number;
    };
    places.grid1 = await post('/api/grids', { name: '第一网格', workerAccountId: actors.gridWorker!.account.id });
    places.grid2 = await post('/api/grids', { name: '第二网格' });
    places.compoundA = await post('/api/compounds', { name: '金海花园', gridId: places.grid1 });
    places.compoundB = await post('/api/compounds', { name: '银滩小区', gridId: places.grid2 });
    places.buildingA1 = await post('/api/buildings', { compoundId: places.compoundA, name: '1号楼' });
    places.buildingA2 = await post('/api/buildings', { compoundId: places.compoundA, name: '2号楼' });
    places.buildingB1 = await post('/api/buildings', { compoundId: places.compoundB, name: '1号楼' });
    places.unitA1a = await post('/api/units', { buildingId: places.buildingA1, name: '1单元' });
    places.unitA1b = await post('/api/units', { buildingId: places.buildingA1, name: '2单元' });
    places.unitA2 = await post('/api/units', { buildingId: places.buildingA2, name: '1单元' });
    places.unitB1 = await post('/api/units', { buildingId: places.buildingB1, name: '1单元' });
    homes.a1a = await post('/api/households', { unitId: places.unitA1a, roomNo: '101' });
    homes.a1b = await post('/api/households', { unitId: places.unitA1b, roomNo: '201' });
    homes.a2 = await post('/api/households', { unitId: places.unitA2, roomNo: '301' });
    homes.b1 = await post('/api/households', { unitId: places.unitB1, roomNo: '401' });
    res.a1a = await post('/api/residents', { householdId: homes.a1a, name: '甲一', phone: '13800000001', tags: ['living_alone'] });
    res.a1b = await post('/api/residents', { householdId: homes.a1b, name: '甲二', phone: '13800000002' });
    res.a2 = await post('/api/residents', { householdId: homes.a2, name: '乙一', phone: '13800000003' });
    res.b1 = await post('/api/residents', { householdId: homes.b1, name: '丙一', phone: '13800000004' });
    res.none = await post('/api/residents', { name: '无房户', phone: '13800000005' });

    // The secretary says who looks after what: a building head for 1号楼, a unit head for its 2单元 only.
    const set = await call(sec, 'PUT', `/api/buildings/${places.buildingA1}/heads`, {
      heads: [{ accountId: actors.buildingHead!.account.id }, { accountId: actors.unitHead!.account.id, unitId: places.unitA1b }],
    });
    expect(set.statusCode, set.body).toBe(200);
  });
  afterAll(async () => env.close());

  const all = () => [res.a1a, res.a1b, res.a2, res.b1, res.none];
  /** What each actor may see; `null` = refused outright (403). */
  const reach = (): Record<string, number[] | null> => ({
    secretary: all(),
    social_worker: all(),
    subdistrict_admin: all(),
    gridWorker: [res.a1a, res.a1b, res.a2],
    idleGridWorker: [],
    buildingHead: [res.a1a, res.a1b],
    unitHead: [res.a1b],
    idleBuildingHead: [],
    volunteer: null,
  });
  const householdOf: Record<number, number> = {};
  beforeAll(() => {
    Object.assign(householdOf, { [res.a1a]: homes.a1a, [res.a1b]: homes.a1b, [res.a2]: homes.a2, [res.b1]: homes.b1 });
  });

  it('answers each actor exactly their residents on every read path', async () => {
    const got: string[] = [];
    const want: string[] = [];
    const names: Record<number, string> = { [res.a1a]: '甲一', [res.a1b]: '甲二', [res.a2]: '乙一', [res.b1]: '丙一', [res.none]: '无房户' };
    for (const [who, visible] of Object.entries(reach())) {
      const actor = actors[who]!;
      const q = who === 'subdistrict_admin' ? `communityId=${cid}&` : '';
      const list = await call(actor, 'GET', `/api/residents?${q}pageSize=200`);
      got.push(
        `${who} list: ${
          list.statusCode === 200
            ? (list.json().items as Array<{ id: number }>)
                .map((r) => r.id)
                .sort((a, b) => a - b)
                .join(',')
            : list.statusCode
        }`,
      );
      want.push(`${who} list: ${visible === null ? 403 : [...visible].sort((a, b) => a - b).join(',')}`);
      if (list.statusCode === 200) expect(list.json().total).toBe(visible!.length);
      for (const id of all()) {
        const sees = visible?.includes(id);
        const expectRead = visible === null ? 403 : sees ? 200 : 404;
        const detail = await call(actor, 'GET', `/api/residents/${id}`);
        got.push(`${who} resident ${names[id]}: ${detail.statusCode}`);
        want.push(`${who} resident ${names[id]}: ${expectRead}`);
        const search = await call(actor, 'GET', `/api/residents?${q}q=${encodeURIComponent(names[id]!)}`);
        got.push(`${who} search ${names[id]}: ${search.statusCode === 200 ? search.json().total : search.statusCode}`);
        want.push(`${who} search ${names[id]}: ${visible === null ? 403 : sees ? 1 : 0}`);
        const byPhone = await call(actor, 'GET', `/api/residents?${q}q=1380000000${all().indexOf(id) + 1}`);
        got.push(`${who} phone search ${names[id]}: ${byPhone.statusCode === 200 ? byPhone.json().total : byPhone.statusCode}`);
        want.push(`${who} phone search ${names[id]}: ${visible === null ? 403 : sees ? 1 : 0}`);
        // Outside the reach: 404 before any thought of PII; inside, the viewPii permission decides.
        const pii = await call(actor, 'GET', `/api/residents/${id}/pii`);
        const piiRole = ['secretary', 'social_worker', 'gridWorker', 'idleGridWorker'].includes(who);
        got.push(`${who} pii ${names[id]}: ${pii.statusCode}`);
        want.push(`${who} pii ${names[id]}: ${visible === null ? 403 : !sees ? 404 : piiRole ? 200 : 403}`);
        const home = householdOf[id];
        if (home) {
          const h = await call(actor, 'GET', `/api/households/${home}`);
          got.push(`${who} household of ${names[id]}: ${h.statusCode}`);
          want.push(`${who} household of ${names[id]}: ${visible === null ? 403 : sees ? 200 : 404}`);
        }
      }
    }
    expect(got).toEqual(want);
  });

  it('lists only the households within reach under a unit', async () => {
    const rooms = async (who: Who, unitId: number) =>
      ((await call(who, 'GET', `/api/households?unitId=${unitId}`)).json().items as Array<{ roomNo: string }>).map((h) => h.roomNo);
    expect(await rooms(actors.unitHead!, places.unitA1a)).toEqual([]);
    expect(await rooms(actors.unitHead!, places.unitA1b)).toEqual(['201']);
    expect(await rooms(actors.buildingHead!, places.unitA1a)).toEqual(['101']);
    expect(await rooms(actors.buildingHead!, places.unitB1)).toEqual([]);
    expect(await rooms(actors.gridWorker!, places.unitA2)).toEqual(['301']);
    expect(await rooms(actors.gridWorker!, places.unitB1)).toEqual([]);
    expect(await rooms(sec, places.unitB1)).toEqual(['401']);
  });

  it('filters by building within the reach, not around it', async () => {
    const ids = async (who: Who, query: string) => ((await call(who, 'GET', `/api/residents?${query}`)).json().items as Array<{ id: number }>).map((r) => r.id);
    expect(await ids(actors.buildingHead!, `buildingId=${places.buildingB1}`)).toEqual([]);
    expect(await ids(actors.buildingHead!, `compoundId=${places.compoundA}&tag=living_alone`)).toEqual([res.a1a]);
    expect(await ids(actors.gridWorker!, `compoundId=${places.compoundB}`)).toEqual([]);
  });

  it("holds a grid worker's writes to their grids", async () => {
    const gw = actors.gridWorker!;
    const outside = await call(gw, 'POST', '/api/residents', { householdId: homes.b1, name: '越界' });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.details.fields[0]).toMatchObject({ field: 'householdId', rule: 'not_found' });
    const homeless = await call(gw, 'POST', '/api/residents', { name: '无房' });
    expect(homeless.statusCode).toBe(400);
    expect(homeless.json().error.details.fields[0]).toMatchObject({ field: 'householdId', rule: 'required' });
    expect((await call(gw, 'PATCH', `/api/residents/${res.b1}`, { notes: 'x' })).statusCode).toBe(404);
    expect((await call(gw, 'POST', `/api/residents/${res.none}/archive`, { reason: 'x' })).statusCode).toBe(404);
    const move = await call(gw, 'PATCH', `/api/residents/${res.a2}`, { householdId: homes.b1 });
    expect(move.statusCode).toBe(400);
    const ok = await call(gw, 'POST', '/api/residents', { householdId: homes.a2, name: '新住户' });
    expect(ok.statusCode).toBe(201);
    expect((await call(gw, 'PATCH', `/api/residents/${ok.json().id}`, { notes: '刚搬来' })).json().notes).toBe('刚搬来');
    const untouched = await env.ctx.db.selectFrom('residents').select(['notes', 'household_id']).where('id', 'in', [res.b1, res.a2]).orderBy('id').execute();
    expect(untouched).toEqual([
      { notes: null, household_id: homes.a2 },
      { notes: null, household_id: homes.b1 },
    ]);
  });

  it('does not let a building head attach a resident outside their building to a ticket', async () => {
    const head = actors.buildingHead!;
    const categoryId = (await call(head, 'GET', '/api/ticket-categories')).json().items[0].id as number;
    const ticket = (reporterResidentId: number) =>
      call(head, 'POST', '/api/tickets', { channel: 'door_visit', categoryId, title: '楼道灯坏了', description: '三楼楼道灯不亮', reporterResidentId });
    const refused = await ticket(res.b1);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details.fields[0]).toMatchObject({ field: 'reporterResidentId', rule: 'not_found' });
    expect((await ticket(res.a1a)).statusCode).toBe(201);
  });

  it("lets staff set a building's heads, audited, and checks each one", async () => {
    const shown = (await call(sec, 'GET', `/api/buildings?compoundId=${places.compoundA}`))
      .json()
      .items.find((b: { id: number }) => b.id === places.buildingA1);
    expect(shown.heads).toEqual([
      { accountId: actors.buildingHead!.account.id, name: expect.any(String), unitId: null, unitName: null },
      { accountId: actors.unitHead!.account.id, name: expect.any(String), unitId: places.unitA1b, unitName: '2单元' },
    ]);
    const audit = (await call(sec, 'GET', `/api/audit?entityType=building&entityId=${places.buildingA1}`)).json().items;
    expect(audit[0]).toMatchObject({ action: 'building.heads_set', actorId: sec.account.id });

    // The accounts to choose from: the community's building heads, for staff only (a social worker cannot list accounts).
    const candidates = (await call(actors.social_worker!, 'GET', '/api/building-heads/accounts')).json().items.map((a: { id: number }) => a.id);
    expect(candidates.sort((x: number, y: number) => x - y)).toEqual(
      [actors.buildingHead!, actors.unitHead!, actors.idleBuildingHead!].map((a) => a.account.id).sort((x, y) => x - y),
    );
    expect((await call(actors.buildingHead!, 'GET', '/api/building-heads/accounts')).statusCode).toBe(403);

    const notAHead = await call(sec, 'PUT', `/api/buildings/${places.buildingA2}/heads`, { heads: [{ accountId: actors.volunteer!.account.id }] });
    expect(notAHead.statusCode).toBe(400);
    expect(notAHead.json().error.details.fields[0]).toMatchObject({ field: 'heads.0.accountId', rule: 'not_found' });
    const otherUnit = await call(sec, 'PUT', `/api/buildings/${places.buildingA2}/heads`, {
      heads: [{ accountId: actors.idleBuildingHead!.account.id, unitId: places.unitA1a }],
    });
    expect(otherUnit.json().error.details.fields[0]).toMatchObject({ field: 'heads.0.unitId', rule: 'not_found' });
    expect((await call(actors.buildingHead!, 'PUT', `/api/buildings/${places.buildingA2}/heads`, { heads: [] })).statusCode).toBe(403);
    const stranger = await actorIn(env, 'secretary');
    expect((await call(stranger, 'PUT', `/api/buildings/${places.buildingA2}/heads`, { heads: [] })).statusCode).toBe(404);

    // Assigning 2号楼 to the idle head opens its residents to them, and taking it away closes them again.
    const idle = actors.idleBuildingHead!;
    expect((await call(sec, 'PUT', `/api/buildings/${places.buildingA2}/heads`, { heads: [{ accountId: idle.account.id }] })).statusCode).toBe(200);
    expect((await call(idle, 'GET', `/api/residents/${res.a2}`)).statusCode).toBe(200);
    expect((await call(sec, 'PUT', `/api/buildings/${places.buildingA2}/heads`, { heads: [] })).json().heads).toEqual([]);
    expect((await call(idle, 'GET', `/api/residents/${res.a2}`)).statusCode).toBe(404);
  });
});
