import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorIn, createTestEnv, httpAs, type TestEnv } from '../../../test/harness.js';
import { pngWithText } from '../../../test/images.js';
import { trustedCommunityId } from '../../platform/access/trusted-scope.js';
import { activityLedger } from './index.js';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
}, 240_000);
afterAll(async () => env?.close());

type Http = ReturnType<typeof httpAs>;
const soon = () => ({ startsAt: new Date(Date.now() + 600_000).toISOString(), endsAt: new Date(Date.now() + 4_200_000).toISOString() });

/** An activity with three sign-ups for two seats, then started (its times moved back, as the clock would): published, not yet closed. */
async function startedWithSignups(http: Http, title = '书法班') {
  const a = (await http.post('/api/activities', { title, kind: 'arts', organiserKind: 'staff', place: '红领驿站', capacity: 2, ...soon() })).json();
  const ids: number[] = [];
  for (const [i, name] of ['张桂兰', '李建国', '王秀英'].entries()) {
    const s = await http.post(`/api/activities/${a.id}/signups`, { name, phone: `1390000${String(Date.now() % 1000).padStart(3, '0')}${i}` });
    expect(s.statusCode, s.body).toBe(201);
    ids.push(s.json().signup.id);
  }
  await env.ctx.db
    .updateTable('activities')
    // Seconds ago, not an hour: in a month's first hour (Beijing) an hour back would be last month's activity.
    .set({ starts_at: new Date(Date.now() - 2_000), ends_at: new Date(Date.now() - 1_000) })
    .where('id', '=', a.id)
    .execute();
  return { id: a.id as number, signupIds: ids };
}

const upload = (cookie: string, id: number, files: Array<{ name: string; data: Buffer }>) => {
  const boundary = 'act' + Date.now();
  return env.app.inject({
    method: 'POST',
    url: `/api/activities/${id}/photos`,
    headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([
      ...files.flatMap((f) => [
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="photos"; filename="${f.name}"\r\nContent-Type: image/png\r\n\r\n`),
        f.data,
        Buffer.from('\r\n'),
      ]),
      Buffer.from(`--${boundary}--\r\n`),
    ]),
  });
};

describe('activities on the dashboard', () => {
  it("counts this month's activities held, confirmed sign-ups and attendance (checked in plus walk-ins); equals a recount", async () => {
    const sec = await actorIn(env, 'secretary');
    const http = httpAs(env.app, sec);
    const empty = (await http.get('/api/dashboard/community')).json();
    expect(empty.activities).toEqual({ held: 0, signups: 0, attended: 0 });

    const held = await startedWithSignups(http);
    expect((await http.post(`/api/activities/${held.id}/attendance`, { signupIds: [held.signupIds[0]], walkInCount: 3 })).statusCode).toBe(200);
    expect((await http.post(`/api/activities/${held.id}/close`, {})).json().status).toBe('held');
    // Started but not closed: its sign-ups count, it is not held yet, and its attendance waits for the close.
    const open = await startedWithSignups(http, '合唱团排练');
    await http.post(`/api/activities/${open.id}/attendance`, { signupIds: [open.signupIds[0], open.signupIds[1]] });
    // Cancelled ones count for nothing.
    const cancelled = (await http.post('/api/activities', { title: '健康讲座', kind: 'lecture', organiserKind: 'staff', ...soon() })).json();
    await http.post(`/api/activities/${cancelled.id}/signups`, { name: '赵大爷', phone: '13900001111' });
    await http.post(`/api/activities/${cancelled.id}/cancel`, { reason: '讲师生病' });

    const d = (await http.get('/api/dashboard/community')).json();
    expect(d.activities).toEqual({ held: 1, signups: 4, attended: 4 });
    // The same numbers recounted from the raw rows.
    const cid = trustedCommunityId(sec.community.id);
    const rows = await env.ctx.db.selectFrom('activities').select(['id', 'status', 'walk_in_count']).where('community_id', '=', cid).execute();
    const signups = await env.ctx.db
      .selectFrom('activity_signups')
      .select(['activity_id', 'status', 'checked_in_at'])
      .where('community_id', '=', cid)
      .execute();
    const live = rows.filter((r) => r.status !== 'cancelled');
    const heldRows = live.filter((r) => r.status === 'held' || r.status === 'reported');
    const of = (ids: number[]) => signups.filter((s) => ids.includes(s.activity_id) && s.status === 'confirmed');
    expect(d.activities).toEqual({
      held: heldRows.length,
      signups: of(live.map((r) => r.id)).length,
      attended: of(heldRows.map((r) => r.id)).filter((s) => s.checked_in_at).length + heldRows.reduce((n, r) => n + r.walk_in_count, 0),
    });
    // Last month's activity is not this month's.
    expect(await activityLedger.monthCounts(env.ctx.db, cid, new Date(Date.now() - 40 * 86_400_000))).toEqual({ held: 0, signups: 0, attended: 0 });
  });
});

describe('report and photos after an activity', () => {
  it('photos only once held; stripped, named by hash, shown to staff and on the phone with the report; bad files change nothing', async () => {
    const sec = await actorIn(env, 'secretary');
    const http = httpAs(env.app, sec);
    const code = (await env.ctx.db.selectFrom('communities').select('code').where('id', '=', sec.community.id).executeTakeFirstOrThrow()).code;
    const a = await startedWithSignups(http, '消防演练');
    await env.ctx.db.updateTable('activities').set({ is_public: true }).where('id', '=', a.id).execute();

    // Before the close: INVALID_STATE and nothing written.
    expect((await upload(sec.cookie, a.id, [{ name: 'a.png', data: pngWithText() }])).json().error.code).toBe('INVALID_STATE');
    expect((await http.post(`/api/activities/${a.id}/close`, {})).statusCode).toBe(200);

    const auditBefore = await env.ctx.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const bad = await upload(sec.cookie, a.id, [{ name: 'a.png', data: Buffer.from('not an image at all') }]);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields[0]).toMatchObject({ field: 'photos', rule: 'invalid_image' });
    const tooMany = await upload(
      sec.cookie,
      a.id,
      Array.from({ length: 6 }, (_, i) => ({ name: `${i}.png`, data: pngWithText() })),
    );
    expect(tooMany.statusCode).toBe(413); // more files in one request than uploads take
    const auditAfter = await env.ctx.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(auditAfter.n)).toBe(Number(auditBefore.n));
    expect((await http.get(`/api/activities/${a.id}`)).json().photos).toEqual([]);

    const ok = await upload(sec.cookie, a.id, [{ name: 'a.png', data: pngWithText() }]);
    expect(ok.statusCode, ok.body).toBe(200);
    const [name] = ok.json().photos as string[];
    expect(name).toMatch(/^[0-9a-f]{24}\.png$/);
    // The same picture again is kept once.
    expect((await upload(sec.cookie, a.id, [{ name: 'b.png', data: pngWithText() }])).json().photos).toEqual([name]);
    const img = await env.app.inject({ url: `/api/activities/${a.id}/photos/${name}`, headers: { cookie: sec.cookie } });
    expect(img.statusCode).toBe(200);
    expect(img.headers['content-type']).toBe('image/png');
    expect(img.rawPayload.includes(Buffer.from('tEXt'))).toBe(false);

    const reported = await http.post(`/api/activities/${a.id}/report`, { report: '演练 40 分钟，32 位居民参加，学会了灭火器的使用。' });
    expect(reported.json()).toMatchObject({ status: 'reported', photos: [name] });
    const phone = (await env.app.inject({ url: `/api/public/activities/${a.id}?c=${code}` })).json();
    expect(phone).toMatchObject({ status: 'reported', report: expect.stringContaining('灭火器'), photos: [name] });
    expect((await env.app.inject({ url: `/api/public/activities/${a.id}/photos/${name}?c=${code}` })).statusCode).toBe(200);
    const trail = await env.ctx.db.selectFrom('activity_events').select('kind').where('activity_id', '=', a.id).orderBy('id').execute();
    expect(trail.map((e) => e.kind).filter((k) => !['signed_up', 'waitlisted'].includes(k))).toEqual([
      'published',
      'held',
      'photos_added',
      'photos_added',
      'reported',
    ]);
    expect(
      await env.ctx.db
        .selectFrom('audit_log')
        .select('action')
        .where('entity_type', '=', 'activity')
        .where('entity_id', '=', String(a.id))
        .where('action', '=', 'activity.photos_added')
        .execute(),
    ).toHaveLength(2);

    // Another community: 404 for the record and its photo; an unknown name: 404.
    const other = await actorIn(env, 'secretary');
    expect((await env.app.inject({ url: `/api/activities/${a.id}/photos/${name}`, headers: { cookie: other.cookie } })).statusCode).toBe(404);
    expect((await upload(other.cookie, a.id, [{ name: 'a.png', data: pngWithText() }])).statusCode).toBe(404);
    expect((await env.app.inject({ url: `/api/activities/${a.id}/photos/${'0'.repeat(24)}.png`, headers: { cookie: sec.cookie } })).statusCode).toBe(404);
    expect((await env.app.inject({ url: `/api/activities/${a.id}/photos/..%2Fx.png`, headers: { cookie: sec.cookie } })).statusCode).toBe(404);
  });

  it('on the phone, an activity not yet held shows no report or photos', async () => {
    const sec = await actorIn(env, 'secretary');
    const http = httpAs(env.app, sec);
    const code = (await env.ctx.db.selectFrom('communities').select('code').where('id', '=', sec.community.id).executeTakeFirstOrThrow()).code;
    const a = (await http.post('/api/activities', { title: '瑜伽课', kind: 'fitness', organiserKind: 'staff', isPublic: true, ...soon() })).json();
    const phone = (await env.app.inject({ url: `/api/public/activities/${a.id}?c=${code}` })).json();
    expect(phone).toMatchObject({ report: null, photos: [] });
  });
});
