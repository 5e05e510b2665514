import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorIn, httpAs, type TestEnv, createTestEnv } from '../../../../test/harness.js';
import { buildCompound, buildResident } from '../../../../test/fixtures.js';

describe('compound party branches (小区党支部)', () => {
  let env: TestEnv;
  let sec: Awaited<ReturnType<typeof actorIn>>;
  let other: Awaited<ReturnType<typeof actorIn>>;
  const api = (who = sec) => httpAs(env.app, who);
  const count = async (table: 'party_branches' | 'party_branch_members') =>
    Number(
      (
        await env.ctx.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  async function member(name: string, who = sec) {
    const r = await buildResident(env.ctx, who.community.id, { name });
    const res = await api(who).post('/api/party-members', { residentId: r.id, status: 'registered' });
    expect(res.statusCode).toBe(201);
    return res.json().id as number;
  }

  beforeAll(async () => {
    env = await createTestEnv();
    sec = await actorIn(env, 'secretary');
    other = await actorIn(env, 'secretary');
  });
  afterAll(async () => env.close());

  it('sets up a branch covering a compound, adds its secretary and members, and shows the branch on the member row', async () => {
    const compound = await buildCompound(env.ctx, sec.community.id, '晴岚家园');
    const res = await api().post('/api/party-branches', { name: '晴岚家园小区党支部', compoundId: compound.id, foundedOn: '2025-07-01' });
    expect(res.statusCode, res.body).toBe(201);
    const branch = res.json();
    expect(branch).toMatchObject({ name: '晴岚家园小区党支部', compoundId: compound.id, compoundName: '晴岚家园', foundedOn: '2025-07-01', members: [] });

    const zhou = await member('周秀兰');
    const tan = await member('谭建华');
    expect((await api().post(`/api/party-branches/${branch.id}/members`, { partyMemberId: tan, role: 'member' })).statusCode).toBe(200);
    const added = await api().post(`/api/party-branches/${branch.id}/members`, { partyMemberId: zhou, role: 'secretary' });
    expect(added.statusCode, added.body).toBe(200);
    expect(added.json().members.map((m: { memberName: string; role: string }) => [m.memberName, m.role])).toEqual([
      ['周秀兰', 'secretary'],
      ['谭建华', 'member'],
    ]);
    const row = (await api().get(`/api/party-members/${zhou}`)).json();
    expect(row).toMatchObject({ branchName: '晴岚家园小区党支部', branchRole: 'secretary' });
    const list = (await api().get('/api/party-members?pageSize=100')).json();
    expect(list.items.find((m: { id: number }) => m.id === tan)).toMatchObject({ branchName: '晴岚家园小区党支部', branchRole: 'member' });
    expect((await api().get('/api/party-branches')).json().items.map((b: { name: string }) => b.name)).toEqual(['晴岚家园小区党支部']);

    const audit = await env.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'party_branch')
      .where('entity_id', '=', String(branch.id))
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['party_branch.created', 'party_branch.member_added', 'party_branch.member_added']);
  });

  it('refuses, naming the field and writing nothing: a second branch, a second secretary, a same name, a bad compound', async () => {
    const a = (await api().post('/api/party-branches', { name: '金海花园党支部' })).json();
    const b = (await api().post('/api/party-branches', { name: '退休党员党支部' })).json();
    const wang = await member('王德明');
    const li = await member('李春梅');
    expect((await api().post(`/api/party-branches/${a.id}/members`, { partyMemberId: wang, role: 'secretary' })).statusCode).toBe(200);
    const before = await count('party_branch_members');

    const twice = await api().post(`/api/party-branches/${b.id}/members`, { partyMemberId: wang });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.details.fields[0]).toMatchObject({ field: 'partyMemberId', rule: 'in_other_branch' });
    expect(twice.json().error.message).toBe('这名党员已是一个党支部的成员（一名党员只属于一个支部）');
    const secondSecretary = await api().post(`/api/party-branches/${a.id}/members`, { partyMemberId: li, role: 'secretary' });
    expect(secondSecretary.statusCode).toBe(409);
    expect(secondSecretary.json().error.details.fields[0]).toMatchObject({ field: 'role', rule: 'secretary_taken' });
    const badRole = await api().post(`/api/party-branches/${a.id}/members`, { partyMemberId: li, role: 'chief' });
    expect(badRole.statusCode).toBe(400);
    expect(badRole.json().error.details.fields[0].field).toBe('role');
    expect(await count('party_branch_members')).toBe(before);

    const branches = await count('party_branches');
    const sameName = await api().post('/api/party-branches', { name: '金海花园党支部' });
    expect(sameName.statusCode).toBe(409);
    expect(sameName.json().error.details.fields[0]).toMatchObject({ field: 'name', rule: 'branch_name_taken' });
    const noName = await api().post('/api/party-branches', { name: ' ' });
    expect(noName.statusCode).toBe(400);
    expect(noName.json().error.details.fields[0].field).toBe('name');
    const elsewhere = await buildCompound(env.ctx, other.community.id, '别处小区');
    const badCompound = await api().post('/api/party-branches', { name: '别处党支部', compoundId: elsewhere.id });
    expect(badCompound.statusCode).toBe(400);
    expect(badCompound.json().error.details.fields[0]).toMatchObject({ field: 'compoundId', rule: 'not_found' });
    expect(await count('party_branches')).toBe(branches);
  });

  it("answers 404 for another community's member or branch, and 403 to a role without party.write", async () => {
    const mine = (await api().post('/api/party-branches', { name: '凌霄一支部' })).json();
    const stranger = await member('外社区党员', other);
    const before = await count('party_branch_members');
    const foreignMember = await api().post(`/api/party-branches/${mine.id}/members`, { partyMemberId: stranger });
    expect(foreignMember.statusCode).toBe(404);
    const theirs = (await api(other).post('/api/party-branches', { name: '外社区支部' })).json();
    expect((await api().get(`/api/party-branches/${theirs.id}`)).statusCode).toBe(404);
    const ours = await member('本社区党员');
    expect((await api().post(`/api/party-branches/${theirs.id}/members`, { partyMemberId: ours })).statusCode).toBe(404);
    expect((await api().get('/api/party-branches')).json().items.map((b: { name: string }) => b.name)).not.toContain('外社区支部');
    const grid = await actorIn(env, 'grid_worker', sec.community);
    expect((await api(grid).post('/api/party-branches', { name: '网格员建的支部' })).statusCode).toBe(403);
    expect(await count('party_branch_members')).toBe(before);
  });
});
