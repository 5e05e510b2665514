// Once per run: a folder (and, on PostgreSQL, a database name) for the demo-seeded snapshot that the journeys copy.
// The first journey that needs it builds it (seeded.ts); this only names it and removes it at the end.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';

export interface SeedPlace {
  /** Holds `data/` (PGlite's data folder) and `done` once the seed is built. */
  dir: string;
  /** The key the seeded rows were encrypted with; every copy runs with it. */
  key: string;
  /** On PostgreSQL, the database the seed is built in and copied from as a template. */
  pgDatabase?: string;
}
declare module 'vitest' {
  export interface ProvidedContext {
    linliSeed: SeedPlace;
  }
}

export default function setup(project: TestProject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-e2e-seed-'));
  const url = process.env.DATABASE_URL;
  const pgDatabase = url ? `linli_e2e_seed_${process.pid}_${crypto.randomBytes(3).toString('hex')}` : undefined;
  project.provide('linliSeed', { dir, key: crypto.randomBytes(32).toString('base64'), pgDatabase });
  return async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    if (url && pgDatabase) {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${pgDatabase} with (force)`);
      await c.end();
    }
  };
}
