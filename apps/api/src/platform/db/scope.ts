import { sql } from 'kysely';

/** Community ids a caller may see, or null for every community. */
export type Scope = readonly number[] | null;

/** SQL condition: the row's community column is in the scope. Every repository filters with it. */
export const inScope = (scope: Scope, column: string) =>
  scope === null ? sql<boolean>`true` : sql<boolean>`${sql.ref(column)} = any(${sql.val([...scope])}::bigint[])`;

/** A LIKE pattern matching the text anywhere, with the pattern characters escaped. */
export const likeOf = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
