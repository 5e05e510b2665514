import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DB } from './schema.js';
import { PGliteDialect } from './pglite-dialect.js';

export type Engine = 'pglite' | 'postgresql';
export interface Database {
  db: Kysely<DB>;
  engine: Engine;
  close(): Promise<void>;
}

const INT8 = 20;
const DATE = 1082;
const toNumber = (v: string) => Number(v);
const keepString = (v: string) => v;

/** One parser set for both engines: bigint as number (ids and counts stay below 2^53), date as 'YYYY-MM-DD'. */
function pgTypes() {
  return {
    getTypeParser(oid: number, format?: 'text' | 'binary') {
      if (oid === INT8) return toNumber;
      if (oid === DATE) return keepString;
      return pg.types.getTypeParser(oid, format as 'text');
    },
  };
}

export async function openPostgres(url: string, poolSize = 10): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, types: pgTypes() as pg.CustomTypesConfig });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return { db, engine: 'postgresql', close: () => db.destroy() };
}

/**
 * PGlite in memory (dataDir undefined) or in a folder guarded by a lock file. `loadDataDir` starts from a dumped
 * database (the tests' migrated template) instead of running initdb, which costs seconds in WebAssembly.
 */
export async function openPglite(dataDir?: string, opts: { loadDataDir?: Blob } = {}): Promise<Database> {
  let unlock = () => {};
  let pgDir: string | undefined;
  if (dataDir) {
    fs.mkdirSync(dataDir, { recursive: true });
    unlock = takeLock(path.join(dataDir, 'linli.lock'));
    pgDir = path.join(dataDir, 'pgdata');
  }
  try {
    const pglite = await PGlite.create({ dataDir: pgDir, loadDataDir: opts.loadDataDir, parsers: { [INT8]: toNumber, [DATE]: keepString } });
    const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
    return {
      db,
      engine: 'pglite',
      async close() {
        await db.destroy();
        await pglite.close();
        unlock();
      },
    };
  } catch (err) {
    unlock();
    throw err;
  }
}

/**
 * Two processes on one PGlite folder silently lose rows, so the folder is locked.
 * A lock left by a process that is gone (kill -9) is taken over.
 */
export function takeLock(lockPath: string): () => void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(lockPath, 'wx');
      fs.writeSync(fd, String(process.pid));
      fs.closeSync(fd);
      return () => fs.rmSync(lockPath, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number(fs.readFileSync(lockPath, 'utf8').trim());
      if (pid && pid !== process.pid && isAlive(pid)) {
        throw new Error(`The data folder ${path.dirname(lockPath)} is in use by process ${pid}. Stop it first, or set DATA_DIR to another folder.`, {
          cause: err,
        });
      }
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Could not lock ${lockPath}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
