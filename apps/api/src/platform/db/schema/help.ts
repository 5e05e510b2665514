import type { ColumnType, Generated } from 'kysely';
import type { Id, CreatedAt, Timestamp } from './common.js';

/** Tables of the help module (帮扶清单) and the matching module (供需对接), migration 20261204300000. */
export interface HelpTables {
  help_needs: HelpNeedsTable;
  help_actions: HelpActionsTable;
  help_need_events: HelpNeedEventsTable;
}
export interface MatchingTables {
  match_candidates: MatchCandidatesTable;
  match_index_state: MatchIndexStateTable;
  match_orders: MatchOrdersTable;
  match_order_events: MatchOrderEventsTable;
}

export interface HelpNeedsTable {
  id: Id;
  community_id: number;
  resident_id: number;
  category: string;
  request_enc: string;
  circumstances_enc: string | null;
  basis_enc: string | null;
  status: Generated<'open' | 'in_progress' | 'closed'>;
  helper_kind: 'account' | 'team' | 'partner' | 'party_member' | null;
  helper_id: number | null;
  created_by: number | null;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  closed_at: Timestamp | null;
}
export interface HelpActionsTable {
  id: Id;
  community_id: number;
  need_id: number;
  acted_on: string;
  note: string;
  actor_id: number | null;
  created_at: CreatedAt;
}
export interface HelpNeedEventsTable {
  id: Id;
  community_id: number;
  need_id: number;
  action: string;
  from_status: string | null;
  to_status: string | null;
  actor_id: number | null;
  note: string | null;
  created_at: CreatedAt;
}
export interface MatchCandidatesTable {
  id: Id;
  community_id: number;
  kind: 'resource' | 'partner' | 'team' | 'party_member' | 'volunteer';
  ref_id: number;
  name: string;
  account_id: number | null;
  categories: ColumnType<string[], string[] | undefined, string[]>;
  terms: ColumnType<string[], string[] | undefined, string[]>;
  compound_id: number | null;
  grid_id: number | null;
  available: Generated<boolean>;
  refreshed_at: ColumnType<Date, Date | string | undefined, Date | string>;
}
export interface MatchIndexStateTable {
  community_id: number;
  refreshed_at: ColumnType<Date, Date | string | undefined, Date | string>;
  candidate_count: Generated<number>;
}
export interface MatchOrdersTable {
  id: Id;
  community_id: number;
  need_kind: 'ticket' | 'help_need' | 'wish';
  need_id: number;
  /** A ticket's title or a wish's text; for a help need only its category code (never the sealed request). */
  need_summary: string;
  candidate_kind: string;
  candidate_id: number;
  candidate_name: string;
  claimant_account_id: number;
  status: Generated<'sent' | 'accepted' | 'declined' | 'done' | 'rated' | 'cancelled'>;
  note: string | null;
  rating: number | null;
  sent_by: number | null;
  sent_at: CreatedAt;
  answered_at: Timestamp | null;
  done_at: Timestamp | null;
  rated_at: Timestamp | null;
  created_at: CreatedAt;
}
export interface MatchOrderEventsTable {
  id: Id;
  community_id: number;
  order_id: number;
  action: string;
  from_status: string | null;
  to_status: string | null;
  actor_id: number | null;
  note: string | null;
  created_at: CreatedAt;
}
