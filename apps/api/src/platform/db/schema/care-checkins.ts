import type { ColumnType, Generated } from 'kysely';
import type { Id, CreatedAt, Timestamp } from './common.js';

/** Tables of the care module's daily check-ins (报平安). */
export interface CareCheckinsTables {
  care_checkin_settings: CareCheckinSettingsTable;
  care_checkin_plans: CareCheckinPlansTable;
  care_checkin_links: CareCheckinLinksTable;
  care_checkin_days: CareCheckinDaysTable;
  care_checkin_steps: CareCheckinStepsTable;
  care_checkin_aways: CareCheckinAwaysTable;
}

type DateText = ColumnType<string, string, string>;

export interface CareCheckinSettingsTable {
  community_id: number;
  ladder: string;
  updated_by: number | null;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}
export interface CareCheckinPlansTable {
  id: Id;
  community_id: number;
  recipient_id: number;
  due_by: Generated<string>;
  is_active: Generated<boolean>;
  created_at: CreatedAt;
}
export interface CareCheckinLinksTable {
  id: Id;
  community_id: number;
  recipient_id: number;
  holder: string;
  holder_name: string | null;
  token_hash: string;
  created_by: number | null;
  created_at: CreatedAt;
  revoked_at: Timestamp | null;
  last_used_at: Timestamp | null;
}
export interface CareCheckinDaysTable {
  id: Id;
  community_id: number;
  recipient_id: number;
  day: DateText;
  due_at: Timestamp;
  status: Generated<string>;
  checked_in_at: Timestamp | null;
  via: string | null;
  by_account_id: number | null;
  by_link_id: number | null;
  note: string | null;
  steps_taken: Generated<number>;
  next_step_at: Timestamp | null;
  stopped_after_step: number | null;
  created_at: CreatedAt;
}
export interface CareCheckinStepsTable {
  id: Id;
  community_id: number;
  day_id: number;
  recipient_id: number;
  step_no: number;
  kind: string;
  notified: string | null;
  ticket_id: number | null;
  created_at: CreatedAt;
}
export interface CareCheckinAwaysTable {
  id: Id;
  community_id: number;
  recipient_id: number;
  kind: string;
  starts_on: DateText;
  ends_on: DateText;
  note: string | null;
  created_by: number | null;
  created_at: CreatedAt;
  cancelled_at: Timestamp | null;
}
