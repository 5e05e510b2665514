import type { Generated } from 'kysely';
import type { Id, CreatedAt, Timestamp } from './common.js';

/** Tables of the people module: accounts, party members, teams and stations. */
export interface PeopleTables {
  accounts: AccountsTable;
  setup_tokens: SetupTokensTable;
  party_members: PartyMembersTable;
  teams: TeamsTable;
  team_members: TeamMembersTable;
  stations: StationsTable;
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
  /** A contact account's organisation (department_contact, partner_contact; ADR 0027). */
  organisation_id: number | null;
  locale: Generated<string>;
  is_active: Generated<boolean>;
  created_at: CreatedAt;
  password_changed_at: Timestamp | null;
}
export interface SetupTokensTable {
  token_hash: string;
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
  /** Exactly one of resident_id and volunteer_id (a check constraint): a volunteer need not live here. */
  resident_id: number | null;
  volunteer_id: number | null;
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
