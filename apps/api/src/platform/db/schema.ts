import type { ColumnType, Generated } from 'kysely';

/** Table types, one interface per table, named after it. Modules add their tables here. */
type Id = Generated<number>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json = ColumnType<unknown, string, string>;

export interface DistrictsTable {
  id: Id;
  name: string;
  city: string;
  code: string;
}
export interface SubdistrictsTable {
  id: Id;
  district_id: number;
  name: string;
  code: string;
}
export interface CommunitiesTable {
  id: Id;
  subdistrict_id: number;
  name: string;
  code: string;
  address: string | null;
  timezone: Generated<string>;
  created_at: CreatedAt;
}
export interface GridsTable {
  id: Id;
  community_id: number;
  name: string;
  code: string | null;
  worker_account_id: Generated<number | null>;
}
export interface CompoundsTable {
  id: Id;
  community_id: number;
  grid_id: number | null;
  name: string;
  address: string | null;
  archived_at: Timestamp | null;
}
export interface BuildingsTable {
  id: Id;
  community_id: number;
  compound_id: number;
  name: string;
  floors: number | null;
}
/** A building head's building, or one unit of it when unit_id is set (migration 20261201000600). */
export interface BuildingHeadsTable {
  id: Id;
  community_id: number;
  building_id: number;
  unit_id: number | null;
  account_id: number;
  created_at: CreatedAt;
}
export interface UnitsTable {
  id: Id;
  community_id: number;
  building_id: number;
  name: string;
}
export interface HouseholdsTable {
  id: Id;
  community_id: number;
  unit_id: number;
  room_no: string;
}
export interface ResidentsTable {
  id: Id;
  community_id: number;
  household_id: number | null;
  name: string;
  gender: 'male' | 'female' | null;
  birth_date: string | null;
  phone_enc: string | null;
  phone_masked: string | null;
  phone_hash: string | null;
  id_card_enc: string | null;
  id_card_masked: string | null;
  id_card_hash: string | null;
  sensitive_enc: string | null;
  hukou_local: Generated<boolean>;
  tags: ColumnType<string[], string[] | undefined, string[]>;
  relation: string | null;
  notes: string | null;
  archived_at: Timestamp | null;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}
export interface AccountsTable {
  id: Id;
  username: string;
  display_name: string;
  phone_hash: string | null;
  phone_enc: string | null;
  phone_masked: string | null;
  password_hash: string;
  role: string;
  community_id: number | null;
  subdistrict_id: number | null;
  resident_id: number | null;
  locale: Generated<string>;
  is_active: Generated<boolean>;
  created_at: CreatedAt;
  password_changed_at: Timestamp | null;
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
export interface PartyMembersTable {
  id: Id;
  community_id: number;
  resident_id: number;
  status: 'registered' | 'in_service' | 'outside';
  work_unit: string | null;
  grid_id: number | null;
  joined_on: string | null;
  archived_at: Timestamp | null;
  created_at: CreatedAt;
}
export interface TeamsTable {
  id: Id;
  community_id: number;
  name: string;
  kind: 'pioneer' | 'volunteer' | 'arts' | 'squad' | 'heads';
  description: string | null;
  archived_at: Timestamp | null;
  created_at: CreatedAt;
}
export interface TeamMembersTable {
  id: Id;
  community_id: number;
  team_id: number;
  resident_id: number;
  is_leader: Generated<boolean>;
  joined_at: CreatedAt;
  left_at: Timestamp | null;
}
export interface StationsTable {
  id: Id;
  community_id: number;
  compound_id: number | null;
  name: string;
  kind: string;
  address: string | null;
  opening_hours: string | null;
  phone: string | null;
  description: string | null;
  archived_at: Timestamp | null;
  created_at: CreatedAt;
}
export interface PartnersTable {
  id: Id;
  community_id: number;
  name: string;
  kind: string;
  contact_name: string | null;
  contact_phone_enc: string | null;
  contact_phone_masked: string | null;
  address: string | null;
  description: string | null;
  joined_on: string | null;
  archived_at: Timestamp | null;
  created_at: CreatedAt;
}
export interface ImportJobsTable {
  id: Id;
  community_id: number;
  actor_id: number;
  kind: string;
  file_name: string;
  status: string;
  total_rows: Generated<number>;
  valid_rows: Generated<number>;
  error_rows: Generated<number>;
  processed_rows: Generated<number>;
  imported_rows: Generated<number>;
  errors: ColumnType<unknown, string | undefined, string>;
  payload: Json | null;
  created_at: CreatedAt;
  finished_at: Timestamp | null;
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

/** A rate-limit counter (platform/limits); a row past `expires_at` counts as absent. */
export interface RateLimitsTable {
  key: string;
  count: number;
  expires_at: ColumnType<Date, Date, Date>;
  locked_until: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface TicketCategoriesTable {
  id: Id;
  community_id: number;
  code: string;
  name_zh: string;
  name_en: string;
  response_hours: number;
  resolution_hours: number;
  working_hours_only: Generated<boolean>;
  is_active: Generated<boolean>;
  sort: Generated<number>;
  default_assignee_kind: Generated<DefaultAssigneeKind | null>;
  default_assignee_id: Generated<number | null>;
}
export type DefaultAssigneeKind = 'account' | 'team' | 'partner' | 'grid_worker';
export interface WorkCalendarTable {
  day: string;
  is_workday: boolean;
  name: string;
  updated_by: number | null;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}
export interface TicketSettingsTable {
  community_id: number;
  reopen_limit: Generated<number>;
  unrated_close_days: Generated<number>;
  auto_assign: Generated<boolean>;
  updated_by: number | null;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  /** What Open311 shows without an api_key (migration 20261201000100). */
  open311_public_detail: Generated<'summary' | 'full'>;
}
export interface TicketsTable {
  /** `code`: the public reference (GD000123), from a sequence by default; never a tracking code. */
  id: Id;
  community_id: number;
  code: Generated<string>;
  channel: string;
  category_id: number;
  status: string;
  title: string;
  description: string;
  compound_id: number | null;
  building_id: number | null;
  address_text: string | null;
  reporter_resident_id: number | null;
  reporter_name: string | null;
  reporter_phone_enc: string | null;
  reporter_phone_masked: string | null;
  reporter_phone_hash: string | null;
  is_anonymous: Generated<boolean>;
  meeting_title: string | null;
  assignee_kind: string | null;
  assignee_id: number | null;
  escalated_to_partner_id: number | null;
  escalation_due_at: Timestamp | null;
  response_due_at: Timestamp;
  resolution_due_at: Timestamp;
  first_response_at: Timestamp | null;
  resolved_at: Timestamp | null;
  closed_at: Timestamp | null;
  close_reason: string | null;
  merged_into_id: number | null;
  reopen_count: Generated<number>;
  rating: string | null;
  rating_comment: string | null;
  rated_at: Timestamp | null;
  result_text: string | null;
  created_by: number | null;
  tokens: Generated<string>;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}
export interface TicketEventsTable {
  id: Id;
  community_id: number;
  ticket_id: number;
  action: string;
  from_status: string | null;
  to_status: string | null;
  actor_id: number | null;
  actor_label: string | null;
  channel: string | null;
  note: string | null;
  is_public: Generated<boolean>;
  data: Json | null;
  created_at: CreatedAt;
}
export interface TicketReportersTable {
  id: Id;
  community_id: number;
  ticket_id: number;
  resident_id: number | null;
  name: string | null;
  phone_enc: string | null;
  phone_masked: string | null;
  phone_hash: string | null;
  /** SHA-256 of the tracking code and of the link's key: the secrets themselves are never stored. */
  tracking_hash: string;
  key_hash: string | null;
  proof_failures: Generated<number>;
  proof_locked_until: Timestamp | null;
  created_at: CreatedAt;
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

export interface TicketRemindersTable {
  id: Id;
  community_id: number;
  ticket_id: number;
  kind: string;
  created_at: CreatedAt;
}

export interface TicketAttachmentsTable {
  id: Id;
  community_id: number;
  ticket_id: number;
  mime: string;
  size: number;
  sha256: string;
  data: Buffer;
  created_at: CreatedAt;
}

export interface WebhooksTable {
  id: Id;
  community_id: number;
  name: string;
  url: string;
  format: 'json' | 'wecom' | 'dingtalk' | 'feishu';
  secret: string | null;
  is_active: Generated<boolean>;
  created_at: CreatedAt;
  consecutive_failures: Generated<number>;
  failing_since: Timestamp | null;
  backoff_until: Timestamp | null;
  last_error: string | null;
  paused_at: Timestamp | null;
  pause_reason: string | null;
}
export interface WebhookDeliveriesTable {
  id: Id;
  community_id: number;
  webhook_id: number;
  event: string;
  payload: Json;
  status: Generated<string>;
  attempts: Generated<number>;
  next_attempt_at: ColumnType<Date, Date | string | undefined, Date | string>;
  last_status_code: number | null;
  last_error: string | null;
  delivered_at: Timestamp | null;
  created_at: CreatedAt;
  outbox_id: number | null;
}

/** Roll-up of tickets per community, Beijing day and dimension, kept by triggers on tickets (migration 20261123000900). */
export interface TicketDailyCountsTable {
  community_id: number;
  dim: 'status' | 'channel' | 'category' | 'compound' | 'resolved';
  day: string;
  key: string;
  n: number;
  responded: number;
  responded_in_time: number;
  resolved_confirmed: number;
  satisfied: number;
  rated: number;
}
export interface TicketCountDeltasTable extends Omit<TicketDailyCountsTable, 'dim'> {
  id: Id;
  dim: string;
}
/** Open or unanswered tickets, the ones whose deadlines the clock can still pass; kept by the same trigger. */
export interface TicketDeadlinesTable {
  ticket_id: number;
  community_id: number;
  created_at: Date;
  is_open: boolean;
  has_response: boolean;
  response_due_at: Date;
  resolution_due_at: Date;
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

export interface SetupTokensTable {
  token_hash: string;
  created_at: CreatedAt;
}

export interface DB {
  setup_tokens: SetupTokensTable;
  open311_clients: Open311ClientsTable;
  webhooks: WebhooksTable;
  webhook_deliveries: WebhookDeliveriesTable;
  ticket_attachments: TicketAttachmentsTable;
  ticket_reminders: TicketRemindersTable;
  ledger_exports: LedgerExportsTable;
  ticket_categories: TicketCategoriesTable;
  ticket_settings: TicketSettingsTable;
  work_calendar: WorkCalendarTable;
  tickets: TicketsTable;
  ticket_daily_counts: TicketDailyCountsTable;
  ticket_count_deltas: TicketCountDeltasTable;
  ticket_deadlines: TicketDeadlinesTable;
  ticket_events: TicketEventsTable;
  ticket_reporters: TicketReportersTable;
  job_leases: JobLeasesTable;
  outbox: OutboxTable;
  background_jobs: BackgroundJobsTable;
  rate_limits: RateLimitsTable;
  districts: DistrictsTable;
  subdistricts: SubdistrictsTable;
  communities: CommunitiesTable;
  grids: GridsTable;
  compounds: CompoundsTable;
  buildings: BuildingsTable;
  units: UnitsTable;
  building_heads: BuildingHeadsTable;
  households: HouseholdsTable;
  residents: ResidentsTable;
  accounts: AccountsTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  pii_access_log: PiiAccessLogTable;
  party_members: PartyMembersTable;
  teams: TeamsTable;
  team_members: TeamMembersTable;
  stations: StationsTable;
  partners: PartnersTable;
  import_jobs: ImportJobsTable;
}
