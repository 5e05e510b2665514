import type { Generated } from 'kysely';
import type { Id, CreatedAt } from './common.js';

/** Tables of the open311 module. */
export interface Open311Tables {
  open311_clients: Open311ClientsTable;
}

export interface Open311ClientsTable {
  id: Id;
  community_id: number;
  name: string;
  key_hash: string;
  key_prefix: string | null;
  is_active: Generated<boolean>;
  created_at: CreatedAt;
}
