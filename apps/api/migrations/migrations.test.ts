import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../test/harness.js';
import { migrateDownAll, migrateToLatest } from '../src/platform/db/migrate.js';
import { migrations } from './index.js';

describe('migrations', () => {
  it('apply, reverse completely, and apply again', async () => {
    const database = await createTestDatabase();
    try {
      const applied = await migrateToLatest(database.db);
      expect(applied).toEqual(Object.keys(migrations));
      await migrateDownAll(database.db);
      const left = await sql<{
        n: number;
      }>`select count(*)::int as n from information_schema.tables where table_schema = 'public' and table_name not like 'kysely_%'`.execute(database.db);
      expect(left.rows[0]!.n).toBe(0);
      expect(await migrateToLatest(database.db)).toEqual(Object.keys(migrations));
    } finally {
      await database.close();
    }
  });

  it('are named by timestamp and listed in order', () => {
    const names = Object.keys(migrations);
    expect(names.every((n) => /^\d{14}_[a-z0-9_]+$/.test(n))).toBe(true);
    expect([...names].sort()).toEqual(names);
  });
});
