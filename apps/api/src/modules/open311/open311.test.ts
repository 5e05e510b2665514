import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorIn, createTestEnv, type TestEnv } from '../../../test/harness.js';
import { issueClientKey } from './open311.service.js';
import { strictInjector } from '../../../test/strict-xml.js';

describe('Open311 GeoReport v2', () => {
  let env: TestEnv;
  let jurisdiction: string;
  let compoundId: number;
  // Every XML reply is parsed by a strict XML 1.0 parser.
  let inject: ReturnType<typeof strictInjector>;
  beforeAll(async () => {
    env = await createTestEnv();
    inject = strictInjector(env.app);
    const sec = await actorIn(env, 'secretary');
    jurisdiction = (await env.ctx.db.selectFrom('communities').select('code').where('id', '=', sec.community.id).executeTakeFirstOrThrow()).code;
    compoundId = (await inject({ method: 'POST', url: '/api/compounds', headers: { cookie: sec.cookie }, payload: { name: '金海花园' } })).json().id;
    await issueClientKey(env.ctx, sec.community.id, 'city hotline', 'linli-demo-key');
  });
  afterAll(async () => env.close());

  const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

  it('discovers and lists services in both formats with exact content types', async () => {
    const d = await inject('/open311/v2/discovery.json');
    expect(d.headers['content-type']).toBe('application/json');
    expect(d.json().endpoints[0].formats).toEqual(['application/json', 'text/xml']);
    const sj = await inject(`/open311/v2/services.json?jurisdiction_id=${jurisdiction}`);
    expect(sj.json().map((x: { service_code: string }) => x.service_code)).toContain('environment');
    const sx = await inject(`/open311/v2/services.xml?jurisdiction_id=${jurisdiction}`);
    expect(sx.headers['content-type']).toBe('text/xml');
    expect(sx.body).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<services><service><service_code>emergency<\/service_code>/);
    const def = (await inject(`/open311/v2/services/environment.json?jurisdiction_id=${jurisdiction}`)).json();
    expect(def.attributes[0]).toMatchObject({ code: 'compound', datatype: 'singlevaluelist', values: [{ key: String(compoundId), name: '金海花园' }] });
  });

  it('creates a request with api_key in the body or the query, attributes and CRLF text, then reads it back', async () => {
    const post = await inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: form({
        api_key: 'linli-demo-key',
        jurisdiction_id: jurisdiction,
        service_code: 'environment',
        description: '垃圾站异味\r\n早上清运噪音',
        'attribute[compound]': String(compoundId),
        'attribute[building]': '1号楼',
        phone: '13893100001',
        last_name: '王',
        first_name: '阿姨',
      }),
    });
    expect(post.statusCode).toBe(201);
    expect(post.headers['content-type']).toBe('application/json');
    const id = post.json()[0].service_request_id;
    expect(id).toMatch(/^GD\d{6,}$/);

    const viaQuery = await inject({
      method: 'POST',
      url: `/open311/v2/requests.xml?api_key=linli-demo-key`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: form({ jurisdiction_id: jurisdiction, service_code: 'general', description: '路灯不亮' }),
    });
    expect(viaQuery.statusCode).toBe(201);
    expect(viaQuery.headers['content-type']).toBe('text/xml');
    expect(viaQuery.body).toMatch(/<service_requests><request><service_request_id>GD\d+<\/service_request_id>/);

    const one = (await inject(`/open311/v2/requests/${id}.json?jurisdiction_id=${jurisdiction}&api_key=linli-demo-key`)).json()[0];
    expect(one).toMatchObject({
      service_request_id: id,
      status: 'open',
      service_code: 'environment',
      address: '金海花园 1号楼',
      description: '垃圾站异味\n早上清运噪音',
    });
    expect(new Date(one.expected_datetime).getTime()).toBeGreaterThan(new Date(one.requested_datetime).getTime());
    const list = (await inject(`/open311/v2/requests.json?jurisdiction_id=${jurisdiction}&status=open&service_code=environment`)).json();
    expect(list.map((r: { service_request_id: string }) => r.service_request_id)).toEqual([id]);
    const token = (await inject(`/open311/v2/tokens/${id}.xml?jurisdiction_id=${jurisdiction}`)).body;
    expect(token).toContain(`<service_request_id>${id}</service_request_id>`);
  });

  it('lets a secretary issue a key (shown once) and revoke it', async () => {
    const sec = await actorIn(env, 'secretary');
    const code = (await env.ctx.db.selectFrom('communities').select('code').where('id', '=', sec.community.id).executeTakeFirstOrThrow()).code;
    const issued = await inject({ method: 'POST', url: '/api/open311-clients', headers: { cookie: sec.cookie }, payload: { name: '12345 热线' } });
    expect(issued.statusCode).toBe(201);
    const { id, apiKey, keyPrefix } = issued.json();
    expect(apiKey).toMatch(/^linli-[\w-]{24}$/);
    expect(keyPrefix).toBe(apiKey.slice(0, 10));
    const raw = await env.ctx.db.selectFrom('open311_clients').select('key_hash').where('id', '=', id).executeTakeFirstOrThrow();
    expect(raw.key_hash).not.toContain(apiKey);
    const listed = await inject({ url: '/api/open311-clients', headers: { cookie: sec.cookie } });
    expect(listed.json().items).toEqual([{ id, name: '12345 热线', keyPrefix, isActive: true, createdAt: expect.any(String) }]);
    expect(listed.body).not.toContain(apiKey);
    const blank = await inject({
      method: 'POST',
      url: '/api/open311-clients',
      headers: { cookie: sec.cookie, 'accept-language': 'zh-CN' },
      payload: { name: '  ' },
    });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().error.details.fields).toEqual([expect.objectContaining({ field: 'name', rule: 'required' })]);
    const other = await actorIn(env, 'secretary');
    expect((await inject({ method: 'POST', url: `/api/open311-clients/${id}/revoke`, headers: { cookie: other.cookie } })).statusCode).toBe(404);
    expect((await inject({ url: '/api/open311-clients', headers: { cookie: other.cookie } })).json().items).toEqual([]);
    const body = new URLSearchParams({ api_key: apiKey, jurisdiction_id: code, service_code: 'general', description: '热线转来的诉求' }).toString();
    const send = () =>
      inject({ method: 'POST', url: '/open311/v2/requests.json', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: body });
    expect((await send()).statusCode).toBe(201);
    expect((await inject({ method: 'POST', url: `/api/open311-clients/${id}/revoke`, headers: { cookie: sec.cookie } })).statusCode).toBe(200);
    expect((await send()).statusCode).toBe(403);
    const list = (await inject({ url: '/api/open311-clients', headers: { cookie: sec.cookie } })).json().items;
    expect(list).toEqual([expect.objectContaining({ name: '12345 热线', isActive: false })]);
  });

  it('shows the public only what the community chooses, never a tracking code; a client key sees the description', async () => {
    const sec = await actorIn(env, 'secretary');
    const code = (await env.ctx.db.selectFrom('communities').select('code').where('id', '=', sec.community.id).executeTakeFirstOrThrow()).code;
    await issueClientKey(env.ctx, sec.community.id, 'hotline', 'linli-other-key');
    const compound = (await inject({ method: 'POST', url: '/api/compounds', headers: { cookie: sec.cookie }, payload: { name: '兰苑小区' } })).json().id;
    const cats = (await inject({ url: '/api/ticket-categories', headers: { cookie: sec.cookie } })).json().items as Array<{ id: number; code: string }>;
    const submitted = await inject({
      method: 'POST',
      url: '/api/public/tickets',
      payload: {
        communityCode: code,
        categoryId: cats.find((c) => c.code === 'utilities')!.id,
        compoundId: compound,
        addressText: '3号楼2单元401',
        description: '家里停水两天了，张三 13900003333',
        contactName: '张三',
        contactPhone: '13900003333',
      },
    });
    const tracking: string = submitted.json().code;
    const desk = await inject({
      method: 'POST',
      url: '/api/tickets',
      headers: { cookie: sec.cookie },
      payload: {
        channel: 'walk_in',
        categoryId: cats.find((c) => c.code === 'general')!.id,
        title: '楼道灯',
        description: '楼道灯坏了一周',
        reporterPhone: '13900004444',
      },
    });
    const grid = await actorIn(env, 'grid_worker', sec.community);
    await inject({ method: 'POST', url: `/api/tickets/${desk.json().id}/accept`, headers: { cookie: sec.cookie }, payload: {} });
    await inject({
      method: 'POST',
      url: `/api/tickets/${desk.json().id}/assign`,
      headers: { cookie: sec.cookie },
      payload: { assigneeId: grid.account.id },
    });
    const deskTracking: string = desk.json().handover.trackingCode;

    const open = await inject(`/open311/v2/requests.json?jurisdiction_id=${code}`);
    expect(open.statusCode).toBe(200);
    const rows = open.json() as Array<Record<string, unknown>>;
    expect(rows).toHaveLength(2);
    for (const text of [tracking, deskTracking, '停水两天', '楼道灯坏了', '401', '张三', '13900003333', grid.account.username])
      expect(open.body).not.toContain(text);
    const reported = rows.find((r) => r.service_code === 'utilities')!;
    expect(reported).toMatchObject({ status: 'open', service_name: '水电气暖', address: '兰苑小区', description: null, status_notes: null });
    expect(reported.service_request_id).not.toBe(tracking);
    expect(reported).toEqual(expect.objectContaining({ requested_datetime: expect.any(String), updated_datetime: expect.any(String) }));
    // Asking for the tracking code as an id finds nothing.
    expect((await inject(`/open311/v2/requests/${tracking}.json?jurisdiction_id=${code}`)).statusCode).toBe(404);
    expect((await inject(`/open311/v2/requests.xml?jurisdiction_id=${code}`)).body).not.toContain(tracking);

    // A client with a key of this community sees the description and who carries it; another community's key is refused.
    const keyed = await inject(`/open311/v2/requests.json?jurisdiction_id=${code}&api_key=linli-other-key`);
    expect(keyed.body).toContain('停水两天');
    expect(keyed.body).toContain(grid.account.username);
    expect(keyed.body).not.toContain(tracking);
    expect((await inject(`/open311/v2/requests.json?jurisdiction_id=${code}&api_key=linli-demo-key`)).statusCode).toBe(403);

    // The community may choose to show descriptions to everyone; staff names stay out.
    const put = await inject({ method: 'PUT', url: '/api/ticket-settings', headers: { cookie: sec.cookie }, payload: { open311PublicDetail: 'full' } });
    expect(put.json()).toMatchObject({ open311PublicDetail: 'full' });
    const full = await inject(`/open311/v2/requests.json?jurisdiction_id=${code}`);
    expect(full.body).toContain('停水两天');
    expect(full.body).not.toContain(grid.account.username);
    expect(full.body).not.toContain(tracking);
  });

  it('answers errors in the Open311 shape', async () => {
    const bad = await inject({
      method: 'POST',
      url: '/open311/v2/requests.xml',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: form({ api_key: 'wrong', jurisdiction_id: jurisdiction, service_code: 'general', description: 'x y' }),
    });
    expect(bad.statusCode).toBe(403);
    expect(bad.headers['content-type']).toBe('text/xml');
    expect(bad.body).toContain('<errors><error><code>403</code><description>api_key is not valid</description></error></errors>');
    const missing = await inject(`/open311/v2/requests/LLNOPE.json?jurisdiction_id=${jurisdiction}`);
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual([{ code: 404, description: 'service_request_id LLNOPE not found' }]);
    expect((await inject('/open311/v2/services.json')).json()[0]).toMatchObject({ code: 400 });
  });
});
