import fs from 'node:fs';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/platform/db/database.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import { compareSchemas, readDeclaredSchema, readLiveSchema, schemaPartFile } from './db-types.js';
import { createTestDatabase, engineUnderTest } from './harness.js';

// The hand-written types of schema.ts (and the owners' files under schema/) against the schema the migrations build, on the engine under test.
describe(`database types match the live schema (${engineUnderTest})`, () => {
  let database: Database;
  let db: Kysely<unknown>;
  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db as unknown as Kysely<unknown>;
    await migrateToLatest(database.db);
  });
  afterAll(async () => database?.close());

  it('every table and column of the database is in schema.ts, and the other way round, with the same nullability', async () => {
    const declared = readDeclaredSchema();
    expect(declared.size).toBeGreaterThan(30);
    expect(compareSchemas(declared, await readLiveSchema(db))).toEqual([]);
  });

  it('catches a column missing from either side, and a nullability that differs (planted)', async () => {
    const placesFile = schemaPartFile('places');
    const source = fs.readFileSync(placesFile, 'utf8');
    const planted = source.replace('export interface DistrictsTable {\n  id: Id;\n  name: string;\n', '$&  motto: string;\n');
    expect(planted).not.toBe(source);
    const declared = readDeclaredSchema(new Map([[placesFile, planted]]));
    await sql`alter table units add column planted_note text`.execute(db);
    await sql`alter table households alter column room_no drop not null`.execute(db);
    try {
      expect(compareSchemas(declared, await readLiveSchema(db))).toEqual([
        'column districts.motto: in schema.ts, missing from the database',
        'column households.room_no: nullable in the database, not null in schema.ts',
        'column units.planted_note: in the database, missing from schema.ts',
      ]);
    } finally {
      await sql`alter table units drop column planted_note`.execute(db);
      await sql`alter table households alter column room_no set not null`.execute(db);
    }
  });
});
