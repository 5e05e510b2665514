import path from 'node:path';
import ts from 'typescript';
import { sql, type Kysely } from 'kysely';

/** table → column → is the column nullable. */
export type SchemaShape = Map<string, Map<string, boolean>>;

export const schemaFile = path.resolve(import.meta.dirname, '../src/platform/db/schema.ts');
/** The owners' table files that schema.ts assembles into `DB` (schema/places.ts, schema/tickets.ts …). */
export const schemaPartFile = (owner: string) => path.resolve(import.meta.dirname, `../src/platform/db/schema/${owner}.ts`);

/**
 * Reads the hand-written database types (the `DB` interface of schema.ts, with the tables it inherits from the
 * owners' files under schema/) with the TypeScript compiler: each table, its columns, and whether the selected type
 * admits null (`ColumnType<S, …>` and `Generated<S>` read as S).
 * `planted` replaces the text of some of those files (absolute path → text), so a test can plant a change.
 */
export function readDeclaredSchema(planted: ReadonlyMap<string, string> = new Map()): SchemaShape {
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    skipLibCheck: true,
  };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  const plantedText = (file: string) => planted.get(path.resolve(file));
  host.readFile = (file) => plantedText(file) ?? readFile(file);
  host.getSourceFile = (file, language, onError, create) => {
    const text = plantedText(file);
    return text !== undefined ? ts.createSourceFile(file, text, language) : getSourceFile(file, language, onError, create);
  };
  const program = ts.createProgram([schemaFile], options, host);
  const checker = program.getTypeChecker();
  const file = program.getSourceFile(schemaFile);
  const db = file?.statements.find((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === 'DB');
  if (!file || !db) throw new Error('schema.ts has no `interface DB`');

  const isNullable = (type: ts.Type): boolean => {
    const parts = type.isUnion() ? type.types : [type];
    return parts.some((part) => {
      if (part.flags & ts.TypeFlags.Null) return true;
      const select = part.getProperty('__select__');
      return select ? isNullable(checker.getTypeOfSymbol(select)) : false;
    });
  };
  const shape: SchemaShape = new Map();
  for (const table of checker.getTypeAtLocation(db).getProperties()) {
    const columns = new Map<string, boolean>();
    for (const column of checker.getTypeOfSymbol(table).getProperties()) columns.set(column.name, isNullable(checker.getTypeOfSymbol(column)));
    shape.set(table.name, columns);
  }
  return shape;
}

/** The live schema after migrating: every table of the public schema but Kysely's own, from information_schema. */
export async function readLiveSchema(db: Kysely<unknown>): Promise<SchemaShape> {
  const { rows } = await sql<{ table_name: string; column_name: string; is_nullable: string }>`
    select table_name, column_name, is_nullable from information_schema.columns
    where table_schema = 'public' and table_name not like 'kysely_migration%'
    order by table_name, ordinal_position`.execute(db);
  const shape: SchemaShape = new Map();
  for (const row of rows) {
    if (!shape.has(row.table_name)) shape.set(row.table_name, new Map());
    shape.get(row.table_name)!.set(row.column_name, row.is_nullable === 'YES');
  }
  return shape;
}

/** Every difference, one line each, sorted; empty when the types and the database agree. */
export function compareSchemas(declared: SchemaShape, live: SchemaShape): string[] {
  const problems: string[] = [];
  for (const [table, columns] of live) {
    const typed = declared.get(table);
    if (!typed) {
      problems.push(`table ${table}: in the database, missing from schema.ts`);
      continue;
    }
    for (const [column, nullable] of columns) {
      if (!typed.has(column)) problems.push(`column ${table}.${column}: in the database, missing from schema.ts`);
      else if (typed.get(column) !== nullable)
        problems.push(
          `column ${table}.${column}: ${nullable ? 'nullable' : 'not null'} in the database, ${typed.get(column) ? 'nullable' : 'not null'} in schema.ts`,
        );
    }
  }
  for (const [table, columns] of declared) {
    const actual = live.get(table);
    if (!actual) {
      problems.push(`table ${table}: in schema.ts, missing from the database`);
      continue;
    }
    for (const column of columns.keys()) if (!actual.has(column)) problems.push(`column ${table}.${column}: in schema.ts, missing from the database`);
  }
  return problems.sort();
}
