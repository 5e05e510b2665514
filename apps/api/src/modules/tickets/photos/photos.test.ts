import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorIn, buildAccount, createTestEnv, loginAs, type TestEnv } from '../../../../test/harness.js';
import { pngWithText } from '../../../../test/images.js';

type Who = { cookie: string };

describe('tickets: photos from residents and helpers', () => {
  let env: TestEnv;
  let sec: Awaited<ReturnType<typeof actorIn>>;
  let categories: Record<string, number>;
  let compoundId: number;
  let buildingId: number;

  const call = async (who: Who | null, method: 'GET' | 'POST', url: string, payload?: unknown, headers: Record<string, string> = {}) => {
    const res = await env.app.inject({
      method,
      url,
      headers: { ...headers, ...(who ? { cookie: who.cookie } : {}) },
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });
    return { status: res.statusCode, body: res.json() };
  };
  const act = (who: Who, id: number, action: string, body: Record<string, unknown> = {}) => call(who, 'POST', `/api/tickets/${id}/${action}`, body);

  beforeAll(async () => {
    env = await createTestEnv();
    sec = await actorIn(env, 'secretary');
    const cats = (await call(sec, 'GET', '/api/ticket-categories')).body.items as Array<{ id: number; code: string }>;
    categories = Object.fromEntries(cats.map((c) => [c.code, c.id]));
    compoundId = (await call(sec, 'POST', '/api/compounds', { name: '金海花园' })).body.id;
    buildingId = (await call(sec, 'POST', '/api/buildings', { compoundId, name: '1号楼' })).body.id;
  });
  afterAll(async () => env.close());

  it('takes up to five photos per report, images only, with their metadata removed', async () => {
    const code = (await env.ctx.db.selectFrom('communities').select('code').where('id', '=', sec.community.id).executeTakeFirstOrThrow()).code;
    const tracking = (
      await call(null, 'POST', '/api/public/tickets', {
        communityCode: code,
        categoryId: categories.environment,
        description: '楼下垃圾桶满了没人清',
        contactPhone: '13900002222',
      })
    ).body.code;
    const upload = (files: Array<{ name: string; data: Buffer; type: string }>) => {
      const boundary = 'linli' + Math.random().toString(16).slice(2);
      const body = Buffer.concat([
        ...files.map((f) =>
          Buffer.concat([
            Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="photos"; filename="${f.name}"\r\nContent-Type: ${f.type}\r\n\r\n`),
            f.data,
            Buffer.from('\r\n'),
          ]),
        ),
        Buffer.from(`--${boundary}--\r\n`),
      ]);
      return env.app.inject({
        method: 'POST',
        url: `/api/public/tickets/${tracking}/photos`,
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'x-phone-last-four': '2222' },
        payload: body,
      });
    };
    const bad = await upload([{ name: 'x.png', data: Buffer.from('<svg/>'), type: 'image/png' }]);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields[0]).toMatchObject({ field: 'photos', rule: 'invalid_image' });
    const ok = await upload([
      { name: 'a.png', data: pngWithText(), type: 'image/png' },
      { name: 'b.png', data: pngWithText(), type: 'image/png' },
    ]);
    expect(ok.statusCode).toBe(200);
    const ids: number[] = ok.json().photoIds;
    expect(ids).toHaveLength(2);
    const photo = await env.app.inject({ url: `/api/public/tickets/${tracking}/photos/${ids[0]}` });
    expect(photo.headers['content-type']).toBe('image/png');
    expect(photo.rawPayload.toString('latin1')).not.toContain('Location');
    const four = Array.from({ length: 4 }, (_, i) => ({ name: `${i}.png`, data: pngWithText(), type: 'image/png' }));
    expect((await upload(four)).json().error.details.fields[0]).toMatchObject({ rule: 'too_many_files', params: { max: 5 } });
    const id = (await call(sec, 'GET', `/api/tickets?q=${tracking}`)).body.items[0].id;
    expect((await call(sec, 'GET', `/api/tickets/${id}`)).body.photoIds).toEqual(ids);
    const stranger = await actorIn(env, 'secretary');
    expect((await env.app.inject({ url: `/api/tickets/${id}/photos/${ids[0]}`, headers: { cookie: stranger.cookie } })).statusCode).toBe(404);
  });

  it('lets a building head register a door visit with photos and hand it back, and keeps strangers out', async () => {
    const headAccount = await buildAccount(env.ctx, { role: 'building_head', communityId: sec.community.id });
    const head = { cookie: await loginAs(env.app, headAccount.username) };
    const t = (
      await call(head, 'POST', '/api/tickets', {
        channel: 'door_visit',
        categoryId: categories.safety,
        buildingId,
        title: '楼道堆放煤气罐',
        description: '5楼楼道堆放两个煤气罐',
      })
    ).body;
    expect(t).toMatchObject({ channel: 'door_visit', status: 'submitted', compoundId });
    const upload = (who: Who, files: Array<{ name: string; data: Buffer; type: string }>) => {
      const boundary = 'linli' + Math.random().toString(16).slice(2);
      const body = Buffer.concat([
        ...files.map((f) =>
          Buffer.concat([
            Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="photos"; filename="${f.name}"\r\nContent-Type: ${f.type}\r\n\r\n`),
            f.data,
            Buffer.from('\r\n'),
          ]),
        ),
        Buffer.from(`--${boundary}--\r\n`),
      ]);
      return env.app.inject({
        method: 'POST',
        url: `/api/tickets/${t.id}/photos`,
        headers: { cookie: who.cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
        payload: body,
      });
    };
    expect((await upload(head, [{ name: 'x.png', data: Buffer.from('GIF89a'), type: 'image/png' }])).json().error.details.fields[0]).toMatchObject({
      field: 'photos',
      rule: 'invalid_image',
    });
    const ok = await upload(head, [{ name: 'a.png', data: pngWithText(), type: 'image/png' }]);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().photoIds).toHaveLength(1);
    expect(ok.json().events.at(-1)).toMatchObject({ action: 'photos_added', actorName: expect.stringMatching(/^building_head_/), actorLabel: null, note: '1' });
    const audit = await env.ctx.db
      .selectFrom('audit_log')
      .select(['actor_id'])
      .where('action', '=', 'ticket.photos_added')
      .where('entity_id', '=', String(t.id))
      .executeTakeFirstOrThrow();
    expect(audit.actor_id).toBe(headAccount.id);
    expect((await upload(await actorIn(env, 'secretary'), [{ name: 'a.png', data: pngWithText(), type: 'image/png' }])).statusCode).toBe(404);

    // Assigned to the building head, who hands it back: the answer is the ticket, though it is no longer theirs.
    await act(sec, t.id, 'accept');
    await act(sec, t.id, 'assign', { assigneeId: headAccount.id });
    const back = await act(head, t.id, 'return', { note: '需要物业处理' });
    expect(back).toMatchObject({ status: 200, body: { status: 'accepted', assigneeId: null } });
    expect((await call(head, 'GET', `/api/tickets/${t.id}`)).status).toBe(200); // they registered it
  });
});
