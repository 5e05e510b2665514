import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, Id, Timestamp } from './common.js';

/** Party members' service in the people module (issue 10, ADR 0043). */
export interface PartyTables {
  party_settings: PartySettingsTable;
  party_reports: PartyReportsTable;
  pioneer_posts: PioneerPostsTable;
  pioneer_post_claims: PioneerPostClaimsTable;
  party_areas: PartyAreasTable;
  party_pairings: PartyPairingsTable;
  party_branches: PartyBranchesTable;
  party_branch_members: PartyBranchMembersTable;
}

type TextArray = ColumnType<string[], string[] | undefined, string[]>;

/** A community's 双报到 rules; no row means the defaults (6 months, 50 h a year, no points mark). */
export interface PartySettingsTable {
  community_id: number;
  report_interval_months: Generated<number>;
  /** numeric(7,1): text from one driver, number from another; read through Number(). */
  floor_hours_per_year: ColumnType<string | number, number | undefined, number>;
  pass_points: number | null;
  /** The last 回执 number issued (per community, counted under the row lock). */
  receipt_seq: Generated<number>;
  updated_by: number | null;
  updated_at: Generated<Date>;
}

export interface PartyReportsTable {
  id: Id;
  community_id: number;
  party_member_id: number;
  work_unit: string;
  work_unit_party_org: string | null;
  slip_received_on: string;
  reported_on: string;
  receipt_no: string;
  skills: TextArray;
  preferred_classes: TextArray;
  contact_phone_enc: string | null;
  contact_phone_masked: string | null;
  created_by: number | null;
  created_at: CreatedAt;
}

export interface PioneerPostsTable {
  id: Id;
  community_id: number;
  name: string;
  post_class: string;
  place_kind: 'grid' | 'compound' | 'building';
  place_id: number;
  capacity: number;
  description: string | null;
  created_by: number | null;
  created_at: CreatedAt;
  archived_at: Timestamp | null;
}

export interface PioneerPostClaimsTable {
  id: Id;
  community_id: number;
  post_id: number;
  party_member_id: number;
  claimed_by: number | null;
  claimed_at: Generated<Date>;
  left_at: Timestamp | null;
  leave_reason: string | null;
}

export interface PartyAreasTable {
  id: Id;
  community_id: number;
  party_member_id: number;
  place_kind: 'grid' | 'building';
  place_id: number;
  note: string | null;
  started_on: string;
  ended_on: string | null;
  created_by: number | null;
  created_at: CreatedAt;
}

export interface PartyPairingsTable {
  id: Id;
  community_id: number;
  party_member_id: number;
  household_id: number;
  note: string | null;
  started_on: string;
  ended_on: string | null;
  created_by: number | null;
  created_at: CreatedAt;
}

/** A compound party branch (小区党支部): an organisation of party members, covering a compound or none. */
export interface PartyBranchesTable {
  id: Id;
  community_id: number;
  name: string;
  compound_id: number | null;
  founded_on: string | null;
  created_by: number | null;
  created_at: CreatedAt;
  archived_at: Timestamp | null;
}

/** A member of a branch with their role; one active branch per member, one active secretary per branch. */
export interface PartyBranchMembersTable {
  id: Id;
  community_id: number;
  branch_id: number;
  party_member_id: number;
  role: 'secretary' | 'committee' | 'member';
  joined_on: string;
  left_on: string | null;
  created_by: number | null;
  created_at: CreatedAt;
}
