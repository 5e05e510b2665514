import type { ColumnType, Generated } from 'kysely';
import type { Id, CreatedAt, Timestamp, Json } from './common.js';

/** Tables of the platform (audit, jobs, limits, calendar, outbox). */
export interface PlatformTables {
  audit_log: AuditLogTable;
  pii_access_log: PiiAccessLogTable;
  job_leases: JobLeasesTable;
  rate_limits: RateLimitsTable;
  work_calendar: WorkCalendarTable;
  outbox: OutboxTable;
  background_jobs: BackgroundJobsTable;
}

export interface AuditLogTable {
  id: Id;
  community_id: number | null;
  actor_id: number | null;
  action: string;
  entity_type: string;
  entity_id: string;
  changes: Json | null;
  reason: string | null;
  request_id: string | null;
  created_at: CreatedAt;
}
export interface PiiAccessLogTable {
  id: Id;
  community_id: number;
  actor_id: number;
  entity_type: string;
  entity_id: string;
  fields: string[];
  request_id: string | null;
  created_at: CreatedAt;
}
export interface JobLeasesTable {
  name: string;
  owner: string | null;
  locked_until: ColumnType<Date, Date | string | undefined, Date | string>;
  last_started_at: Timestamp | null;
  last_finished_at: Timestamp | null;
  last_error: string | null;
  run_count: Generated<number>;
}
/** A rate-limit counter (platform/limits); a row past `expires_at` counts as absent. */
export interface RateLimitsTable {
  key: string;
  count: number;
  expires_at: ColumnType<Date, Date, Date>;
  locked_until: ColumnType<Date | null, Date | null | undefined, Date | null>;
}
export interface WorkCalendarTable {
  day: string;
  is_workday: boolean;
  name: string;
  updated_by: number | null;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}
/** A domain event waiting for, or past, its dispatch (platform/outbox, ADR 0020). */
export interface OutboxTable {
  id: Id;
  name: string;
  payload: Json;
  created_at: CreatedAt;
  attempts: Generated<number>;
  next_attempt_at: ColumnType<Date, Date | string | undefined, Date | string>;
  locked_by: string | null;
  locked_until: Timestamp | null;
  done_subscribers: ColumnType<string[], string[] | undefined, string[]>;
  last_error: string | null;
  dispatched_at: Timestamp | null;
  dead_at: Timestamp | null;
}
/** An import, export or other long task, run by whichever process holds its lease (platform/jobs, ADR 0021). */
export interface BackgroundJobsTable {
  id: Id;
  kind: string;
  subject_id: number;
  community_id: number | null;
  actor_id: number | null;
  status: ColumnType<'queued' | 'running' | 'done' | 'failed', 'queued' | 'running' | 'done' | 'failed' | undefined, 'queued' | 'running' | 'done' | 'failed'>;
  progress: Generated<number>;
  total: number | null;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  locked_by: string | null;
  locked_until: Timestamp | null;
  heartbeat_at: Timestamp | null;
  error: string | null;
  result_file: string | null;
  created_at: CreatedAt;
  started_at: Timestamp | null;
  finished_at: Timestamp | null;
}
