import type { ColumnType, Generated } from 'kysely';
import type { Id, CreatedAt, Timestamp } from './common.js';

/** Tables of the care module (issue 12, ADR 0039). The checkins part adds its own below its own line. */
export interface CareTables {
  care_settings: CareSettingsTable;
  care_recipients: CareRecipientsTable;
  care_pairings: CarePairingsTable;
  care_visits: CareVisitsTable;
}

/** Visit intervals per risk tier of one community; no row means the defaults (7 / 30 / 90 days, 24 hours). */
export interface CareSettingsTable {
  community_id: number;
  high_interval_days: Generated<number>;
  key_interval_days: Generated<number>;
  general_interval_days: Generated<number>;
  major_change_hours: Generated<number>;
  updated_by: number | null;
  updated_at: Generated<Date>;
}

/** One sealed family contact inside `care_recipients.family_contacts`: the phone only as ciphertext and mask. */
export interface FamilyContactRow {
  name: string;
  relation: string | null;
  phoneEnc: string | null;
  phoneMasked: string | null;
}

export interface CareRecipientsTable {
  id: Id;
  community_id: number;
  resident_id: number;
  tier: 'high' | 'key' | 'general';
  status: ColumnType<'active' | 'ended', 'active' | 'ended' | undefined, 'active' | 'ended'>;
  qualifying_tags: ColumnType<string[], string[] | undefined, string[]>;
  family_contacts: ColumnType<FamilyContactRow[], string | undefined, string>;
  health_notes_enc: string | null;
  care_plan: string | null;
  major_change_at: Timestamp | null;
  major_change_note: string | null;
  last_visit_at: Timestamp | null;
  created_by: number | null;
  created_at: CreatedAt;
  updated_at: Generated<Date>;
  ended_at: Timestamp | null;
  end_reason: string | null;
}

export interface CarePairingsTable {
  id: Id;
  community_id: number;
  recipient_id: number;
  helper_kind: 'grid_worker' | 'volunteer' | 'party_member' | 'doctor';
  account_id: number | null;
  party_member_id: number | null;
  partner_id: number | null;
  helper_name: string | null;
  helper_phone_enc: string | null;
  helper_phone_masked: string | null;
  duties: ColumnType<string[], string[] | undefined, string[]>;
  frequency: string;
  ladder_order: Generated<number>;
  active: Generated<boolean>;
  created_by: number | null;
  created_at: CreatedAt;
  ended_at: Timestamp | null;
}

export interface CareVisitsTable {
  id: Id;
  community_id: number;
  recipient_id: number;
  visitor_id: number | null;
  pairing_id: number | null;
  visited_at: Timestamp;
  wellbeing: 'well' | 'concern' | 'urgent';
  health_finding: string | null;
  home_safety: string | null;
  needs: string | null;
  follow_up: string | null;
  photos: ColumnType<string[], string | undefined, string>;
  ticket_id: number | null;
  ticket_code: string | null;
  handoff_kind: string | null;
  handoff_id: number | null;
  created_at: CreatedAt;
}
