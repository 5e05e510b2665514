import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, actorIn, buildCommunity, type TestEnv } from '../../../test/harness.js';
import { buildResident } from '../../../test/fixtures.js';
import { trustedCommunityId } from '../../platform/access/trusted-scope.js';
import { ensureVolunteer, recordServiceHours, volunteerRefs } from './index.js';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(async () => {
  await env?.close();
});

describe('the volunteers module’s public face (ensureVolunteer, recordServiceHours, volunteerRefs)', () => {
  it('finds or registers an approved volunteer, numbers it per community, and records rounded hours with an event', async () => {
    const staff = await actorIn(env, 'social_worker');
    const cid = trustedCommunityId(staff.community.id);
    const resident = await buildResident(env.ctx, staff.community.id, { name: '王秀兰' });
    const [a, again, b] = await env.ctx.db.transaction().execute(async (trx) => {
      const a = await ensureVolunteer(trx, cid, { residentId: resident.id, accountId: staff.account.id, name: '王秀兰', by: staff.account.id });
      const again = await ensureVolunteer(trx, cid, { accountId: staff.account.id, name: '王秀兰', by: staff.account.id });
      const b = await ensureVolunteer(trx, cid, { name: '李明', by: staff.account.id });
      return [a, again, b];
    });
    expect(again).toBe(a);
    const refs = await volunteerRefs.get(env.ctx.db, cid, [a, b]);
    expect(refs.get(a)).toMatchObject({ volunteerNo: 1, status: 'approved', residentId: resident.id, origin: 'resident' });
    expect(refs.get(b)).toMatchObject({ volunteerNo: 2, status: 'approved', origin: 'other' });
    expect((await volunteerRefs.byAccount(env.ctx.db, cid, staff.account.id))?.id).toBe(a);
    expect([...(await volunteerRefs.names(env.ctx.db, cid, [a, 999999])).values()]).toEqual(['王秀兰']);

    // Another community sees none of it.
    const other = await buildCommunity(env.ctx);
    expect((await volunteerRefs.names(env.ctx.db, trustedCommunityId(other.id), [a])).size).toBe(0);

    const entryId = await env.ctx.db.transaction().execute((trx) =>
      recordServiceHours(trx, cid, {
        volunteerId: a,
        source: { kind: 'activity', id: null, title: '垃圾分类宣传' },
        startedAt: new Date('2026-12-01T01:00:00Z'),
        endedAt: new Date('2026-12-01T03:20:00Z'),
        recordedBy: staff.account.id,
      }),
    );
    const row = await env.ctx.db.selectFrom('service_hours').selectAll().where('id', '=', entryId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      raw_minutes: 140,
      counted_minutes: 150,
      rounding_rule: 'chongqing',
      recorded_by: staff.account.id,
      confirmed_by: staff.account.id,
    });
    const event = await env.ctx.db
      .selectFrom('outbox')
      .select(['name', 'payload'])
      .where('name', '=', 'volunteer.hours_recorded')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(event.payload).toMatchObject({ communityId: staff.community.id, volunteerId: a, entryId, hours: 2.5, sourceKind: 'activity' });
  });

  it('refuses hours that end before they start, naming the field, and writes nothing', async () => {
    const staff = await actorIn(env, 'social_worker');
    const cid = trustedCommunityId(staff.community.id);
    const v = await env.ctx.db.transaction().execute((trx) => ensureVolunteer(trx, cid, { name: '赵磊', by: staff.account.id }));
    const attempt = env.ctx.db.transaction().execute((trx) =>
      recordServiceHours(trx, cid, {
        volunteerId: v,
        source: { kind: 'shift', id: null, title: '值守' },
        startedAt: new Date('2026-12-01T03:00:00Z'),
        endedAt: new Date('2026-12-01T02:00:00Z'),
        recordedBy: staff.account.id,
      }),
    );
    await expect(attempt).rejects.toMatchObject({ code: 'VOLUNTEER_HOURS_ENDS_BEFORE_START', details: { fields: [{ field: 'endedAt' }] } });
    expect(await env.ctx.db.selectFrom('service_hours').select('id').where('volunteer_id', '=', v).execute()).toEqual([]);
  });
});
