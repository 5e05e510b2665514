import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorIn, buildCommunity, createTestEnv, type TestEnv } from '../../../test/harness.js';
import { blockAudit, buildCompound, buildGrid, buildResident, unblockAudit } from '../../../test/fixtures.js';

describe('people routes', () => {
  let env: TestEnv;
  let secretary: Awaited<ReturnType<typeof actorIn>>;
  type Reply = Awaited<ReturnType<TestEnv['app']['inject']>>;
  let post: (url: string, payload: unknown) => Promise<Reply>;
  let patch: (url: string, payload: unknown) => Promise<Reply>;
  let get: (url: string) => Promise<Reply>;
  const auditOf = (entityType: string, entityId: number) =>
    env.ctx.db.selectFrom('audit_log').selectAll().where('entity_type', '=', entityType).where('entity_id', '=', String(entityId)).orderBy('id').execute();

  beforeAll(async () => {
    env = await createTestEnv();
    secretary = await actorIn(env, 'secretary');
    const headers = { cookie: secretary.cookie };
    post = (url, payload) => env.app.inject({ method: 'POST', url, payload: payload as object, headers });
    patch = (url, payload) => env.app.inject({ method: 'PATCH', url, payload: payload as object, headers });
    get = (url) => env.app.inject({ url, headers });
  });
  afterAll(async () => env.close());

  describe('party members', () => {
    it('registers a resident, shows name, masked phone, grid and household, and audits it', async () => {
      const cid = secretary.community.id;
      const resident = await buildResident(env.ctx, cid, { name: '王建国', phone: '13812341234' });
      const grid = await buildGrid(env.ctx, cid, '第一网格');
      const res = await post('/api/party-members', {
        residentId: resident.id,
        status: 'in_service',
        workUnit: '兰州石化',
        gridId: grid.id,
        joinedOn: '1998-07-01',
      });
      expect(res.statusCode).toBe(201);
      const pm = res.json();
      expect(pm).toMatchObject({
        communityId: cid,
        residentId: resident.id,
        name: '王建国',
        gender: 'female',
        phoneMasked: '138****1234',
        status: 'in_service',
        workUnit: '兰州石化',
        gridId: grid.id,
        gridName: '第一网格',
        joinedOn: '1998-07-01',
        archivedAt: null,
      });
      expect(pm.address).toMatch(/^金海花园\d+ \d+号楼 1单元 301$/);
      expect(JSON.stringify(pm)).not.toContain('13812341234');
      const audit = await auditOf('party_member', pm.id);
      expect(audit.map((a) => a.action)).toEqual(['party_member.created']);
      expect(audit[0]!.actor_id).toBe(secretary.account.id);

      const again = await post('/api/party-members', { residentId: resident.id, status: 'registered' });
      expect(again.statusCode).toBe(409);
      expect(again.json().error.details.fields[0]).toMatchObject({ field: 'residentId', rule: 'taken' });
    });

    it('refuses a resident or grid of another community as a field error', async () => {
      const other = await buildCommunity(env.ctx);
      const stranger = await buildResident(env.ctx, other.id);
      const res = await post('/api/party-members', { residentId: stranger.id, status: 'registered' });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details.fields[0]).toMatchObject({ field: 'residentId', rule: 'not_found', message: '找不到居民' });
      const mine = await buildResident(env.ctx, secretary.community.id);
      const foreignGrid = await buildGrid(env.ctx, other.id);
      const bad = await post('/api/party-members', { residentId: mine.id, status: 'registered', gridId: foreignGrid.id });
      expect(bad.json().error.details.fields[0]).toMatchObject({ field: 'gridId', rule: 'not_found' });
      const badStatus = await post('/api/party-members', { residentId: mine.id, status: 'retired' });
      expect(badStatus.json().error.details.fields[0]).toMatchObject({ field: 'status', rule: 'invalid_option' });
    });

    it('updates with a diff in the audit, archives with a reason, then refuses changes', async () => {
      const resident = await buildResident(env.ctx, secretary.community.id, { household: false });
      const pm = (await post('/api/party-members', { residentId: resident.id, status: 'registered' })).json();
      expect(pm.address).toBeNull();
      const upd = await patch(`/api/party-members/${pm.id}`, { status: 'outside', workUnit: '七里河区教育局' });
      expect(upd.statusCode).toBe(200);
      expect(upd.json()).toMatchObject({ status: 'outside', workUnit: '七里河区教育局' });
      expect((await patch(`/api/party-members/${pm.id}`, {})).statusCode).toBe(200);
      const archived = await post(`/api/party-members/${pm.id}/archive`, { reason: '组织关系转出' });
      expect(archived.statusCode).toBe(200);
      expect(archived.json().archivedAt).toEqual(expect.any(String));
      expect((await post(`/api/party-members/${pm.id}/archive`, { reason: 'again' })).json().error.code).toBe('INVALID_STATE');
      expect((await patch(`/api/party-members/${pm.id}`, { status: 'registered' })).json().error.code).toBe('INVALID_STATE');
      const audit = await auditOf('party_member', pm.id);
      expect(audit.map((a) => a.action)).toEqual(['party_member.created', 'party_member.updated', 'party_member.updated', 'party_member.archived']);
      expect(audit[1]!.changes).toEqual({ status: { from: 'registered', to: 'outside' }, workUnit: { from: null, to: '七里河区教育局' } });
      expect(audit[3]!.reason).toBe('组织关系转出');
    });

    it('paginates, filters, searches and sorts on the server', async () => {
      const c = await buildCommunity(env.ctx);
      const sec = await actorIn(env, 'secretary', c);
      const grid = await buildGrid(env.ctx, c.id);
      const names = ['赵一', '钱二', '孙三', '李四', '周五'];
      for (const [i, name] of names.entries()) {
        const r = await buildResident(env.ctx, c.id, { name, phone: `1390000000${i}` });
        const status = i % 2 === 0 ? 'registered' : 'in_service';
        const res = await env.app.inject({
          method: 'POST',
          url: '/api/party-members',
          headers: { cookie: sec.cookie },
          payload: { residentId: r.id, status, gridId: i < 2 ? grid.id : null, joinedOn: `200${i}-01-01` },
        });
        expect(res.statusCode).toBe(201);
      }
      const list = async (qs: string) => (await env.app.inject({ url: `/api/party-members?${qs}`, headers: { cookie: sec.cookie } })).json();
      const page2 = await list('pageSize=2&page=2&sort=joinedOn&order=desc');
      expect(page2).toMatchObject({ total: 5, page: 2, pageSize: 2 });
      expect(page2.items.map((i: { name: string }) => i.name)).toEqual(['孙三', '钱二']);
      expect((await list('status=in_service')).items.map((i: { name: string }) => i.name).sort()).toEqual(['李四', '钱二'].sort());
      expect((await list(`gridId=${grid.id}`)).total).toBe(2);
      expect((await list('q=李')).items.map((i: { name: string }) => i.name)).toEqual(['李四']);
      expect((await list('q=13900000004')).items.map((i: { name: string }) => i.name)).toEqual(['周五']);
      const bad = await env.app.inject({ url: '/api/party-members?sort=password', headers: { cookie: sec.cookie } });
      expect(bad.statusCode).toBe(400);
      // The other community's list is not this one's.
      expect((await get('/api/party-members?pageSize=200')).json().items.every((i: { communityId: number }) => i.communityId === secretary.community.id)).toBe(
        true,
      );
    });
  });

  describe('teams', () => {
    it('creates a team, adds members and a leader, lets one leave without deleting the row', async () => {
      const cid = secretary.community.id;
      const created = await post('/api/teams', { name: '安居卫士', kind: 'pioneer', description: '党员先锋队：治安巡查' });
      expect(created.statusCode).toBe(201);
      const team = created.json();
      expect(team).toMatchObject({ name: '安居卫士', kind: 'pioneer', memberCount: 0, leaderNames: [], members: [] });
      const a = await buildResident(env.ctx, cid, { name: '刘队长', phone: '13712345678' });
      const b = await buildResident(env.ctx, cid, { name: '陈队员' });
      expect((await post(`/api/teams/${team.id}/members`, { residentId: a.id, isLeader: true })).statusCode).toBe(201);
      const withB = await post(`/api/teams/${team.id}/members`, { residentId: b.id });
      expect(withB.json()).toMatchObject({ memberCount: 2, leaderNames: ['刘队长'] });
      expect(withB.json().members[0]).toMatchObject({ residentId: a.id, name: '刘队长', phoneMasked: '137****5678', isLeader: true });
      const dup = await post(`/api/teams/${team.id}/members`, { residentId: b.id });
      expect(dup.statusCode).toBe(409);
      expect(dup.json().error.details.fields[0]).toMatchObject({ field: 'residentId', rule: 'already_member' });

      const memberB = withB.json().members.find((m: { residentId: number }) => m.residentId === b.id);
      const left = await post(`/api/teams/${team.id}/members/${memberB.id}/leave`, {});
      expect(left.statusCode).toBe(200);
      expect(left.json()).toMatchObject({ memberCount: 1 });
      expect((await post(`/api/teams/${team.id}/members/${memberB.id}/leave`, {})).json().error.code).toBe('INVALID_STATE');
      const row = await env.ctx.db.selectFrom('team_members').selectAll().where('id', '=', memberB.id).executeTakeFirstOrThrow();
      expect(row.left_at).not.toBeNull();
      // Rejoining after leaving is a new membership.
      expect((await post(`/api/teams/${team.id}/members`, { residentId: b.id })).json().memberCount).toBe(2);

      const list = (await get('/api/teams?kind=pioneer')).json();
      expect(list.items.find((t: { id: number }) => t.id === team.id)).toMatchObject({ memberCount: 2, leaderNames: ['刘队长'] });
      const audit = await auditOf('team', team.id);
      expect(audit.map((x) => x.action)).toEqual(['team.created', 'team.member_added', 'team.member_added', 'team.member_left', 'team.member_added']);
    });

    it('renames with a diff, refuses a taken name, and sorts by member count', async () => {
      const one = (await post('/api/teams', { name: '合唱团', kind: 'arts' })).json();
      const two = (await post('/api/teams', { name: '秦腔团', kind: 'arts' })).json();
      await post(`/api/teams/${two.id}/members`, { residentId: (await buildResident(env.ctx, secretary.community.id)).id });
      const taken = await patch(`/api/teams/${one.id}`, { name: '秦腔团' });
      expect(taken.statusCode).toBe(409);
      expect(taken.json().error.details.fields[0]).toMatchObject({ field: 'name', rule: 'taken' });
      expect((await patch(`/api/teams/${one.id}`, { description: '每周二排练' })).json().description).toBe('每周二排练');
      const sorted = (await get('/api/teams?kind=arts&sort=memberCount&order=desc')).json();
      expect(sorted.items.map((t: { name: string }) => t.name)).toEqual(['秦腔团', '合唱团']);
      expect((await auditOf('team', one.id)).at(-1)!.changes).toEqual({ description: { from: null, to: '每周二排练' } });
    });

    it('answers 404 for a member id of another team', async () => {
      const t1 = (await post('/api/teams', { name: '电子琴队', kind: 'arts' })).json();
      const t2 = (await post('/api/teams', { name: '二胡演奏队', kind: 'arts' })).json();
      const added = (await post(`/api/teams/${t1.id}/members`, { residentId: (await buildResident(env.ctx, secretary.community.id)).id })).json();
      const res = await post(`/api/teams/${t2.id}/members/${added.members[0].id}/leave`, {});
      expect(res.statusCode).toBe(404);
    });
  });

  describe('stations', () => {
    it('creates, lists with the compound name, updates and audits', async () => {
      const compound = await buildCompound(env.ctx, secretary.community.id, '石油1号小区');
      const res = await post('/api/stations', {
        name: '石油1号社区公社',
        kind: 'commune',
        compoundId: compound.id,
        address: '石油1号小区活动室',
        openingHours: '每天 9:00–21:00',
        phone: '0931-1234567',
      });
      expect(res.statusCode).toBe(201);
      const st = res.json();
      expect(st).toMatchObject({ compoundName: '石油1号小区', kind: 'commune', openingHours: '每天 9:00–21:00', archivedAt: null });
      const upd = await patch(`/api/stations/${st.id}`, { openingHours: '每天 8:30–20:00', compoundId: null });
      expect(upd.json()).toMatchObject({ openingHours: '每天 8:30–20:00', compoundId: null, compoundName: null });
      const list = (await get(`/api/stations?kind=commune&q=${encodeURIComponent('公社')}`)).json();
      expect(list.items.map((s: { id: number }) => s.id)).toContain(st.id);
      expect((await auditOf('station', st.id)).map((a) => a.action)).toEqual(['station.created', 'station.updated']);
      const foreign = await buildCompound(env.ctx, (await buildCommunity(env.ctx)).id);
      const bad = await post('/api/stations', { name: '驿站', kind: 'post_house', compoundId: foreign.id });
      expect(bad.json().error.details.fields[0]).toMatchObject({ field: 'compoundId', rule: 'not_found' });
    });
  });

  it('writes nothing when the audit row cannot be written (same transaction)', async () => {
    const cid = secretary.community.id;
    const resident = await buildResident(env.ctx, cid);
    const pm = (await post('/api/party-members', { residentId: resident.id, status: 'registered' })).json();
    const team = (await post('/api/teams', { name: '分类达人', kind: 'pioneer' })).json();
    const member = (await post(`/api/teams/${team.id}/members`, { residentId: resident.id })).json().members[0];
    const station = (await post('/api/stations', { name: '港城红人馆', kind: 'service_station' })).json();
    const spare = await buildResident(env.ctx, cid);
    const snapshot = async () => ({
      partyMembers: await env.ctx.db.selectFrom('party_members').selectAll().where('community_id', '=', cid).orderBy('id').execute(),
      teams: await env.ctx.db.selectFrom('teams').selectAll().where('community_id', '=', cid).orderBy('id').execute(),
      members: await env.ctx.db.selectFrom('team_members').selectAll().where('community_id', '=', cid).orderBy('id').execute(),
      stations: await env.ctx.db.selectFrom('stations').selectAll().where('community_id', '=', cid).orderBy('id').execute(),
    });
    const before = await snapshot();
    // A check constraint makes every audit insert of this module fail, after the change itself was written.
    await blockAudit(env, ['party_member.', 'team.', 'station.']);
    try {
      const writes = [
        await post('/api/party-members', { residentId: spare.id, status: 'registered' }),
        await patch(`/api/party-members/${pm.id}`, { status: 'outside' }),
        await post(`/api/party-members/${pm.id}/archive`, { reason: '迁出' }),
        await post('/api/teams', { name: '新队伍', kind: 'volunteer' }),
        await patch(`/api/teams/${team.id}`, { name: '改名' }),
        await post(`/api/teams/${team.id}/members`, { residentId: spare.id }),
        await post(`/api/teams/${team.id}/members/${member.id}/leave`, {}),
        await post('/api/stations', { name: '新驿站', kind: 'post_house' }),
        await patch(`/api/stations/${station.id}`, { name: '改名' }),
      ];
      expect(writes.map((w) => w.statusCode)).toEqual(writes.map(() => 500));
    } finally {
      await unblockAudit(env);
    }
    expect(await snapshot()).toEqual(before);
  });
});
