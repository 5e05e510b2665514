import type { ColumnType, Generated } from 'kysely';
import type { Id, CreatedAt, Timestamp } from './common.js';

/** Tables of the people module's duty rosters (值守排班, ADR 0044). */
export interface DutyTables {
  shift_settings: ShiftSettingsTable;
  shift_templates: ShiftTemplatesTable;
  shifts: ShiftsTable;
  shift_assignments: ShiftAssignmentsTable;
  shift_swaps: ShiftSwapsTable;
  shift_events: ShiftEventsTable;
}

type DateText = ColumnType<string, string, string>;

export interface ShiftSettingsTable {
  community_id: number;
  checkin_before_minutes: Generated<number>;
  checkin_after_minutes: Generated<number>;
  auto_approve_swaps: Generated<boolean>;
  updated_by: number | null;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}
export interface ShiftTemplatesTable {
  id: Id;
  community_id: number;
  station_id: number;
  /** 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** HH:MM, Beijing wall time. */
  starts_at: string;
  ends_at: string;
  headcount: number;
  team_id: number | null;
  /** JSON array of account ids named on the template. */
  account_ids: Generated<string>;
  note: string | null;
  created_by: number | null;
  created_at: CreatedAt;
  archived_at: Timestamp | null;
}
export interface ShiftsTable {
  id: Id;
  community_id: number;
  station_id: number;
  template_id: number | null;
  day: DateText;
  starts_at: Timestamp;
  ends_at: Timestamp;
  headcount: number;
  team_id: number | null;
  note: string | null;
  status: Generated<string>;
  uncovered_at: Timestamp | null;
  created_by: number | null;
  created_at: CreatedAt;
}
export interface ShiftAssignmentsTable {
  id: Id;
  community_id: number;
  shift_id: number;
  account_id: number | null;
  resident_id: number | null;
  name: string;
  via: string;
  team_id: number | null;
  assigned_by: number | null;
  assigned_at: ColumnType<Date, Date | string | undefined, Date | string>;
  removed_at: Timestamp | null;
  removed_reason: string | null;
  checked_in_at: Timestamp | null;
  checked_out_at: Timestamp | null;
  hours_entry_id: number | null;
}
export interface ShiftSwapsTable {
  id: Id;
  community_id: number;
  from_assignment_id: number;
  requested_by: number;
  to_account_id: number;
  to_assignment_id: number | null;
  reason: string;
  status: Generated<string>;
  answered_at: Timestamp | null;
  decided_by: number | null;
  decided_at: Timestamp | null;
  decision_note: string | null;
  created_at: CreatedAt;
}
export interface ShiftEventsTable {
  id: Id;
  community_id: number;
  shift_id: number;
  action: string;
  actor_account_id: number | null;
  actor_label: string | null;
  note: string | null;
  changes: string | null;
  created_at: CreatedAt;
}
