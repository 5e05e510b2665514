// The tests' environment: a fresh database of the engine under test, the app in process, the one HTTP helper
// (`httpAs`), and the account and community factories a login needs. Other rows: fixtures.ts. Images: images.ts.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import pg from 'pg';
import { inject } from 'vitest';
import type { Role } from '@linli/contracts';
import { loadConfig } from '../src/config.js';
import { buildApp } from '../src/app.js';
import type { AppContext } from '../src/platform/context.js';
import { openPglite, openPostgres, type Database } from '../src/platform/db/database.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import { EventBus } from '../src/platform/events.js';
import { PiiCipher } from '../src/platform/crypto/pii.js';
import type { App } from '../src/platform/http/types.js';
import { hashPassword } from '../src/modules/auth/index.js';

export const TEST_PASSWORD = 'test-password-1';
export const engineUnderTest = process.env.DATABASE_URL ? 'postgresql' : 'pglite';

/** A fresh, empty database of the engine under test: PGlite in memory, or a new database on the server (or a copy of a template). */
export async function createTestDatabase(fromTemplate?: string): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (!url) return openPglite();
  const name = `linli_test_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(fromTemplate ? `create database ${name} template ${fromTemplate}` : `create database ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  const database = await openPostgres(target.toString(), 5);
  return {
    ...database,
    async close() {
      await database.close();
      await dropDatabase(url, name);
    },
  };
}

/**
 * Drops a test database once its connections are gone. pg's pool.end() resolves before its sockets close; a forced
 * drop would then kill live backends, and their clients throw in whichever test file the worker runs next (files
 * share a worker, ADR 0051).
 */
export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  const c = new pg.Client({ connectionString: serverUrl });
  await c.connect();
  try {
    for (let i = 0; i < 50; i++) {
      const { rows } = await c.query<{ n: number }>('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
      if (rows[0]!.n === 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    await c.query(`drop database if exists ${name} with (force)`);
  } finally {
    await c.end();
  }
}

/** The run's migrated template, made by test/global-setup.ts. */
export interface TestTemplate {
  /** A tar of a migrated PGlite data folder. */
  pgliteTar?: string;
  /** A migrated database on the DATABASE_URL server, with no connections left open. */
  pgDatabase?: string;
}
declare module 'vitest' {
  export interface ProvidedContext {
    linliTemplate: TestTemplate;
  }
}

/** The template, or none outside Vitest's api project (benches, scripts). */
function template(): TestTemplate {
  try {
    return inject('linliTemplate') ?? {};
  } catch {
    return {};
  }
}

/** A fresh, migrated database: a copy of the run's template when there is one, else migrated here. */
export async function createMigratedDatabase(): Promise<Database> {
  const { pgliteTar, pgDatabase } = template();
  const url = process.env.DATABASE_URL;
  if (url && pgDatabase) return createTestDatabase(pgDatabase);
  if (!url && pgliteTar && fs.existsSync(pgliteTar)) return openPglite(undefined, { loadDataDir: new Blob([fs.readFileSync(pgliteTar)]) });
  const database = await createTestDatabase();
  await migrateToLatest(database.db);
  return database;
}

export interface TestEnv {
  ctx: AppContext;
  app: App;
  close(): Promise<void>;
}

/** A migrated database, a context and an in-process HTTP app (no listening socket, no web files). */
export async function createTestEnv(envOverrides: Record<string, string> = {}): Promise<TestEnv> {
  const database = await createMigratedDatabase();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-test-'));
  const config = {
    ...loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      LOGIN_RATE_LIMIT: '1000',
      // Its own folder: the files of a test file's tickets never meet another's ticket of the same id (ADR 0051).
      DATA_DIR: dataDir,
      ...envOverrides,
    }),
    demo: false,
  };
  const log = pino({ level: 'silent' });
  const events = new EventBus();
  const ctx: AppContext = {
    config,
    db: database.db,
    engine: database.engine,
    pii: new PiiCipher(crypto.randomBytes(32)),
    events,
    log,
    version: 'test',
  };
  const app = await buildApp(ctx, { serveWeb: false });
  await app.ready();
  return {
    ctx,
    app,
    async close() {
      await app.close();
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

let seq = 0;
const uniq = () => `${Date.now().toString(36)}${(seq++).toString(36)}`;

/** A district, subdistrict and community; pass subdistrictId to add a sibling community. */
export async function buildCommunity(ctx: AppContext, overrides: { name?: string; subdistrictId?: number } = {}) {
  let subdistrictId = overrides.subdistrictId;
  if (!subdistrictId) {
    const district = await ctx.db
      .insertInto('districts')
      .values({ name: '七里河区', city: '兰州市', code: `d${uniq()}` })
      .returning('id')
      .executeTakeFirstOrThrow();
    const sub = await ctx.db
      .insertInto('subdistricts')
      .values({ district_id: district.id, name: '敦煌路街道', code: `s${uniq()}` })
      .returning('id')
      .executeTakeFirstOrThrow();
    subdistrictId = sub.id;
  }
  const community = await ctx.db
    .insertInto('communities')
    .values({ subdistrict_id: subdistrictId, name: overrides.name ?? `测试社区${uniq()}`, code: `c${uniq()}`, address: null })
    .returning(['id', 'name', 'subdistrict_id'])
    .executeTakeFirstOrThrow();
  return { id: community.id, name: community.name, subdistrictId };
}

let cachedHash: Promise<string> | undefined;
export async function buildAccount(ctx: AppContext, opts: { role: Role; communityId?: number | null; subdistrictId?: number | null; username?: string }) {
  cachedHash ??= hashPassword(TEST_PASSWORD);
  const username = opts.username ?? `${opts.role}_${uniq()}`;
  const row = await ctx.db
    .insertInto('accounts')
    .values({
      username,
      display_name: username,
      password_hash: await cachedHash,
      role: opts.role,
      community_id: opts.communityId ?? null,
      subdistrict_id: opts.subdistrictId ?? null,
    })
    .returning(['id', 'username'])
    .executeTakeFirstOrThrow();
  return row;
}

/** Logs in through the API and returns the Cookie header to send. */
export async function loginAs(app: App, username: string, password = TEST_PASSWORD): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: username, password } });
  if (res.statusCode !== 200) throw new Error(`login failed for ${username}: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'linli_sid');
  if (!cookie) throw new Error('no session cookie');
  return `linli_sid=${cookie.value}`;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * The tests' one HTTP helper: requests through the in-process app, with the session cookie of `who` (a logged-in
 * actor or a Cookie header), or none. `send` takes any method; a payload is sent only when given.
 */
export function httpAs(app: App, who?: { cookie: string } | string) {
  const cookie = typeof who === 'string' ? who : who?.cookie;
  const send = (method: Method, url: string, payload?: object) =>
    app.inject({ method, url, headers: cookie ? { cookie } : {}, ...(payload !== undefined ? { payload } : {}) });
  return {
    send,
    get: (url: string) => send('GET', url),
    post: (url: string, payload: object) => send('POST', url, payload),
    put: (url: string, payload: object) => send('PUT', url, payload),
    patch: (url: string, payload: object) => send('PATCH', url, payload),
    delete: (url: string) => send('DELETE', url),
  };
}

/** A new account of `role` in a community, logged in (for roles that belong to one community). */
export async function signedInAccount(env: TestEnv, role: Role, communityId: number) {
  const account = await buildAccount(env.ctx, { role, communityId });
  return { account, cookie: await loginAs(env.app, account.username) };
}

/** A community with an account of the given role, logged in. */
export async function actorIn(env: TestEnv, role: Role, community?: { id: number; subdistrictId: number }) {
  const c = community ?? (await buildCommunity(env.ctx));
  const account = await buildAccount(env.ctx, {
    role,
    communityId: role === 'subdistrict_admin' || role === 'system_admin' ? null : c.id,
    subdistrictId: role === 'subdistrict_admin' ? c.subdistrictId : null,
  });
  return { community: c, account, cookie: await loginAs(env.app, account.username) };
}
