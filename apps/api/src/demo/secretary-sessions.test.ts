import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorIn, createTestEnv, httpAs, type TestEnv } from '../../test/harness.js';
import { buildDepartment } from '../../test/session-fixtures.js';
import { seedSecretarySessions } from './secretary-sessions.js';

describe('demo: 凌霄 书记面对面', () => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv();
  });
  afterAll(async () => env.close());

  it('seeds one session with the departments serving 凌霄: one commitment kept, one running, one overdue', async () => {
    const secretary = await actorIn(env, 'secretary');
    await env.ctx.db.updateTable('communities').set({ code: 'NB-BL-XQ-LX' }).where('id', '=', secretary.community.id).execute();
    // Nothing to sit down with yet: nothing is seeded.
    await seedSecretarySessions(env.ctx);
    expect(await env.ctx.db.selectFrom('secretary_sessions').select('id').execute()).toEqual([]);
    for (const type of ['chengguan', 'housing', 'power', 'civil_affairs']) await buildDepartment(env, secretary.community.id, `部门${type}`, type);
    await seedSecretarySessions(env.ctx);
    const list = (await httpAs(env.app, secretary).get('/api/secretary-sessions')).json();
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({ title: '书记面对面', place: '凌霄社区红领驿站', itemCount: 4, openCommitments: 2, overdueCommitments: 1 });
    const s = (await httpAs(env.app, secretary).get(`/api/secretary-sessions/${list.items[0].id}`)).json();
    expect(s.attendees).toHaveLength(4);
    expect(s.items.map((i: { commitmentState: string }) => i.commitmentState)).toEqual(['kept', 'open', 'overdue', 'none']);
    expect(s.items[0].followUps.map((f: { status: string }) => f.status)).toEqual(['open', 'kept']);
  });
});
