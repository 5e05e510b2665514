import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorIn, createTestEnv, httpAs, type TestEnv } from '../../../test/harness.js';
import { buildResident } from '../../../test/fixtures.js';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(async () => env?.close());

/** A resident ID number with a right check digit, different for each seed. */
function idCard(seed: number): string {
  const body = `5001032003${String(101 + (seed % 800)).padStart(3, '0')}${String(1000 + seed).slice(-4)}`.slice(0, 17);
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
  return body + '10X98765432'[sum % 11]!;
}

describe('non-residents in teams (issue 10)', () => {
  it('a student volunteer with no address joins a team beside a resident; listed with school, no phone; leaves like anyone', async () => {
    const sec = await actorIn(env, 'secretary');
    const http = httpAs(env.app, sec);
    const student = (
      await http.post('/api/volunteers', {
        name: '赵一鸣',
        idNumber: idCard(1),
        phone: '13900001234',
        origin: 'student',
        affiliation: '重庆理工大学 机械学院',
      })
    ).json();
    expect(student.residentId).toBeNull();
    const team = (await http.post('/api/teams', { name: '理工大青年志愿服务队', kind: 'volunteer' })).json();
    const resident = await buildResident(env.ctx, sec.community.id, { name: '钱阿姨', phone: '13712340000' });
    expect((await http.post(`/api/teams/${team.id}/members`, { residentId: resident.id })).statusCode).toBe(201);
    const added = await http.post(`/api/teams/${team.id}/members`, { volunteerId: student.id, isLeader: true });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({ memberCount: 2, leaderNames: ['赵一鸣'] });
    const member = added.json().members.find((m: { volunteerId: number | null }) => m.volunteerId === student.id);
    expect(member).toMatchObject({
      residentId: null,
      name: '赵一鸣',
      origin: 'student',
      affiliation: '重庆理工大学 机械学院',
      phoneMasked: null,
      isLeader: true,
    });
    expect((await http.get(`/api/teams?kind=volunteer`)).json().items.find((t: { id: number }) => t.id === team.id).leaderNames).toEqual(['赵一鸣']);

    const dup = await http.post(`/api/teams/${team.id}/members`, { volunteerId: student.id });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.details.fields[0]).toMatchObject({ field: 'volunteerId', rule: 'already_member' });

    expect((await http.post(`/api/teams/${team.id}/members/${member.id}/leave`, {})).json()).toMatchObject({ memberCount: 1 });
    const audit = await env.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'changes'])
      .where('entity_type', '=', 'team')
      .where('entity_id', '=', String(team.id))
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['team.created', 'team.member_added', 'team.member_added', 'team.member_left']);
    expect(audit[2]!.changes).toMatchObject({ volunteerId: student.id, residentId: null, name: '赵一鸣' });
  });

  it('refuses another community’s volunteer (404), an applicant not yet approved, and neither or both of resident and volunteer', async () => {
    const sec = await actorIn(env, 'secretary');
    const http = httpAs(env.app, sec);
    const team = (await http.post('/api/teams', { name: '机关干部服务队', kind: 'volunteer' })).json();
    const other = await actorIn(env, 'secretary');
    const stranger = (
      await httpAs(env.app, other).post('/api/volunteers', { name: '孙干部', idNumber: idCard(2), origin: 'cadre', affiliation: '区民政局' })
    ).json();
    const foreign = await http.post(`/api/teams/${team.id}/members`, { volunteerId: stranger.id });
    expect(foreign.statusCode).toBe(404);

    const pending = (
      await http.post('/api/volunteers', { name: '李同学', idNumber: idCard(3), origin: 'student', affiliation: '理工大', approve: false })
    ).json();
    const notYet = await http.post(`/api/teams/${team.id}/members`, { volunteerId: pending.id });
    expect(notYet.statusCode).toBe(409);
    expect(notYet.json().error.code).toBe('VOLUNTEER_NOT_APPROVED');

    const resident = await buildResident(env.ctx, sec.community.id);
    for (const body of [{}, { residentId: resident.id, volunteerId: pending.id }]) {
      const bad = await http.post(`/api/teams/${team.id}/members`, body);
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.details.fields[0].rule).toBe('resident_or_volunteer');
      expect(bad.json().error.message).toContain('二选一');
    }
    expect(await env.ctx.db.selectFrom('team_members').select('id').where('team_id', '=', team.id).execute()).toEqual([]);
  });

  it('the database holds exactly one of resident and volunteer (check constraint)', async () => {
    const sec = await actorIn(env, 'secretary');
    const team = (await httpAs(env.app, sec).post('/api/teams', { name: '约束测试队', kind: 'squad' })).json();
    await expect(
      env.ctx.db.insertInto('team_members').values({ community_id: sec.community.id, team_id: team.id, resident_id: null, volunteer_id: null }).execute(),
    ).rejects.toThrow(/team_members_one_person/);
  });
});
