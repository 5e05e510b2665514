import type { CreatedAt, Timestamp } from './common.js';

/** Tables of the auth module. */
export interface AuthTables {
  sessions: SessionsTable;
}

export interface SessionsTable {
  id: string;
  account_id: number;
  created_at: CreatedAt;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
  ip: string | null;
  user_agent: string | null;
}
