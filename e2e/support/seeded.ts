// The journeys start from the demo data. Seeding it takes most of a server's first start (initdb, every migration,
// the demo year), so the first journey of a run seeds once and each journey then starts a server on a copy:
// a copied PGlite data folder, or a PostgreSQL database made from the seeded one as a template.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { startServer, type Storage } from './server.js';

async function admin(url: string, sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

function withDatabase(url: string, name: string): string {
  const target = new URL(url);
  target.pathname = `/${name}`;
  return target.toString();
}

async function buildSeed(seed: ReturnType<typeof inject<'linliSeed'>>, url: string | undefined): Promise<void> {
  const env: Record<string, string> = { DATA_DIR: path.join(seed.dir, 'data'), LINLI_ENCRYPTION_KEY: seed.key, LINLI_WORKERS: '0' };
  // On PostgreSQL the folder keeps only files (uploads, exports); it may stay empty.
  fs.mkdirSync(env.DATA_DIR!, { recursive: true });
  if (url && seed.pgDatabase) {
    await admin(url, `drop database if exists ${seed.pgDatabase} with (force)`);
    await admin(url, `create database ${seed.pgDatabase}`);
    env.DATABASE_URL = withDatabase(url, seed.pgDatabase);
  }
  // The demo is seeded before the server listens; with no workers, nothing else is written before it stops.
  const server = await startServer(env, { timeoutMs: 300_000 });
  await server.stop();
  fs.writeFileSync(path.join(seed.dir, 'done'), new Date().toISOString());
}

/** A server's storage holding a fresh copy of the run's demo seed. */
export async function seededStorage(): Promise<Storage> {
  const seed = inject('linliSeed');
  const url = process.env.DATABASE_URL;
  if (!fs.existsSync(path.join(seed.dir, 'done'))) await buildSeed(seed, url);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-e2e-'));
  fs.cpSync(path.join(seed.dir, 'data'), dataDir, { recursive: true });
  if (!url || !seed.pgDatabase) {
    return {
      engine: 'pglite',
      env: { DATA_DIR: dataDir, LINLI_ENCRYPTION_KEY: seed.key },
      dispose: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const name = `linli_e2e_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  await admin(url, `create database ${name} template ${seed.pgDatabase}`);
  return {
    engine: 'postgresql',
    env: { DATA_DIR: dataDir, DATABASE_URL: withDatabase(url, name), LINLI_ENCRYPTION_KEY: seed.key },
    async dispose() {
      await admin(url, `drop database if exists ${name} with (force)`);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
