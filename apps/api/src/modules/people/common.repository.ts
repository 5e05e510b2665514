import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { Scope } from '../../platform/db/scope.js';
import { residentIdsWithinReach, type ResidentReach } from '../places/index.js';

/** What the people registers' repositories share: the connection type, paging and update helpers. */
export type Db = Kysely<DB> | Transaction<DB>;
export interface PageRequest {
  offset: number;
  limit: number;
  sort?: string;
  order: 'asc' | 'desc';
}

/** The values an update names; an empty result means there is nothing to write. */
export function defined<T extends Record<string, unknown>>(v: T): Partial<T> | null {
  const out = Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined)) as Partial<T>;
  return Object.keys(out).length ? out : null;
}

/** SQL condition: the resident in `column` is one the reader may read (places decides which: ADR 0015). */
export const isResidentReadable = (db: Db, scope: Scope, reach: ResidentReach, column: 'm.resident_id' | 'tm.resident_id') =>
  reach === null ? sql<boolean>`true` : sql<boolean>`${sql.ref(column)} in ${residentIdsWithinReach(db, scope, reach)}`;
