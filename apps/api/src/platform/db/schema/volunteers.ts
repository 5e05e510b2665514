import type { ColumnType, Generated } from 'kysely';
import type { Id, CreatedAt, Timestamp } from './common.js';

/** Tables of the volunteers module (issue 10, ADR 0041). The points part (volunteers/points/) keeps its own file. */
export interface VolunteersTables {
  volunteer_settings: VolunteerSettingsTable;
  volunteers: VolunteersTable;
  volunteer_events: VolunteerEventsTable;
  service_sessions: ServiceSessionsTable;
  service_hours: ServiceHoursTable;
  service_session_signins: ServiceSessionSigninsTable;
  volunteer_certificates: VolunteerCertificatesTable;
}

type TextArray = ColumnType<string[], string[] | undefined, string[]>;

/** A community's rounding rule, star thresholds (hours) and certificate signatories; no row means the defaults. */
export interface VolunteerSettingsTable {
  community_id: number;
  rounding_rule: Generated<string>;
  star_thresholds: ColumnType<number[], number[] | undefined, number[]>;
  activity_cap_minutes: number | null;
  certificate_responsible: string | null;
  certificate_handler: string | null;
  certificate_contact: string | null;
  /** Per-community sequences (志愿者编号, 证明编号): bumped by an upsert, so two requests never share a number. */
  next_volunteer_no: Generated<number>;
  next_certificate_no: Generated<number>;
  updated_by: number | null;
  updated_at: Generated<Date>;
}

export type VolunteerStatus = 'applied' | 'approved' | 'rejected' | 'suspended' | 'left';

export interface VolunteersTable {
  id: Id;
  community_id: number;
  volunteer_no: number;
  name: string;
  id_type: Generated<string>;
  id_number_enc: string | null;
  id_number_masked: string | null;
  id_number_hash: string | null;
  phone_enc: string | null;
  phone_masked: string | null;
  phone_hash: string | null;
  gender: string | null;
  birth_date: ColumnType<string | null, string | null | undefined, string | null>;
  skills: TextArray;
  availability: string | null;
  weekday_slots: TextArray;
  service_areas: TextArray;
  origin: Generated<string>;
  affiliation: string | null;
  resident_id: number | null;
  account_id: number | null;
  party_member_id: number | null;
  status: ColumnType<VolunteerStatus, VolunteerStatus | undefined, VolunteerStatus>;
  status_reason: string | null;
  registered_via: Generated<string>;
  reviewed_by: number | null;
  reviewed_at: Timestamp | null;
  created_by: number | null;
  created_at: CreatedAt;
  updated_at: Generated<Date>;
}

/** Each step of a volunteer's record (registered, approved, rejected, suspended, left, edited): the timeline. */
export interface VolunteerEventsTable {
  id: Id;
  community_id: number;
  volunteer_id: number;
  action: string;
  from_status: string | null;
  to_status: string | null;
  reason: string | null;
  actor_id: number | null;
  created_at: CreatedAt;
}

export type ServiceSourceKind = 'activity' | 'shift' | 'task' | 'wish' | 'ticket' | 'party_service';

/** An organiser's sign-in session: only the code's hash is kept. */
export interface ServiceSessionsTable {
  id: Id;
  community_id: number;
  source_kind: ServiceSourceKind;
  source_id: number | null;
  title: string;
  place: string | null;
  code_hash: string;
  opened_by: number;
  opened_at: Generated<Date>;
  closes_at: Timestamp;
  closed_at: Timestamp | null;
  created_at: CreatedAt;
}

/** Append-only: a correction is a new row with `corrects_entry_id` (negative or replacing minutes), never an update. */
export interface ServiceHoursTable {
  id: Id;
  community_id: number;
  volunteer_id: number;
  source_kind: ServiceSourceKind;
  source_id: number | null;
  source_title: string;
  session_id: number | null;
  started_at: Timestamp;
  ended_at: Timestamp;
  raw_minutes: number;
  /** The hours counted by the rounding rule, in minutes (0.5 h = 30), so sums stay exact integers. */
  counted_minutes: number;
  rounding_rule: string;
  recorded_by: number;
  /** 谁记录谁证明: the recorder. */
  confirmed_by: number;
  confirmed_at: Generated<Date>;
  corrects_entry_id: number | null;
  note: string | null;
  created_at: CreatedAt;
}

export interface ServiceSessionSigninsTable {
  id: Id;
  community_id: number;
  session_id: number;
  volunteer_id: number;
  signed_in_at: Generated<Date>;
  signed_out_at: Timestamp | null;
  entry_id: number | null;
}

/** 志愿服务证明: a number is taken once and never reused. */
export interface VolunteerCertificatesTable {
  id: Id;
  community_id: number;
  volunteer_id: number;
  certificate_no: number;
  number: string;
  period_from: ColumnType<string, string, string>;
  period_to: ColumnType<string, string, string>;
  counted_minutes: number;
  issued_by: number;
  issued_at: Generated<Date>;
}
