import type { ColumnType, Generated } from 'kysely';
import type { Id, CreatedAt, Timestamp, Json } from './common.js';

/** Tables of the tickets module, with its own read models (daily counts, deadlines). */
export interface TicketsTables {
  tickets: TicketsTable;
  ticket_events: TicketEventsTable;
  ticket_reporters: TicketReportersTable;
  ticket_attachments: TicketAttachmentsTable;
  ticket_reminders: TicketRemindersTable;
  ticket_categories: TicketCategoriesTable;
  ticket_settings: TicketSettingsTable;
  ticket_deadlines: TicketDeadlinesTable;
  ticket_count_deltas: TicketCountDeltasTable;
  ticket_daily_counts: TicketDailyCountsTable;
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
  /** WGS 84 degrees from an Open311 client, both or neither (ADR 0033). */
  latitude: number | null;
  longitude: number | null;
  reporter_resident_id: number | null;
  reporter_name: string | null;
  reporter_phone_enc: string | null;
  reporter_phone_masked: string | null;
  reporter_phone_hash: string | null;
  is_anonymous: Generated<boolean>;
  meeting_title: string | null;
  /** The meeting the ticket was raised at (meetings module, migration 20261205500000); the title above stays for old rows. */
  meeting_id: number | null;
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
  /** The deadline and instruction of the current dispatch (migration 20261203003000). */
  dispatch_due_at: Timestamp | null;
  dispatch_note: string | null;
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
export interface TicketAttachmentsTable {
  id: Id;
  community_id: number;
  ticket_id: number;
  mime: string;
  size: number;
  sha256: string;
  data: Buffer;
  created_at: CreatedAt;
  /** Taken before or after the work (migration 20261203003000). */
  stage: 'before' | 'after' | null;
}
export interface TicketRemindersTable {
  id: Id;
  community_id: number;
  ticket_id: number;
  kind: string;
  created_at: CreatedAt;
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
export interface TicketCountDeltasTable extends Omit<TicketDailyCountsTable, 'dim'> {
  id: Id;
  dim: string;
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
