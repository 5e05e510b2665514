import type { ColumnType, Generated } from 'kysely';
import type { Id, CreatedAt, Timestamp } from './common.js';

/** Tables of the wishes module (微心愿, ADR 0036). */
export interface WishesTables {
  wishes: WishesTable;
  wish_claims: WishClaimsTable;
  wish_events: WishEventsTable;
  wish_photos: WishPhotosTable;
  wish_reminders: WishRemindersTable;
}

export interface WishesTable {
  id: Id;
  community_id: number;
  status: Generated<string>;
  source: string;
  meeting_title: string | null;
  compound_id: number | null;
  resident_name: string;
  resident_phone_enc: string | null;
  resident_phone_masked: string | null;
  resident_phone_hash: string | null;
  /** What the public sees instead of the name (王**). */
  public_initial: string;
  text: string;
  category: string | null;
  value_yuan: number | null;
  shared: Generated<boolean>;
  due_on: ColumnType<string | null, string | null | undefined, string | null>;
  published_at: Timestamp | null;
  claimed_at: Timestamp | null;
  fulfilled_at: Timestamp | null;
  confirmed_at: Timestamp | null;
  closed_at: Timestamp | null;
  result_note: string | null;
  thanks: string | null;
  /** SHA-256 of the tracking code and of the link's key: the secrets themselves are never stored. */
  tracking_hash: string | null;
  key_hash: string | null;
  created_by: number | null;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}
export interface WishClaimsTable {
  id: Id;
  community_id: number;
  wish_id: number;
  claimant_kind: string;
  claimant_name: string;
  account_id: number | null;
  partner_id: number | null;
  team_id: number | null;
  share_note: string | null;
  share_value_yuan: number | null;
  channel: string;
  created_by: number | null;
  created_at: CreatedAt;
}
export interface WishEventsTable {
  id: Id;
  community_id: number;
  wish_id: number;
  action: string;
  from_status: string | null;
  to_status: string | null;
  actor_id: number | null;
  actor_label: string | null;
  channel: string | null;
  note: string | null;
  is_public: Generated<boolean>;
  created_at: CreatedAt;
}
export interface WishPhotosTable {
  id: Id;
  community_id: number;
  wish_id: number;
  stage: 'raise' | 'fulfil';
  mime: string;
  size: number;
  sha256: string;
  data: Buffer;
  created_at: CreatedAt;
}
export interface WishRemindersTable {
  id: Id;
  community_id: number;
  wish_id: number;
  kind: string;
  created_at: CreatedAt;
}
