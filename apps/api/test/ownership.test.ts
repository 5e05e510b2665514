import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TABLE_OWNERS } from '../src/modules/ownership.js';
import { crossingsIn, sourceFiles, tablesNamedIn } from './ownership-scan.js';

const srcDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '../src');

describe('table ownership (docs/data-ownership.md)', () => {
  it('no module names in SQL a table it does not own', () => {
    const found = sourceFiles(srcDir).flatMap((file) => crossingsIn(file, fs.readFileSync(path.join(srcDir, file), 'utf8')));
    expect(
      found.map((c) => `${c.file}: ${c.table}`),
      'ask the owner module through its index.ts instead',
    ).toEqual([]);
  });

  it('catches a planted violation in builder calls, joins, CTEs and raw SQL', () => {
    const planted = `
      export const q = (db: Db) => db.with('open', (qb) => qb.selectFrom('tickets as t').select('t.id'))
        .selectFrom('open').innerJoin('accounts as a', 'a.id', 'open.id').selectAll().execute();
      export const r = (db: Db) => sql<{ n: number }>\`select count(*) from \${sql.raw('x')} join "residents" r on true\`.execute(db);
      export const w = (db: Db) => db.updateTable('sessions').set({ revoked_at: new Date() }).execute();`;
    const crossings = crossingsIn('modules/partners/partners.repository.ts', planted).map((c) => `${c.table} (${c.owner})`);
    expect(crossings.sort()).toEqual(['accounts (people)', 'residents (places)', 'sessions (auth)', 'tickets (tickets)']);
    // The same text in the owner's own files is no crossing for the table it owns.
    expect(crossingsIn('modules/tickets/tickets.repository.ts', "db.selectFrom('tickets')")).toEqual([]);
  });

  it('reads the table names a real repository uses', () => {
    expect([...tablesNamedIn(fs.readFileSync(path.join(srcDir, 'modules/partners/partners.repository.ts'), 'utf8'))]).toEqual(['partners']);
  });

  it('gives every table of the schema an owner named in the doc', () => {
    const doc = fs.readFileSync(path.join(srcDir, '../../../docs/data-ownership.md'), 'utf8');
    for (const [table, owner] of Object.entries(TABLE_OWNERS)) expect(doc, table).toMatch(new RegExp(`\\| \`${table}\` +\\| ${owner} +\\|`));
  });
});
