import type { Generated } from 'kysely';
import type { Id, CreatedAt, Timestamp, Json } from './common.js';

/** Tables of the ledger module. */
export interface LedgerTables {
  ledger_exports: LedgerExportsTable;
}

export interface LedgerExportsTable {
  id: Id;
  community_id: number;
  actor_id: number;
  filters: Json;
  status: string;
  total: Generated<number>;
  processed: Generated<number>;
  file_name: string;
  file_path: string | null;
  error: string | null;
  created_at: CreatedAt;
  finished_at: Timestamp | null;
}
