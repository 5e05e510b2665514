import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, actorIn, buildAccount, loginAs, httpAs, type TestEnv } from '../../../test/harness.js';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(async () => {
  await env?.close();
});

/** A resident ID number with a right check digit, different for each seed. */
function idCard(seed: number): string {
  const body = `5001032001${String(101 + (seed % 800)).padStart(3, '0')}${String(1000 + seed).slice(-4)}`.slice(0, 17);
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
  return body + '10X98765432'[sum % 11]!;
}

async function volunteerWithAccount(approve: boolean, seed: number) {
  const staff = await actorIn(env, 'social_worker');
  const http = httpAs(env.app, staff);
  const account = await buildAccount(env.ctx, { role: 'volunteer', communityId: staff.community.id });
  const res = await http.post('/api/volunteers', {
    name: '周子涵',
    idNumber: idCard(seed),
    phone: '13800001111',
    origin: 'student',
    affiliation: '重庆理工大学',
    accountId: account.id,
    approve,
  });
  expect(res.statusCode).toBe(201);
  const me = httpAs(env.app, await loginAs(env.app, account.username));
  return { staff, http, me, id: res.json().id as number };
}

describe('the volunteer’s own certificate (GET /api/volunteers/me/certificate)', () => {
  it('prints my own record with my whole ID number (logged); the same period again reprints the same number', async () => {
    const { http, me, id, staff } = await volunteerWithAccount(true, 11);
    await http.post('/api/service-hours', {
      volunteerId: id,
      sourceKind: 'activity',
      sourceTitle: '敬老院陪伴',
      startedAt: '2026-10-10T09:00:00+08:00',
      endedAt: '2026-10-10T12:00:00+08:00',
    });
    const first = await me.get('/api/volunteers/me/certificate?from=2026-01-01&to=2026-12-31');
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toBe('application/pdf');
    const again = await me.get('/api/volunteers/me/certificate?from=2026-01-01&to=2026-12-31');
    expect(again.statusCode).toBe(200);
    const rows = await env.ctx.db.selectFrom('volunteer_certificates').selectAll().where('volunteer_id', '=', id).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ counted_minutes: 180, issued_by: expect.any(Number) as number });
    expect(again.headers['content-disposition']).toContain(rows[0]!.number);
    const logged = await env.ctx.db.selectFrom('pii_access_log').select('fields').where('entity_id', '=', String(id)).execute();
    expect(logged).toHaveLength(2);
    const audits = await env.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('community_id', '=', staff.community.id)
      .where('action', 'like', 'volunteer.certificate%')
      .orderBy('id')
      .execute();
    expect(audits.map((a) => a.action)).toEqual(['volunteer.certificate_issued', 'volunteer.certificate_reprinted']);

    // More hours since: a new certificate with the next number.
    await http.post('/api/service-hours', {
      volunteerId: id,
      sourceKind: 'activity',
      sourceTitle: '垃圾分类宣传',
      startedAt: '2026-11-10T09:00:00+08:00',
      endedAt: '2026-11-10T10:00:00+08:00',
    });
    expect((await me.get('/api/volunteers/me/certificate?from=2026-01-01&to=2026-12-31')).statusCode).toBe(200);
    expect(await env.ctx.db.selectFrom('volunteer_certificates').select('counted_minutes').where('volunteer_id', '=', id).orderBy('id').execute()).toEqual([
      { counted_minutes: 180 },
      { counted_minutes: 240 },
    ]);
  });

  it('refuses an applicant not yet approved, an account with no volunteer record, and a period that ends before it starts', async () => {
    const { me } = await volunteerWithAccount(false, 12);
    const pending = await me.get('/api/volunteers/me/certificate?from=2026-01-01&to=2026-12-31');
    expect(pending.statusCode).toBe(409);
    expect(pending.json().error.code).toBe('VOLUNTEER_NOT_APPROVED');

    const staff = await actorIn(env, 'social_worker');
    const stranger = await buildAccount(env.ctx, { role: 'volunteer', communityId: staff.community.id });
    const none = await httpAs(env.app, await loginAs(env.app, stranger.username)).get('/api/volunteers/me/certificate?from=2026-01-01&to=2026-12-31');
    expect(none.statusCode).toBe(404);

    const ok = await volunteerWithAccount(true, 13);
    const backwards = await ok.me.get('/api/volunteers/me/certificate?from=2026-12-31&to=2026-01-01');
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.details.fields[0].field).toBe('to');
    expect(await env.ctx.db.selectFrom('volunteer_certificates').select('id').where('volunteer_id', '=', ok.id).execute()).toHaveLength(0);
  });
});
