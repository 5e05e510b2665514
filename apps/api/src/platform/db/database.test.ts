import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openPglite, takeLock } from './database.js';

describe('PGlite driver', () => {
  it('keeps a transaction to itself: a query issued meanwhile waits for COMMIT', async () => {
    const { db, close } = await openPglite();
    try {
      await sql`create table t (v int)`.execute(db);
      const seen: number[] = [];
      let outside: Promise<void> | undefined;
      await db.transaction().execute(async (trx) => {
        await sql`insert into t values (1)`.execute(trx);
        outside = sql<{ n: number }>`select count(*)::int as n from t`.execute(db).then((r) => void seen.push(r.rows[0]!.n));
        await new Promise((r) => setTimeout(r, 20));
        await sql`insert into t values (2)`.execute(trx);
        expect(seen).toEqual([]);
      });
      await outside;
      expect(seen).toEqual([2]);
    } finally {
      await close();
    }
  });

  it('rolls back a failed transaction and parses bigint as number', async () => {
    const { db, close } = await openPglite();
    try {
      await sql`create table t (v bigint)`.execute(db);
      await expect(
        db.transaction().execute(async (trx) => {
          await sql`insert into t values (1)`.execute(trx);
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      const r = await sql<{ n: number }>`select count(*) as n from t`.execute(db);
      expect(r.rows[0]!.n).toBe(0);
    } finally {
      await close();
    }
  });
});

describe('data folder lock', () => {
  it('refuses a second holder while the first lives, and takes over a dead one', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-lock-'));
    const lock = path.join(dir, 'linli.lock');
    fs.writeFileSync(lock, String(process.ppid));
    expect(() => takeLock(lock)).toThrow(/in use by process/);
    const dead = spawnSync(process.execPath, ['-e', 'console.log(process.pid)']).stdout.toString().trim();
    fs.writeFileSync(lock, dead);
    const release = takeLock(lock);
    expect(fs.readFileSync(lock, 'utf8')).toBe(String(process.pid));
    release();
    expect(fs.existsSync(lock)).toBe(false);
  });
});
