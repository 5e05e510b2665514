// Once per test run: one migrated database that every test environment copies, instead of each running initdb and
// every migration again (PGlite's initdb alone costs seconds in WebAssembly). PGlite: a dumped data folder loaded
// by each environment; PostgreSQL: a template database that `create database … template` copies.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely } from 'kysely';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { PGliteDialect } from '../src/platform/db/pglite-dialect.js';
import { openPostgres } from '../src/platform/db/database.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import type { TestTemplate } from './harness.js';

async function admin<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  if (url) {
    const name = `linli_tpl_${process.pid}_${crypto.randomBytes(3).toString('hex')}`;
    await admin(url, (c) => c.query(`create database ${name}`));
    const target = new URL(url);
    target.pathname = `/${name}`;
    const database = await openPostgres(target.toString(), 1);
    await migrateToLatest(database.db);
    await database.close();
    project.provide('linliTemplate', { pgDatabase: name } satisfies TestTemplate);
    return async () => {
      await admin(url, (c) => c.query(`drop database if exists ${name} with (force)`));
    };
  }
  const pglite = await PGlite.create();
  const db = new Kysely<unknown>({ dialect: new PGliteDialect(pglite) });
  await migrateToLatest(db);
  const tar = path.join(os.tmpdir(), `linli-test-template-${process.pid}.tar`);
  fs.writeFileSync(tar, Buffer.from(await (await pglite.dumpDataDir('none')).arrayBuffer()));
  await db.destroy();
  await pglite.close();
  project.provide('linliTemplate', { pgliteTar: tar });
  return () => fs.rmSync(tar, { force: true });
}
