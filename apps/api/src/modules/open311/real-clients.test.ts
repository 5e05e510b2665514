import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorIn, createTestEnv, type TestEnv } from '../../../test/harness.js';
import { pngWithText } from '../../../test/images.js';
import { strictInjector, xmlRows } from '../../../test/strict-xml.js';
import { issueClientKey } from './open311.service.js';

/** What standard Open311 clients send and read (issue 8 item 3): every XML reply here goes through a strict XML 1.0 parser. */
describe('Open311 with real clients', () => {
  let env: TestEnv;
  let inject: ReturnType<typeof strictInjector>;
  let j: string;
  let cookie: string;
  const key = 'linli-real-client';
  const formHeaders = { 'content-type': 'application/x-www-form-urlencoded' };
  const form = (fields: Record<string, string>) => new URLSearchParams({ api_key: key, jurisdiction_id: j, ...fields }).toString();
  const post = (fields: Record<string, string>, file = 'requests.json') =>
    inject({ method: 'POST', url: `/open311/v2/${file}`, headers: formHeaders, payload: form(fields) });
  const multipart = (parts: Array<{ name: string; value: string | Buffer; filename?: string }>) => {
    const chunks = parts.flatMap((p) => [
      Buffer.from(
        `--XyZ\r\nContent-Disposition: form-data; name="${p.name}"${p.filename ? `; filename="${p.filename}"\r\nContent-Type: image/png` : ''}\r\n\r\n`,
      ),
      Buffer.isBuffer(p.value) ? p.value : Buffer.from(p.value),
      Buffer.from('\r\n'),
    ]);
    return { headers: { 'content-type': 'multipart/form-data; boundary=XyZ' }, payload: Buffer.concat([...chunks, Buffer.from('--XyZ--\r\n')]) };
  };
  const newRequest = async (fields: Record<string, string> = {}) => {
    const res = await post({ service_code: 'general', description: '路灯不亮了', ...fields });
    expect(res.statusCode).toBe(201);
    return res.json()[0].service_request_id as string;
  };
  const ticketId = async (code: string) => (await env.ctx.db.selectFrom('tickets').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;

  beforeAll(async () => {
    env = await createTestEnv();
    inject = strictInjector(env.app);
    const sec = await actorIn(env, 'secretary');
    cookie = sec.cookie;
    j = (await env.ctx.db.selectFrom('communities').select('code').where('id', '=', sec.community.id).executeTakeFirstOrThrow()).code;
    await issueClientKey(env.ctx, sec.community.id, 'city app', key);
  });
  afterAll(async () => env.close());

  it('never lets a character XML 1.0 forbids into a reply, and refuses one at intake naming the field', async () => {
    const code = await newRequest({ description: '门铃坏了' });
    // A text stored before input hygiene existed (or written around it) still cannot break the list.
    await env.ctx.db.updateTable('tickets').set({ description: '门铃\u0007坏了\u001b\uFFFE了' }).where('code', '=', code).execute();
    const list = await inject(`/open311/v2/requests.xml?jurisdiction_id=${j}&api_key=${key}&service_request_id=${code}`);
    expect(list.statusCode).toBe(200);
    expect(xmlRows(list.body)[0]).toMatchObject({ service_request_id: code, description: '门铃坏了了' });
    const refused = await post({ service_code: 'general', description: '门铃\u0007坏了' }, 'requests.xml');
    expect(refused.statusCode).toBe(400);
    expect(xmlRows(refused.body)).toEqual([{ code: '400', description: expect.stringContaining('description') }]);
  });

  it('takes multipart with photos in media, urlencoded and JSON bodies, and keeps lat/long on the ticket', async () => {
    const mp = multipart([
      { name: 'api_key', value: key },
      { name: 'jurisdiction_id', value: j },
      { name: 'service_code', value: 'environment' },
      { name: 'description', value: '垃圾桶满了\r\n没人清运' },
      { name: 'lat', value: '36.061089' },
      { name: 'long', value: '103.834304' },
      { name: 'media', value: pngWithText(), filename: 'bin.png' },
    ]);
    const created = await inject({ method: 'POST', url: '/open311/v2/requests.xml', ...mp });
    expect(created.statusCode).toBe(201);
    const code = xmlRows(created.body)[0]!.service_request_id!;
    const stored = await env.ctx.db.selectFrom('tickets').select(['latitude', 'longitude', 'address_text']).where('code', '=', code).executeTakeFirstOrThrow();
    expect(stored).toEqual({ latitude: 36.061089, longitude: 103.834304, address_text: null });

    const one = (await inject(`/open311/v2/requests/${code}.json?jurisdiction_id=${j}&api_key=${key}`)).json()[0];
    expect(one).toMatchObject({
      lat: 36.061089,
      long: 103.834304,
      description: '垃圾桶满了\n没人清运',
      media_url: expect.stringMatching(/\/open311\/v2\/media\//),
    });
    const xml = xmlRows((await inject(`/open311/v2/requests/${code}.xml?jurisdiction_id=${j}&api_key=${key}`)).body)[0]!;
    expect(xml).toMatchObject({ lat: '36.061089', long: '103.834304', media_url: one.media_url });
    // The link works without a key, serves the stored photo (metadata stripped), and a forged one answers 404.
    const photo = await inject(new URL(one.media_url).pathname);
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/png');
    expect(photo.rawPayload.includes(Buffer.from('Location'))).toBe(false);
    const forged = new URL(one.media_url).pathname.replace(/-[\w-]{4}/, '-AAAA');
    expect((await inject(forged)).statusCode).toBe(404);
    // The public (summary by default) sees neither position nor photo.
    const pub = (await inject(`/open311/v2/requests/${code}.json?jurisdiction_id=${j}`)).json()[0];
    expect(pub).toMatchObject({ lat: null, long: null, media_url: null, description: null });

    const viaJson = await inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      payload: { api_key: key, jurisdiction_id: j, service_code: 'general', description: '井盖松动', lat: 36.05, long: 103.8 },
    });
    expect(viaJson.statusCode).toBe(201);
    const jsonCode = viaJson.json()[0].service_request_id;
    expect((await env.ctx.db.selectFrom('tickets').select('latitude').where('code', '=', jsonCode).executeTakeFirstOrThrow()).latitude).toBe(36.05);
    const half = await post({ service_code: 'general', description: '井盖松动', lat: '36.05' }, 'requests.xml');
    expect(half.statusCode).toBe(400);
    expect(xmlRows(half.body)[0]!.description).toContain('lat and long');
  });

  it('answers 400 in the Open311 format, never 500, to repeated, malformed and empty input', async () => {
    const bad: Array<[string, Awaited<ReturnType<typeof inject>>]> = [
      ['repeated status', await inject(`/open311/v2/requests.xml?jurisdiction_id=${j}&status=open&status=closed`)],
      ['repeated form field', await inject({ method: 'POST', url: '/open311/v2/requests.xml', headers: formHeaders, payload: `${form({})}&api_key=x` })],
      [
        'repeated multipart field',
        await inject({
          method: 'POST',
          url: '/open311/v2/requests.xml',
          ...multipart([
            { name: 'api_key', value: key },
            { name: 'api_key', value: key },
          ]),
        }),
      ],
      [
        'field in query and body',
        await inject({ method: 'POST', url: `/open311/v2/requests.xml?api_key=${key}`, headers: formHeaders, payload: form({ service_code: 'general' }) }),
      ],
      [
        'broken multipart',
        await inject({
          method: 'POST',
          url: '/open311/v2/requests.xml',
          headers: { 'content-type': 'multipart/form-data; boundary=XyZ' },
          payload: '--XyZ\r\nbroken',
        }),
      ],
      [
        'multipart without boundary',
        await inject({ method: 'POST', url: '/open311/v2/requests.xml', headers: { 'content-type': 'multipart/form-data' }, payload: 'x' }),
      ],
      ['empty POST', await inject({ method: 'POST', url: '/open311/v2/requests.xml' })],
      ['empty form', await inject({ method: 'POST', url: '/open311/v2/requests.xml', headers: formHeaders, payload: '' })],
      ['plain text', await inject({ method: 'POST', url: '/open311/v2/requests.xml', headers: { 'content-type': 'text/plain' }, payload: 'api_key=x' })],
      ['nested JSON', await inject({ method: 'POST', url: '/open311/v2/requests.xml', payload: { api_key: key, lat: { $gt: 1 } } })],
      ['bad date', await inject(`/open311/v2/requests.xml?jurisdiction_id=${j}&start_date=yesterday`)],
      ['unknown status', await inject(`/open311/v2/requests.xml?jurisdiction_id=${j}&status=pending`)],
      ['bad update_id', await inject(`/open311/v2/servicerequestupdates.xml?jurisdiction_id=${j}&update_id=abc`)],
    ];
    for (const [what, res] of bad) {
      expect(res.statusCode, what).toBe(400);
      expect(res.headers['content-type'], what).toBe('text/xml');
      expect(xmlRows(res.body), what).toEqual([{ code: '400', description: expect.any(String) }]);
    }
    const sixPhotos = multipart([
      { name: 'api_key', value: key },
      ...Array.from({ length: 6 }, () => ({ name: 'media', value: pngWithText(), filename: 'a.png' })),
    ]);
    const tooMany = await inject({ method: 'POST', url: '/open311/v2/requests.xml', ...sixPhotos });
    expect(tooMany.statusCode).toBe(413);
    expect(xmlRows(tooMany.body)).toEqual([{ code: '413', description: 'too many files or fields' }]);
    const emptyJson = await inject({ method: 'POST', url: '/open311/v2/requests.json' });
    expect(emptyJson.statusCode).toBe(400);
    expect(emptyJson.json()).toEqual([{ code: 400, description: expect.stringContaining('no fields') }]);
  });

  it('filters lists: service_request_id overrides the rest, comma lists, 90 days at most', async () => {
    const a = await newRequest({ service_code: 'environment', description: '绿化带垃圾' });
    const b = await newRequest({ service_code: 'utilities', description: '水管漏水' });
    const ids = (res: Awaited<ReturnType<typeof inject>>) => xmlRows(res.body).map((r) => r.service_request_id);
    const base = `/open311/v2/requests.xml?jurisdiction_id=${j}`;
    const both = ids(await inject(`${base}&service_code=environment,utilities&status=open,closed`));
    expect(both).toEqual(expect.arrayContaining([a, b]));
    expect(ids(await inject(`${base}&service_code=utilities`))).toEqual([b]);
    // service_request_id wins over filters that would leave it out.
    expect(ids(await inject(`${base}&service_request_id=${a},${b}&status=closed&service_code=emergency&start_date=2001-01-01T00:00:00Z`))).toEqual([b, a]);
    const long = await inject(`${base}&start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z`);
    expect(long.statusCode).toBe(400);
    expect(xmlRows(long.body)[0]!.description).toContain('90 days');
    expect((await inject(`${base}&start_date=2026-06-01T00:00:00Z&end_date=2026-05-01T00:00:00Z`)).statusCode).toBe(400);
    expect((await inject(`${base}&start_date=2026-01-01T00:00:00Z&end_date=2026-03-31T00:00:00Z`)).statusCode).toBe(200);
  });

  it('answers a merged request closed, naming the ticket it joined by its public code', async () => {
    const kept = await newRequest({ description: '3号楼门口路灯不亮' });
    const dup = await newRequest({ description: '3号楼路灯坏了' });
    const res = await inject({
      method: 'POST',
      url: `/api/tickets/${await ticketId(dup)}/merge`,
      headers: { cookie },
      payload: { mergeIntoId: await ticketId(kept) },
    });
    expect(res.statusCode).toBe(200);
    const one = xmlRows((await inject(`/open311/v2/requests/${dup}.xml?jurisdiction_id=${j}`)).body)[0]!;
    expect(one).toMatchObject({ service_request_id: dup, status: 'closed', status_notes: expect.stringContaining(kept) });
    expect(ids2(await inject(`/open311/v2/requests.json?jurisdiction_id=${j}&status=closed`))).toContain(dup);
  });

  it('serves servicerequestupdates from the public timeline (GET), and takes a client update (POST) once', async () => {
    const code = await newRequest({ description: '楼道堆放杂物' });
    const id = await ticketId(code);
    expect((await inject({ method: 'POST', url: `/api/tickets/${id}/accept`, headers: { cookie }, payload: {} })).statusCode).toBe(200);
    const url = `/open311/v2/servicerequestupdates.xml?jurisdiction_id=${j}&service_request_id=${code}`;
    const updates = xmlRows((await inject(url)).body);
    expect(updates.map((u) => u.description)).toEqual([expect.stringContaining('已登记'), expect.stringContaining('社区已受理')]);
    expect(updates.every((u) => u.service_request_id === code && u.status === 'open')).toBe(true);

    const sent = {
      service_request_id: code,
      description: '杂物是3楼住户的纸箱',
      update_id: 'app-77',
      status: 'OPEN',
      updated_datetime: '2026-12-01T08:00:00Z',
    };
    const first = await post(sent, 'servicerequestupdates.xml');
    expect(first.statusCode).toBe(200);
    const updateId = xmlRows(first.body)[0]!.update_id!;
    expect(updateId).toMatch(/^\d+$/);
    const again = await post(sent, 'servicerequestupdates.json');
    expect(again.json()).toEqual([{ update_id: updateId }]);
    // The public sees the step's name; a keyed client also its text; update_id overrides the other filters.
    const pub = xmlRows(
      (await inject(`/open311/v2/servicerequestupdates.xml?jurisdiction_id=${j}&update_id=${updateId}&start_date=2001-01-01T00:00:00Z`)).body,
    );
    expect(pub).toEqual([expect.objectContaining({ update_id: updateId, service_request_id: code, status: 'open' })]);
    expect(pub[0]!.description).not.toContain('纸箱');
    const keyed = (await inject(`/open311/v2/servicerequestupdates.json?jurisdiction_id=${j}&update_id=${updateId}&api_key=${key}`)).json();
    expect(keyed[0].description).toContain('杂物是3楼住户的纸箱');
    const events = await env.ctx.db
      .selectFrom('ticket_events')
      .select(['action', 'actor_label'])
      .where('ticket_id', '=', id)
      .where('action', '=', 'info_added')
      .execute();
    expect(events).toEqual([{ action: 'info_added', actor_label: 'open311:city app' }]);

    // Closed requests take no update; a POST needs a key; the 90-day rule holds here too.
    await inject({ method: 'POST', url: `/api/tickets/${id}/reject`, headers: { cookie }, payload: { note: '非社区事项' } });
    const closed = await post({ service_request_id: code, description: '还有补充' }, 'servicerequestupdates.xml');
    expect(closed.statusCode).toBe(400);
    const last = xmlRows((await inject(url)).body).at(-1)!;
    expect(last.status).toBe('closed');
    expect((await inject({ method: 'POST', url: '/open311/v2/servicerequestupdates.xml', headers: formHeaders, payload: 'description=abc' })).statusCode).toBe(
      403,
    );
    expect((await inject(`${url}&start_date=2025-01-01T00:00:00Z&end_date=2026-01-01T00:00:00Z`)).statusCode).toBe(400);
  });

  it('lists a production and a test endpoint; the test endpoint checks a POST and files nothing', async () => {
    const d = xmlRows((await inject('/open311/v2/discovery.xml')).body);
    expect(d).toBeDefined();
    const endpoints = (await inject('/open311/v2/discovery.json')).json().endpoints as Array<{ type: string; url: string }>;
    expect(endpoints.map((e) => e.type)).toEqual(['production', 'test']);
    expect(endpoints[1]!.url).toMatch(/\/open311\/v2\/test$/);
    const count = async () =>
      (
        await env.ctx.db
          .selectFrom('tickets')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n;
    const before = Number(await count());
    const dry = await inject({
      method: 'POST',
      url: '/open311/v2/test/requests.xml',
      headers: formHeaders,
      payload: form({ service_code: 'general', description: '测试' }),
    });
    expect(dry.statusCode).toBe(201);
    expect(xmlRows(dry.body)[0]!.service_notice).toContain('test endpoint');
    expect(Number(await count())).toBe(before);
    expect((await inject(`/open311/v2/test/services.xml?jurisdiction_id=${j}`)).statusCode).toBe(200);
  });

  it('keeps a foreign phone in E.164, and files the request without a phone it cannot read', async () => {
    const foreign = await newRequest({ phone: '+49 151 2345 6789' });
    const row = await env.ctx.db
      .selectFrom('tickets')
      .select(['reporter_phone_enc', 'reporter_phone_masked'])
      .where('code', '=', foreign)
      .executeTakeFirstOrThrow();
    expect(env.ctx.pii.decrypt(row.reporter_phone_enc!)).toBe('+4915123456789');
    expect(row.reporter_phone_masked).not.toContain('2345');
    const mainland = await newRequest({ phone: '+86 138-9310-0001' });
    const m = await env.ctx.db.selectFrom('tickets').select('reporter_phone_enc').where('code', '=', mainland).executeTakeFirstOrThrow();
    expect(env.ctx.pii.decrypt(m.reporter_phone_enc!)).toBe('13893100001');
    const odd = await post({ service_code: 'general', description: '路灯不亮了', phone: 'call me maybe' });
    expect(odd.statusCode).toBe(201);
    expect(odd.json()[0].service_notice).toContain('not recognised');
    // Names and phones never leave through Open311, whatever the detail.
    const all = await inject(`/open311/v2/requests.xml?jurisdiction_id=${j}&api_key=${key}`);
    for (const text of ['4915123456789', '13893100001', '+49']) expect(all.body).not.toContain(text);
  });
});

const ids2 = (res: { json(): unknown }) => (res.json() as Array<{ service_request_id: string }>).map((r) => r.service_request_id);
