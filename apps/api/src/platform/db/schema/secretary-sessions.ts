import type { Generated } from 'kysely';
import type { Id, CreatedAt, Timestamp } from './common.js';

/** Tables of 书记面对面 sessions, owned by the escalations module (its sessions/ folder; ADR 0029). */
export interface SecretarySessionsTables {
  secretary_sessions: SecretarySessionsTable;
  secretary_session_attendees: SecretarySessionAttendeesTable;
  secretary_session_items: SecretarySessionItemsTable;
  secretary_session_follow_ups: SecretarySessionFollowUpsTable;
}

export interface SecretarySessionsTable {
  id: Id;
  community_id: number;
  title: string;
  held_on: string;
  starts_at: string | null;
  place: string;
  host_name: string;
  other_attendees: string | null;
  notes: string | null;
  created_by: number | null;
  created_at: CreatedAt;
  archived_at: Timestamp | null;
}

export interface SecretarySessionAttendeesTable {
  id: Id;
  community_id: number;
  session_id: number;
  organisation_id: number;
  attendee_name: string;
  attendee_title: string | null;
  created_at: CreatedAt;
}

export interface SecretarySessionItemsTable {
  id: Id;
  community_id: number;
  session_id: number;
  organisation_id: number;
  escalation_id: number | null;
  ticket_id: number | null;
  ticket_code: string | null;
  subject: string;
  detail: string | null;
  answer: string | null;
  answered_at: Timestamp | null;
  answered_by: number | null;
  answered_on_behalf: Generated<boolean>;
  commitment: string | null;
  promised_on: string | null;
  follow_status: string | null;
  follow_changed_at: Timestamp | null;
  created_by: number | null;
  created_at: CreatedAt;
}

export interface SecretarySessionFollowUpsTable {
  id: Id;
  community_id: number;
  item_id: number;
  status: string;
  note: string;
  created_by: number | null;
  created_at: CreatedAt;
}
