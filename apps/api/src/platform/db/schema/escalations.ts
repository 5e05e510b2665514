import type { Generated } from 'kysely';
import type { Id, CreatedAt, Timestamp } from './common.js';

/** Tables of the escalations module: escalations of tickets to organisations, their replies, per-community settings. */
export interface EscalationsTables {
  escalations: EscalationsTable;
  escalation_replies: EscalationRepliesTable;
  escalation_settings: EscalationSettingsTable;
}

export interface EscalationsTable {
  id: Id;
  community_id: number;
  ticket_id: number;
  organisation_id: number;
  parent_id: number | null;
  status: string;
  reason: string;
  due_at: Timestamp;
  pause_clock: Generated<boolean>;
  /** The ticket's status when it was escalated; it returns there when the escalation ends. */
  ticket_status_before: string | null;
  requested_by: number | null;
  requested_at: Timestamp | null;
  approved_by: number | null;
  approved_at: Timestamp | null;
  accepted_at: Timestamp | null;
  answered_at: Timestamp | null;
  ended_at: Timestamp | null;
  result_text: string | null;
  reminded_before_at: Timestamp | null;
  reminded_due_at: Timestamp | null;
  created_at: CreatedAt;
}
export interface EscalationRepliesTable {
  id: Id;
  community_id: number;
  escalation_id: number;
  kind: string;
  text: string | null;
  actor_id: number | null;
  organisation_id: number | null;
  on_behalf: Generated<boolean>;
  created_at: CreatedAt;
}
export interface EscalationSettingsTable {
  community_id: number;
  pause_clock: Generated<boolean>;
  updated_by: number | null;
  updated_at: Generated<Date>;
}
