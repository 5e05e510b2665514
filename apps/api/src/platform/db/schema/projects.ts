import type { ColumnType, Generated } from 'kysely';
import type { Id, CreatedAt, Timestamp } from './common.js';

/** Tables of the projects module (为民办实事; issue 11, ADR 0047). */
export interface ProjectsTables {
  projects: ProjectsTable;
  project_funding: ProjectFundingTable;
  project_milestones: ProjectMilestonesTable;
  project_claims: ProjectClaimsTable;
  project_ratings: ProjectRatingsTable;
  project_events: ProjectEventsTable;
}

export type ProjectStatus = 'proposed' | 'approved' | 'claimed' | 'in_progress' | 'completed' | 'evaluated' | 'rejected';
type DateText = string;
type Fen = ColumnType<number, number, number>;

export interface ProjectsTable {
  id: Id;
  community_id: number;
  title: string;
  content: string;
  source_kind: string;
  source_id: number | null;
  status: ColumnType<ProjectStatus, ProjectStatus | undefined, ProjectStatus>;
  percent: Generated<number>;
  planned_start: DateText | null;
  planned_end: DateText | null;
  claim_event: string | null;
  created_by: number | null;
  created_at: CreatedAt;
  updated_at: Generated<Date>;
  completed_at: Timestamp | null;
}
export interface ProjectFundingTable {
  id: Id;
  community_id: number;
  project_id: number;
  source: string;
  amount_fen: Fen;
  created_at: CreatedAt;
}
export interface ProjectMilestonesTable {
  id: Id;
  community_id: number;
  project_id: number;
  title: string;
  due_on: DateText | null;
  done_at: Timestamp | null;
  created_at: CreatedAt;
}
export interface ProjectClaimsTable {
  id: Id;
  community_id: number;
  project_id: number;
  unit_kind: string;
  unit_id: number | null;
  unit_name: string;
  role: 'lead' | 'co';
  claimed_by: number | null;
  created_at: CreatedAt;
}
export interface ProjectRatingsTable {
  id: Id;
  community_id: number;
  project_id: number;
  rating: number;
  comment: string | null;
  rater_hash: string;
  created_at: CreatedAt;
}
export interface ProjectEventsTable {
  id: Id;
  community_id: number;
  project_id: number;
  action: string;
  from_status: string | null;
  to_status: string | null;
  actor_id: number | null;
  note: string | null;
  created_at: CreatedAt;
}
