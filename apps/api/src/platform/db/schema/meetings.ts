import type { ColumnType, Generated } from 'kysely';
import type { Id, CreatedAt, Timestamp, Json } from './common.js';

/** Tables of the meetings module (议事会议, ADR 0045); `tickets.meeting_id` is declared with the tickets. */
export interface MeetingsTables {
  meeting_rotations: MeetingRotationsTable;
  meetings: MeetingsTable;
  meeting_topics: MeetingTopicsTable;
  meeting_attendees: MeetingAttendeesTable;
  meeting_decisions: MeetingDecisionsTable;
  meeting_follow_ups: MeetingFollowUpsTable;
  meeting_events: MeetingEventsTable;
}

type DateOnly = ColumnType<string, string, string>;
type Updated = ColumnType<Date, Date | string | undefined, Date | string>;

export interface MeetingRotationsTable {
  id: Id;
  community_id: number;
  kind: string;
  title: string;
  /** The compounds in the order the meetings visit them (a JSON array of ids). */
  compound_ids: Json;
  starts_on: DateOnly;
  interval_days: number;
  /** Beijing wall time `HH:MM`. */
  start_time: string;
  duration_minutes: number;
  place: string | null;
  host_name: string | null;
  created_by: number | null;
  created_at: CreatedAt;
  archived_at: Timestamp | null;
}
export interface MeetingsTable {
  id: Id;
  community_id: number;
  kind: string;
  title: string;
  status: Generated<string>;
  compound_id: number | null;
  starts_at: Timestamp;
  ends_at: Timestamp;
  place: string | null;
  /** A venue of the activities module, once venues exist; a plain id, no foreign key across modules. */
  venue_id: number | null;
  host_name: string | null;
  host_account_id: number | null;
  recorder_name: string | null;
  walk_in_count: Generated<number>;
  minutes: string | null;
  rotation_id: number | null;
  rotation_seq: number | null;
  /** A 书记面对面 meeting may link the escalations module's session record (ADR 0045). */
  secretary_session_id: number | null;
  cancel_reason: string | null;
  held_at: Timestamp | null;
  minuted_at: Timestamp | null;
  /** The free-text meeting title of tickets registered before meetings were records (migration backfill). */
  legacy_title: string | null;
  created_by: number | null;
  created_at: CreatedAt;
  updated_at: Updated;
}
export interface MeetingTopicsTable {
  id: Id;
  community_id: number;
  meeting_id: number;
  seq: number;
  title: string;
  detail: string | null;
  source_kind: string;
  source_id: number | null;
  outcome: string | null;
  outcome_note: string | null;
  ticket_id: number | null;
  decided_at: Timestamp | null;
  created_by: number | null;
  created_at: CreatedAt;
  updated_at: Updated;
}
export interface MeetingAttendeesTable {
  id: Id;
  community_id: number;
  meeting_id: number;
  kind: string;
  resident_id: number | null;
  account_id: number | null;
  organisation_id: number | null;
  partner_id: number | null;
  name: string;
  role_note: string | null;
  signed_in_at: Timestamp | null;
  created_by: number | null;
  created_at: CreatedAt;
}
export interface MeetingDecisionsTable {
  id: Id;
  community_id: number;
  meeting_id: number;
  topic_id: number | null;
  text: string;
  created_by: number | null;
  created_at: CreatedAt;
}
export interface MeetingFollowUpsTable {
  id: Id;
  community_id: number;
  meeting_id: number;
  topic_id: number | null;
  text: string;
  owner_name: string;
  owner_account_id: number | null;
  due_on: ColumnType<string | null, string | null | undefined, string | null>;
  done_at: Timestamp | null;
  done_note: string | null;
  created_by: number | null;
  created_at: CreatedAt;
}
export interface MeetingEventsTable {
  id: Id;
  community_id: number;
  meeting_id: number;
  action: string;
  from_status: string | null;
  to_status: string | null;
  actor_id: number | null;
  actor_label: string | null;
  note: string | null;
  created_at: CreatedAt;
}
