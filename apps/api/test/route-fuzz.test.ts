import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeTableOf, type RouteEntry } from '../src/platform/http/input-hygiene.js';
import { actorIn, createTestEnv, loginAs, type TestEnv } from './harness.js';

/**
 * Issue 13: every route of the route table, driven with malformed input as an outsider and as a secretary,
 * answers below 500. The route list comes from the app itself, so a new route is fuzzed the day it is added.
 * Deterministic: a fixed seed (FUZZ_SEED overrides it) and a bounded number of runs per route.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261213);
const RUNS_PER_ROUTE = Number(process.env.FUZZ_RUNS ?? 12);

// Raw URL fragments: some are already percent-encoded on purpose (NUL, an encoded lone surrogate, bad escapes).
const nastyRaw = ['%00', 'a%00b', '%ED%A0%80', '%FF%FE', '%', '%zz', '..%2F..%2Fetc%2Fpasswd', '%2e%2e', '%C0%AE', '%EF%BF%BF', '%7F', '%1B%5B31m'];
const nastyText = [
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udc00x',
  'x\ud83d',
  '\u001b[31m',
  '\u007f',
  '\ufffe',
  '../',
  '../../etc/passwd',
  '..',
  '.',
  '',
  ' ',
  '-1',
  '0',
  '1.5',
  '1e309',
  'NaN',
  'Infinity',
  '99999999999999999999',
  '9223372036854775808',
  '-9223372036854775809',
  '2147483648',
  '0000-01-01',
  '9999-99-99',
  '275760-09-14',
  '-271821-04-19',
  '1899-12-31',
  '2200-01-01',
  '2026-02-30',
  'true',
  'null',
  '[]',
  '{}',
  '__proto__',
  'constructor',
  "' or 1=1 --",
  '<x>&amp;',
  'a'.repeat(5000),
];
const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(...nastyText, null, true, false, 0, -1, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, [], {}, [null], { $gt: '' }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.integer(),
  fc.double(),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
);

/** A percent-encoding that never throws: lone surrogates go as UTF-8 of U+FFFD, which is what a browser would send. */
const encode = (s: string) => {
  try {
    return encodeURIComponent(s);
  } catch {
    return [...Buffer.from(s, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');
  }
};

type ZodLike = { def?: ZodDef } | undefined;
interface ZodDef {
  type: string;
  format?: string;
  innerType?: ZodLike;
  in?: ZodLike;
  shape?: Record<string, ZodLike>;
  entries?: Record<string, string | number>;
  values?: unknown[];
  element?: ZodLike;
  options?: ZodLike[];
  valueType?: ZodLike;
}

/**
 * Values of the right shape for a route's zod schema, with edge cases inside (huge and negative numbers, long
 * strings, boundary dates): unlike pure garbage they pass the schema's types and reach the services and the database.
 */
function shapedArb(schema: ZodLike, f: Fixture, depth = 0): fc.Arbitrary<unknown> {
  const def = schema?.def;
  if (!def || depth > 6) return nastyValue;
  const inner = (s: ZodLike) => shapedArb(s, f, depth + 1);
  switch (def.type) {
    case 'optional':
      return fc.option(inner(def.innerType), { nil: undefined, freq: 3 });
    case 'nullable':
      return fc.option(inner(def.innerType), { nil: null, freq: 4 });
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      return inner(def.innerType);
    case 'pipe':
      return inner(def.in);
    case 'object':
      return fc.record(Object.fromEntries(Object.entries(def.shape ?? {}).map(([k, v]) => [k, inner(v)])));
    case 'record':
      return fc.dictionary(fc.string({ maxLength: 8 }), inner(def.valueType), { maxKeys: 3 });
    case 'array':
      return fc.array(inner(def.element), { maxLength: 3 });
    case 'union':
      return fc.oneof(...(def.options ?? []).map(inner));
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries ?? { x: 'x' }));
    case 'literal':
      return fc.constantFrom(...(def.values ?? [null]));
    case 'boolean':
      return fc.boolean();
    case 'number':
    case 'int':
    case 'bigint':
      return fc.constantFrom(f.ticketId, 1, 0, -1, 1.5, 2 ** 31, Number.MAX_SAFE_INTEGER, 1e21);
    case 'string':
      if (def.format === 'date') return fc.constantFrom('1900-01-01', '2199-12-31', '2026-02-28', '2026-12-01');
      if (def.format === 'datetime') return fc.constantFrom('1900-01-01T00:00:00Z', '2199-12-31T23:59:59+08:00', '2026-12-01T08:00:00+08:00');
      return fc.oneof(
        fc.constantFrom(
          '测试内容',
          '金海花园 3 号楼',
          f.ticketCode,
          f.communityCode,
          '13893100001',
          '../',
          "' or 1=1 --",
          '%',
          '_',
          'a'.repeat(2001),
          '  ',
          '',
        ),
        fc.string({ maxLength: 20 }),
      );
    default:
      return nastyValue;
  }
}

function keysOf(schema: unknown): string[] {
  let s = schema as { shape?: Record<string, unknown>; def?: { innerType?: unknown; in?: unknown } } | undefined;
  for (let i = 0; i < 5 && s; i++) {
    if (s.shape) return Object.keys(s.shape);
    s = (s.def?.innerType ?? s.def?.in) as typeof s;
  }
  return [];
}

interface Fixture {
  ticketId: number;
  ticketCode: string;
  communityCode: string;
}

/** Good values for known path parameters, so malformed queries and bodies also reach the deeper code. */
const goodParam = (name: string, f: Fixture): string =>
  ({ id: String(f.ticketId), code: f.ticketCode, photoId: '1', memberId: '1', action: 'accept', day: '2026-12-01', file: 'requests.json', '*': 'x' })[name] ??
  String(f.ticketId);

const deepJson = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const multipart = {
  noBoundary: { 'content-type': 'multipart/form-data' },
  withBoundary: { 'content-type': 'multipart/form-data; boundary=FuzZ' },
};
const truncatedPart = '--FuzZ\r\nContent-Disposition: form-data; name="photos"; filename="a.jpg"\r\nContent-Type: image/jpeg\r\n\r\n\xff\xd8\xff';
const textPart = '--FuzZ\r\nContent-Disposition: form-data; name="file"; filename="a\u0000.xlsx"\r\nContent-Type: text/plain\r\n\r\nhello\r\n--FuzZ--\r\n';

const forgedCookie = fc.constantFrom<string | undefined>(
  undefined,
  undefined,
  'linli_sid=a%00b',
  'linli_sid=%ED%A0%80',
  `linli_sid=${'a'.repeat(4000)}`,
  'linli_sid=',
  'linli_sid="x',
);

type Body = { headers: Record<string, string>; payload: string | Buffer } | null;

function bodyArb(route: RouteEntry, f: Fixture): fc.Arbitrary<Body> {
  const keys = keysOf(route.schema?.body);
  const json = (v: unknown) => ({ headers: { 'content-type': 'application/json' }, payload: JSON.stringify(v) ?? 'null' });
  const objectOfNasty = fc
    .array(fc.tuple(keys.length ? fc.oneof(fc.constantFrom(...keys), fc.string({ maxLength: 8 })) : fc.string({ maxLength: 8 }), nastyValue), { maxLength: 6 })
    .map((entries) => json(Object.fromEntries(entries)));
  return fc.oneof(
    shapedArb(route.schema?.body as ZodLike, f).map(json),
    shapedArb(route.schema?.body as ZodLike, f).map(json),
    objectOfNasty,
    nastyValue.map(json),
    fc.constantFrom<Body>(
      null,
      { headers: { 'content-type': 'application/json' }, payload: '{"a":' },
      { headers: { 'content-type': 'application/json' }, payload: '{"description":"\\ud800","text":"\\u0000","name":"\\udfff"}' },
      { headers: { 'content-type': 'application/json' }, payload: deepJson(5000) },
      { headers: { 'content-type': 'application/json' }, payload: `{"description":"${'a'.repeat(300_000)}"}` },
      { headers: { 'content-type': 'application/json' }, payload: `{"q":"${'a'.repeat(3 * 1024 * 1024)}"}` },
      { headers: { 'content-type': 'application/json; charset=utf-16' }, payload: '{}' },
      { headers: { 'content-type': 'text/plain' }, payload: 'a\u0000b' },
      { headers: { 'content-type': 'application/xml' }, payload: '<a/>' },
      { headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'description=a%00b&description=c&attribute%5Bcompound%5D=1.5' },
      { headers: { 'content-type': 'application/octet-stream' }, payload: Buffer.from([0, 1, 2, 255]) },
      { headers: multipart.noBoundary, payload: 'garbage' },
      { headers: multipart.withBoundary, payload: truncatedPart },
      { headers: multipart.withBoundary, payload: textPart },
      { headers: multipart.withBoundary, payload: '--FuzZ--\r\n' },
      { headers: {}, payload: 'no content type' },
    ),
  );
}

/** A query of the right shape: each value as text, a list as the key repeated. */
const shapedQueryArb = (route: RouteEntry, f: Fixture) =>
  shapedArb(route.schema?.querystring as ZodLike, f).map((q) =>
    Object.entries(typeof q === 'object' && q !== null ? q : {})
      .flatMap(([k, v]) => (v === undefined ? [] : [v].flat().map((x) => `${encode(k)}=${encode(typeof x === 'object' ? JSON.stringify(x) : String(x))}`)))
      .join('&'),
  );

function queryArb(route: RouteEntry, f: Fixture): fc.Arbitrary<string> {
  const keys = [...keysOf(route.schema?.querystring), 'q', 'page', 'pageSize', 'communityId', 'from', 'to', 'jurisdiction_id', 'start_date'];
  const value = fc.oneof(fc.constantFrom(...nastyText).map(encode), fc.constantFrom(...nastyRaw), fc.string({ unit: 'binary', maxLength: 20 }).map(encode));
  const pair = fc.tuple(fc.constantFrom(...keys), value).map(([k, v]) => `${encode(k)}=${v}`);
  // Repeating a key on purpose: the same pair twice, or the key as a list.
  const repeated = fc.tuple(fc.constantFrom(...keys), value, value).map(([k, a, b]) => `${k}=${a}&${k}=${b}`);
  const garbage = fc.array(fc.oneof(pair, repeated, fc.constantFrom(...nastyRaw)), { maxLength: 5 }).map((parts) => parts.join('&'));
  return route.schema?.querystring ? fc.oneof(shapedQueryArb(route, f), garbage) : garbage;
}

function urlArb(route: RouteEntry, f: Fixture): fc.Arbitrary<string> {
  const names = [...route.url.matchAll(/:(\w+)|\*/g)].map((m) => m[1] ?? '*');
  const paramValue = (name: string) =>
    fc.oneof(
      { weight: 2, arbitrary: fc.constant(goodParam(name, f)) },
      { weight: 3, arbitrary: fc.constantFrom(...nastyText).map(encode) },
      { weight: 2, arbitrary: fc.constantFrom(...nastyRaw) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 20 }).map(encode) },
    );
  return fc.tuple(...names.map(paramValue), queryArb(route, f)).map((values) => {
    const query = values.pop() as string;
    let i = 0;
    const path = route.url.replace(/:(\w+)|\*/g, () => values[i++] as string);
    return query ? `${path}?${query}` : path;
  });
}

describe('every route answers malformed input below 500 (fuzz)', () => {
  let env: TestEnv;
  let fixture: Fixture;
  let secretaryUser: string;
  let routes: readonly RouteEntry[];
  const cookies: Record<'anonymous' | 'secretary', string | undefined> = { anonymous: undefined, secretary: undefined };

  beforeAll(async () => {
    env = await createTestEnv({ LOGIN_RATE_LIMIT: '100000' });
    const sec = await actorIn(env, 'secretary');
    secretaryUser = sec.account.username;
    cookies.secretary = sec.cookie;
    const categoryId = (await env.app.inject({ url: '/api/ticket-categories', headers: { cookie: sec.cookie } })).json().items[0].id;
    const t = await env.app.inject({
      method: 'POST',
      url: '/api/tickets',
      headers: { cookie: sec.cookie },
      payload: { channel: 'walk_in', categoryId, title: '路灯', description: '路灯不亮' },
    });
    const communityCode = (await env.ctx.db.selectFrom('communities').select('code').where('id', '=', sec.community.id).executeTakeFirstOrThrow()).code;
    fixture = { ticketId: t.json().id, ticketCode: t.json().code, communityCode };
    routes = routeTableOf(env.app);
  });
  afterAll(async () => env.close());

  it('collects the route table from the app', () => {
    expect(routes.length).toBeGreaterThan(80);
    expect(routes).toContainEqual(expect.objectContaining({ method: 'POST', url: '/open311/v2/:file' }));
    expect(routes).toContainEqual(expect.objectContaining({ method: 'POST', url: '/api/public/tickets/:code/photos' }));
  });

  for (const who of ['anonymous', 'secretary'] as const) {
    it(`no route answers 5xx to malformed input as ${who}`, async () => {
      const started = Date.now();
      let requests = 0;
      const statuses = new Map<number, number>();
      for (const route of routes) {
        const hasBody = route.method !== 'GET' && route.method !== 'HEAD';
        await fc.assert(
          fc.asyncProperty(urlArb(route, fixture), hasBody ? bodyArb(route, fixture) : fc.constant<Body>(null), forgedCookie, async (url, body, forged) => {
            requests++;
            // An outsider sometimes brings a forged session cookie.
            const cookie = who === 'anonymous' ? forged : cookies[who];
            const res = await env.app.inject({
              method: route.method as 'GET',
              url,
              headers: { ...(cookie ? { cookie } : {}), ...(body?.headers ?? {}) },
              ...(body ? { payload: body.payload } : {}),
            });
            // Logging out or changing the password ends the session: log in again so the next requests stay inside.
            if (who === 'secretary' && route.url.startsWith('/api/auth/') && res.statusCode < 300) cookies.secretary = await loginAs(env.app, secretaryUser);
            statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
            if (res.statusCode >= 500) throw new Error(`${route.method} ${url} as ${who} answered ${res.statusCode}: ${res.body.slice(0, 300)}`);
          }),
          { seed: SEED, numRuns: RUNS_PER_ROUTE, endOnFailure: true },
        );
      }
      console.info(
        `fuzz ${who}: ${routes.length} routes, ${requests} requests in ${Date.now() - started} ms (seed ${SEED}); answers ${JSON.stringify(Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])))}`,
      );
    }, 120_000);
  }
});
