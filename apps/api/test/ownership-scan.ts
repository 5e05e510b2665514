import fs from 'node:fs';
import path from 'node:path';
import { TABLE_OWNERS, type Owner, type Table } from '../src/modules/ownership.js';

/** A table named in SQL by code of a module that does not own it. */
export interface Crossing {
  file: string;
  table: Table;
  owner: Owner;
  by: Owner;
}

const TABLES = new Set<string>(Object.keys(TABLE_OWNERS));
// Kysely builder calls whose first argument names a table (a string, 'table as alias', or an array of them).
const BUILDER_CALL =
  /\.(selectFrom|insertInto|updateTable|deleteFrom|innerJoin|leftJoin|rightJoin|fullJoin|crossJoin|innerJoinLateral|leftJoinLateral|mergeInto|replaceInto|using|table)\(\s*(\[[^\]]*\]|'[^']*'|"[^"]*")/g;
const QUOTED = /'([^']*)'|"([^"]*)"/g;
// Inside raw sql`` text: a table after from/join/into/update (optionally schema-qualified or quoted).
const RAW_TABLE = /\b(?:from|join|into|update|table)\s+(?:only\s+)?(?:"?public"?\.)?"?([a-z_][a-z0-9_]*)"?/gi;

/** The bodies of every sql`...` (or sql<T>`...`) template in a source text, interpolations included. */
export function rawSqlTemplates(source: string): string[] {
  const bodies: string[] = [];
  const tag = /\bsql\b/g;
  for (let m = tag.exec(source); m; m = tag.exec(source)) {
    let i = m.index + 3;
    if (source[i] === '<') {
      let depth = 0;
      for (; i < source.length; i++) {
        if (source[i] === '<') depth++;
        else if (source[i] === '>' && --depth === 0) break;
      }
      i++;
    }
    if (source[i] !== '`') continue;
    const start = ++i;
    let braces = 0;
    for (; i < source.length; i++) {
      const c = source[i];
      if (c === '\\') i++;
      else if (c === '$' && source[i + 1] === '{') {
        braces++;
        i++;
      } else if (c === '}' && braces > 0) braces--;
      else if (c === '`' && braces === 0) break;
    }
    bodies.push(source.slice(start, i));
    tag.lastIndex = i;
  }
  return bodies;
}

/** Every known table a source text names in Kysely builder calls or raw SQL. */
export function tablesNamedIn(source: string): Set<Table> {
  const found = new Set<Table>();
  const add = (name: string | undefined) => {
    const table = name?.trim().split(/\s+/)[0];
    if (table && TABLES.has(table)) found.add(table as Table);
  };
  for (const call of source.matchAll(BUILDER_CALL)) {
    for (const q of call[2]!.matchAll(QUOTED)) add(q[1] ?? q[2]);
  }
  for (const body of rawSqlTemplates(source)) {
    for (const t of body.matchAll(RAW_TABLE)) add(t[1]!.toLowerCase());
  }
  return found;
}

/** The owner of a source file by its path under src/: modules/<name>/… or platform/…. */
export function ownerOfFile(relPath: string): Owner | null {
  const parts = relPath.split(/[\\/]/);
  if (parts[0] === 'platform') return 'platform';
  if (parts[0] === 'modules' && parts.length > 2) return parts[1] as Owner;
  return null;
}

/** The crossings in one file's source: tables it names that its owner does not own. */
export function crossingsIn(relPath: string, source: string): Crossing[] {
  const by = ownerOfFile(relPath);
  if (!by) return [];
  return [...tablesNamedIn(source)].filter((table) => TABLE_OWNERS[table] !== by).map((table) => ({ file: relPath, table, owner: TABLE_OWNERS[table], by }));
}

/** Every non-test .ts file under src/modules and src/platform, relative to src/. */
export function sourceFiles(srcDir: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) out.push(path.relative(srcDir, full).split(path.sep).join('/'));
    }
  };
  for (const top of ['modules', 'platform']) walk(path.join(srcDir, top));
  return out.sort();
}
