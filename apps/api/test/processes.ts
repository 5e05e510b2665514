// Real API processes for the tests that need more than one process or a crash: `node --import tsx apps/api/src/main.ts`.
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Role } from '@linli/contracts';
import type { AppContext } from '../src/platform/context.js';
import { openPglite, openPostgres, type Database } from '../src/platform/db/database.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import { buildAccount, buildCommunity, dropDatabase, TEST_PASSWORD } from './harness.js';

const root = path.resolve(import.meta.dirname, '../../..');
const mainEntry = path.join(root, 'apps/api/src/main.ts');

/**
 * The PostgreSQL server these tests use: DATABASE_URL, or else the local server on 127.0.0.1:5432 when one answers
 * (CI runs one beside the PGlite pass). Undefined when there is none.
 */
export async function reachablePostgres(): Promise<string | undefined> {
  const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.query('select 1');
    return url;
  } catch {
    if (process.env.DATABASE_URL) throw new Error(`DATABASE_URL does not answer: ${url}`);
    return undefined;
  } finally {
    await c.end().catch(() => undefined);
  }
}

/** Where the processes of one test keep their data: a new database on the server, or a PGlite folder; a shared files folder. */
export interface SharedStorage {
  engine: 'postgresql' | 'pglite';
  /** Environment every process of the installation gets (database, encryption key, files folder, no demo). */
  env: Record<string, string>;
  /** A DATA_DIR of its own for one process (PostgreSQL), or the one folder (PGlite). */
  dataDirFor(name: string): string;
  /** The database, opened by the test itself (PGlite: only while no process holds the folder). */
  open(): Promise<Database>;
  dispose(): Promise<void>;
}

export async function sharedStorage(engine: 'postgresql' | 'pglite', serverUrl?: string): Promise<SharedStorage> {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-procs-'));
  const env: Record<string, string> = { LINLI_ENCRYPTION_KEY: crypto.randomBytes(32).toString('base64'), FILES_DIR: path.join(base, 'files'), LINLI_DEMO: '0' };
  if (engine === 'pglite') {
    const dir = path.join(base, 'data');
    return { engine, env, dataDirFor: () => dir, open: () => openPglite(dir), dispose: async () => fs.rmSync(base, { recursive: true, force: true }) };
  }
  const name = `linli_procs_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const target = new URL(serverUrl!);
  target.pathname = `/${name}`;
  env.DATABASE_URL = target.toString();
  return {
    engine,
    env,
    dataDirFor: (proc) => path.join(base, `data-${proc}`),
    open: () => openPostgres(target.toString(), 2),
    async dispose() {
      await dropDatabase(serverUrl!, name);
      fs.rmSync(base, { recursive: true, force: true });
    },
  };
}

/** Migrates and adds a community with a staff account of `role`; closes the database again. Answers the username. */
export async function seedStaff(storage: SharedStorage, role: Role = 'secretary'): Promise<{ username: string; communityId: number }> {
  const database = await storage.open();
  try {
    await migrateToLatest(database.db);
    const ctx = { db: database.db } as AppContext;
    const community = await buildCommunity(ctx);
    const account = await buildAccount(ctx, { role, communityId: community.id });
    return { username: account.username, communityId: community.id };
  } finally {
    await database.close();
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

function withoutDatabaseUrl(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { DATABASE_URL: _ignored, ...rest } = env;
  return rest;
}

export interface ApiProcess {
  url: string;
  proc: ChildProcess;
  output(): string;
  /** Kills the process with `signal` and waits until it is gone (and reaped, so its PGlite lock reads as stale). */
  kill(signal: NodeJS.Signals): Promise<void>;
}

/** Starts apps/api/src/main.ts in a child process and waits until /api/health answers. */
export async function startApi(env: Record<string, string>, timeoutMs = 90_000): Promise<ApiProcess> {
  const port = await freePort();
  let out = '';
  const proc = spawn(process.execPath, ['--import', 'tsx', mainEntry], {
    cwd: root,
    // The test's own DATABASE_URL is not inherited: a PGlite storage names none, and the process must not find one.
    env: { ...withoutDatabaseUrl(process.env), NODE_ENV: 'production', LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  proc.stdout!.on('data', (d) => (out += d));
  proc.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const api: ApiProcess = {
    url,
    proc,
    output: () => out,
    async kill(signal) {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal);
      await exited;
    },
  };
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`the API process exited (${proc.exitCode}):\n${out}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return api;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await api.kill('SIGKILL');
      throw new Error(`the API process did not answer in ${timeoutMs} ms:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Logs in over HTTP; answers the Cookie header (the session lives in the database, so any process accepts it). */
export async function login(base: string, username: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: username, password: TEST_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  const sid = res.headers.getSetCookie().find((c) => c.startsWith('linli_sid='));
  if (!sid) throw new Error('no session cookie');
  return sid.split(';')[0]!;
}

/** A JSON request with the session cookie; answers status and parsed body. */
export async function api(base: string, cookie: string, method: string, url: string, body?: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(`${base}${url}`, {
    method,
    headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}
