import type { ColumnType, Generated } from 'kysely';
import type { Id, CreatedAt, Timestamp } from './common.js';

/** Tables of the points part of the volunteers module (issue 10, ADR 0042). */
export interface PointsTables {
  points_rules: PointsRulesTable;
  points_entries: PointsEntriesTable;
  perks: PerksTable;
  redemptions: RedemptionsTable;
}

/** numeric: text from one driver, number from another; read through Number(). */
type Numeric = ColumnType<string | number, number | string, number | string>;
type NumericOrNull = ColumnType<string | number | null, number | string | null | undefined, number | string | null>;
/** A date column: written and read as 'YYYY-MM-DD'. */
type DateText = string;

export interface PointsRulesTable {
  community_id: number;
  points_per_hour: ColumnType<string | number, number | undefined, number>;
  hour_cap_per_activity: NumericOrNull;
  points_per_wish: Generated<number>;
  role_bonus: ColumnType<Record<string, number>, string | undefined, string>;
  expiry_months: ColumnType<number | null, number | null | undefined, number | null>;
  redemption_valid_days: Generated<number>;
  updated_by: number | null;
  updated_at: Generated<Date>;
}

export type PointsEntryKind = 'earned' | 'spent' | 'expired' | 'adjusted' | 'refunded';

/** One movement: `amount` from `debit_account` to `credit_account`; `delta` is its signed effect on the volunteer. */
export interface PointsEntriesTable {
  id: Id;
  community_id: number;
  volunteer_id: number;
  kind: PointsEntryKind;
  debit_account: string;
  credit_account: string;
  amount: Numeric;
  delta: Numeric;
  reason: string;
  author_id: number | null;
  source_kind: string | null;
  source_id: number | null;
  reverses_entry_id: number | null;
  occurred_at: ColumnType<Date, Date | string | undefined, never>;
  created_at: CreatedAt;
}

export type PerkStatus = 'active' | 'paused' | 'withdrawn';

export interface PerksTable {
  id: Id;
  community_id: number;
  partner_id: number;
  title: string;
  terms: string | null;
  price_points: number;
  stock: number;
  valid_from: DateText;
  valid_to: DateText;
  status: ColumnType<PerkStatus, PerkStatus | undefined, PerkStatus>;
  created_by: number | null;
  created_at: CreatedAt;
  updated_at: Generated<Date>;
}

export type RedemptionStatus = 'issued' | 'redeemed' | 'cancelled' | 'expired';

export interface RedemptionsTable {
  id: Id;
  community_id: number;
  perk_id: number;
  partner_id: number;
  volunteer_id: number;
  points: number;
  code_hash: string;
  status: ColumnType<RedemptionStatus, RedemptionStatus | undefined, RedemptionStatus>;
  expires_at: Timestamp;
  spent_entry_id: number;
  refund_entry_id: number | null;
  redeemed_at: Timestamp | null;
  redeemed_by: number | null;
  ended_at: Timestamp | null;
  ended_by: number | null;
  end_reason: string | null;
  created_by: number | null;
  created_at: CreatedAt;
}
