import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorIn, createTestEnv, type TestEnv } from '../../../test/harness.js';
import { issueClientKey } from './open311.service.js';

describe('Open311 GeoReport v2', () => {
  let env: TestEnv;
  let jurisdiction: string;
  let compoundId: number;
  beforeAll(async () => {
    env = await createTestEnv();
    const sec = await actorIn(env, 'secretary');
    jurisdiction = (await env.ctx.db.selectFrom('communities').select('code').where('id', '=', sec.community.id).executeTakeFirstOrThrow()).code;
    compoundId = (await env.app.inject({ method: 'POST', url: '/api/compounds', headers: { cookie: sec.cookie }, payload: { name: '金海花园' } })).json().id;
    await issueClientKey(env.ctx, sec.community.id, 'city hotline', 'linli-demo-key');
  });
  afterAll(async () => env.close());

  const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

  it('discovers and lists services in both formats with exact content types', async () => {
    const d = await env.app.inject('/open311/v2/discovery.json');
    expect(d.headers['content-type']).toBe('application/json');
    expect(d.json().endpoints[0].formats).toEqual(['application/json', 'text/xml']);
    const sj = await env.app.inject(`/open311/v2/services.json?jurisdiction_id=${jurisdiction}`);
    expect(sj.json().map((x: { service_code: string }) => x.service_code)).toContain('environment');
    const sx = await env.app.inject(`/open311/v2/services.xml?jurisdiction_id=${jurisdiction}`);
    expect(sx.headers['content-type']).toBe('text/xml');
    expect(sx.body).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<services><service><service_code>emergency<\/service_code>/);
    const def = (await env.app.inject(`/open311/v2/services/environment.json?jurisdiction_id=${jurisdiction}`)).json();
    expect(def.attributes[0]).toMatchObject({ code: 'compound', datatype: 'singlevaluelist', values: [{ key: String(compoundId), name: '金海花园' }] });
  });

  it('creates a request with api_key in the body or the query, attributes and CRLF text, then reads it back', async () => {
    const post = await env.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: form({ api_key: 'linli-demo-key', jurisdiction_id: jurisdiction, service_code: 'environment', description: '垃圾站异味\r\n早上清运噪音', 'attribute[compound]': String(compoundId), 'attribute[building]': '1号楼', phone: '13893100001', last_name: '王', first_name: '阿姨' }),
    });
    expect(post.statusCode).toBe(201);
    expect(post.headers['content-type']).toBe('application/json');
    const id = post.json()[0].service_request_id;
    expect(id).toMatch(/^LL/);

    const viaQuery = await env.app.inject({
      method: 'POST',
      url: `/open311/v2/requests.xml?api_key=linli-demo-key`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: form({ jurisdiction_id: jurisdiction, service_code: 'general', description: '路灯不亮' }),
    });
    expect(viaQuery.statusCode).toBe(201);
    expect(viaQuery.headers['content-type']).toBe('text/xml');
    expect(viaQuery.body).toMatch(/<service_requests><request><service_request_id>LL[A-Z0-9]+<\/service_request_id>/);

    const one = (await env.app.inject(`/open311/v2/requests/${id}.json?jurisdiction_id=${jurisdiction}`)).json()[0];
    expect(one).toMatchObject({ service_request_id: id, status: 'open', service_code: 'environment', address: '金海花园 1号楼', description: '垃圾站异味\n早上清运噪音' });
    expect(new Date(one.expected_datetime).getTime()).toBeGreaterThan(new Date(one.requested_datetime).getTime());
    const list = (await env.app.inject(`/open311/v2/requests.json?jurisdiction_id=${jurisdiction}&status=open&service_code=environment`)).json();
    expect(list.map((r: { service_request_id: string }) => r.service_request_id)).toEqual([id]);
    const token = (await env.app.inject(`/open311/v2/tokens/${id}.xml?jurisdiction_id=${jurisdiction}`)).body;
    expect(token).toContain(`<service_request_id>${id}</service_request_id>`);
  });

  it('lets a secretary issue a key (shown once) and revoke it', async () => {
    const sec = await actorIn(env, 'secretary');
    const code = (await env.ctx.db.selectFrom('communities').select('code').where('id', '=', sec.community.id).executeTakeFirstOrThrow()).code;
    const issued = await env.app.inject({ method: 'POST', url: '/api/open311-clients', headers: { cookie: sec.cookie }, payload: { name: '12345 热线' } });
    expect(issued.statusCode).toBe(201);
    const { id, apiKey, keyPrefix } = issued.json();
    expect(apiKey).toMatch(/^linli-[\w-]{24}$/);
    expect(keyPrefix).toBe(apiKey.slice(0, 10));
    const raw = await env.ctx.db.selectFrom('open311_clients').select('key_hash').where('id', '=', id).executeTakeFirstOrThrow();
    expect(raw.key_hash).not.toContain(apiKey);
    const listed = await env.app.inject({ url: '/api/open311-clients', headers: { cookie: sec.cookie } });
    expect(listed.json().items).toEqual([{ id, name: '12345 热线', keyPrefix, isActive: true, createdAt: expect.any(String) }]);
    expect(listed.body).not.toContain(apiKey);
    const blank = await env.app.inject({ method: 'POST', url: '/api/open311-clients', headers: { cookie: sec.cookie, 'accept-language': 'zh-CN' }, payload: { name: '  ' } });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().error.details.fields).toEqual([expect.objectContaining({ field: 'name', rule: 'required' })]);
    const other = await actorIn(env, 'secretary');
    expect((await env.app.inject({ method: 'POST', url: `/api/open311-clients/${id}/revoke`, headers: { cookie: other.cookie } })).statusCode).toBe(404);
    expect((await env.app.inject({ url: '/api/open311-clients', headers: { cookie: other.cookie } })).json().items).toEqual([]);
    const body = new URLSearchParams({ api_key: apiKey, jurisdiction_id: code, service_code: 'general', description: '热线转来的诉求' }).toString();
    const send = () => env.app.inject({ method: 'POST', url: '/open311/v2/requests.json', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: body });
    expect((await send()).statusCode).toBe(201);
    expect((await env.app.inject({ method: 'POST', url: `/api/open311-clients/${id}/revoke`, headers: { cookie: sec.cookie } })).statusCode).toBe(200);
    expect((await send()).statusCode).toBe(403);
    const list = (await env.app.inject({ url: '/api/open311-clients', headers: { cookie: sec.cookie } })).json().items;
    expect(list).toEqual([expect.objectContaining({ name: '12345 热线', isActive: false })]);
  });

  it('answers errors in the Open311 shape', async () => {
    const bad = await env.app.inject({ method: 'POST', url: '/open311/v2/requests.xml', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: form({ api_key: 'wrong', jurisdiction_id: jurisdiction, service_code: 'general', description: 'x y' }) });
    expect(bad.statusCode).toBe(403);
    expect(bad.headers['content-type']).toBe('text/xml');
    expect(bad.body).toContain('<errors><error><code>403</code><description>api_key is not valid</description></error></errors>');
    const missing = await env.app.inject(`/open311/v2/requests/LLNOPE.json?jurisdiction_id=${jurisdiction}`);
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual([{ code: 404, description: 'service_request_id LLNOPE not found' }]);
    expect((await env.app.inject('/open311/v2/services.json')).json()[0]).toMatchObject({ code: 400 });
  });
});
