import type { ColumnType, Generated } from 'kysely';
import type { Id, CreatedAt, Timestamp } from './common.js';

/** Tables of meetings' votes (表决) and conventions (小区公约), ADR 0046. */
export interface VotesTables {
  votes: VotesTable;
  vote_voters: VoteVotersTable;
  vote_ballots: VoteBallotsTable;
  vote_events: VoteEventsTable;
  conventions: ConventionsTable;
  convention_versions: ConventionVersionsTable;
}

/** bigint: the driver's text, read through BigInt() or Number(). */
type BigText = ColumnType<string | number | bigint, string | number | bigint | undefined, string | number | bigint>;
type Updated = ColumnType<Date, Date | string | undefined, Date | string>;

export interface VotesTable {
  id: Id;
  community_id: number;
  compound_id: number | null;
  topic_id: number | null;
  title: string;
  body: Generated<string>;
  matter: string;
  eligibility: string;
  quorum_num: number | null;
  quorum_den: number | null;
  quorum_strict: boolean | null;
  threshold_num: number | null;
  threshold_den: number | null;
  threshold_strict: boolean | null;
  opens_at: Timestamp;
  closes_at: Timestamp;
  publicity_days: Generated<number>;
  status: Generated<string>;
  outcome: string | null;
  /** The counted numbers (JSON text), written when the vote closes. */
  result: string | null;
  opened_at: Timestamp | null;
  closed_at: Timestamp | null;
  published_at: Timestamp | null;
  publicity_until: Timestamp | null;
  archived_at: Timestamp | null;
  created_by: number | null;
  created_at: CreatedAt;
  updated_at: Updated;
}
export interface VoteVotersTable {
  id: Id;
  community_id: number;
  vote_id: number;
  /** `h<household id>` or `r<resident id>`: one per vote. */
  voter_key: string;
  household_id: number | null;
  resident_id: number | null;
  label: string;
  /** Hundredths of a m² for owners' votes, 0 otherwise. */
  weight: BigText;
  token_hash: string | null;
  link_issued_at: Timestamp | null;
  created_at: CreatedAt;
}
export interface VoteBallotsTable {
  id: Id;
  community_id: number;
  vote_id: number;
  voter_id: number;
  channel: string;
  choice: string;
  ballot_no: string | null;
  entered_by: number | null;
  created_at: CreatedAt;
  updated_at: Updated;
}
export interface VoteEventsTable {
  id: Id;
  community_id: number;
  vote_id: number;
  action: string;
  from_status: string | null;
  to_status: string | null;
  actor_id: number | null;
  note: string | null;
  created_at: CreatedAt;
}
export interface ConventionsTable {
  id: Id;
  community_id: number;
  compound_id: number | null;
  title: string;
  created_by: number | null;
  created_at: CreatedAt;
  archived_at: Timestamp | null;
}
export interface ConventionVersionsTable {
  id: Id;
  community_id: number;
  convention_id: number;
  version_no: number;
  body: string;
  vote_id: number | null;
  status: Generated<string>;
  adopted_at: Timestamp | null;
  created_by: number | null;
  created_at: CreatedAt;
}
