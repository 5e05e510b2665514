import type { LedgerFilter, LedgerRegisterKey, Permission } from '@linli/contracts';
import type { AppContext } from '../../platform/context.js';
import type { Actor } from '../../platform/access/actor.js';
import type { CommunityId } from '../../platform/db/scope.js';
import type { ResidentReach } from '../places/index.js';

/**
 * A register (台账) the ledger module prints (docs/adding-a-module.md §5, ADR 0032). The owning module exports a read
 * model through its index.ts (rows of its own tables, names of others' looked up by id, never a join across modules);
 * the register beside it in ledger/registers/ turns those rows into labelled cells. The workbook (workbook.ts) does
 * the rest: title, 序号, styles, print setup, signature lines.
 */
export type LedgerCell = string | number | Date | null | undefined;

export interface RegisterColumn {
  key: string;
  /** zh-CN header as the printed ledger shows it */
  header: string;
  /** width in characters */
  width: number;
  /** text (wrapped, left) by default; short = centred; date / datetime = a real date with a date format */
  type?: 'text' | 'short' | 'number' | 'date' | 'datetime';
}

/** What an export may show, decided when it is queued (the actor's rights then), kept with the export. */
export interface RegisterAccess {
  /** the actor's reach over residents (places.policy.ts) */
  reach: ResidentReach;
  /** full phone and ID numbers (residents.viewPii); otherwise masked */
  pii: boolean;
  /** the help list's names and requests in full (help.sensitive); otherwise masked and left out */
  helpSensitive?: boolean;
}

export interface RegisterQuery {
  communityId: CommunityId;
  filter: LedgerFilter;
  access: RegisterAccess;
}

export interface LedgerRegister {
  key: LedgerRegisterKey;
  /** zh-CN title, e.g. 居民花名册 */
  title: string;
  /** needed to export it (besides ledger.export) */
  permission: Permission;
  /** Does the period filter the rows (tickets by date raised)? Otherwise the register is printed as of today. */
  byPeriod: boolean;
  columns: readonly RegisterColumn[];
  count(ctx: AppContext, q: RegisterQuery): Promise<number>;
  /** The rows in print order, batch by batch (a few hundred to a thousand at a time). */
  rows(ctx: AppContext, q: RegisterQuery): AsyncIterable<Array<Record<string, LedgerCell>>>;
  /** Personal data the export shows in full for this actor (logged as a view), if any. */
  piiFields?(access: RegisterAccess): string[];
}

export type { Actor };
