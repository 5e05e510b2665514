import type { ColumnType } from 'kysely';
import type { Id, CreatedAt, Timestamp } from './common.js';

/** Tables of the partners module. */
export interface PartnersTables {
  partners: PartnersTable;
  resources: ResourcesTable;
  agreements: AgreementsTable;
  contributions: ContributionsTable;
}

export interface PartnersTable {
  id: Id;
  community_id: number;
  name: string;
  kind: string;
  contact_name: string | null;
  contact_phone_enc: string | null;
  contact_phone_masked: string | null;
  address: string | null;
  description: string | null;
  joined_on: string | null;
  archived_at: Timestamp | null;
  created_at: CreatedAt;
}

/** A date column: written and read as 'YYYY-MM-DD' (the driver's date parser is off for dates). */
type DateText = string;
/** numeric(10,1): text from one driver, number from another; read through Number(). */
type Decimal = ColumnType<string | number | null, number | null | undefined, number | null>;
/** Money in fen (bigint, parsed as number). */
type Fen = ColumnType<number, number | undefined, number>;

/** 资源清单: what a partner, merchant, organisation, team or resident offers. */
export interface ResourcesTable {
  id: Id;
  community_id: number;
  title: string;
  description: string | null;
  category: string;
  kind: string;
  price_kind: ColumnType<string, string | undefined, string>;
  price_note: string | null;
  provider_kind: string;
  provider_name: string;
  partner_id: number | null;
  organisation_id: number | null;
  team_id: number | null;
  resident_id: number | null;
  compound_id: number | null;
  audience: string | null;
  availability: string | null;
  capacity: number | null;
  contact_name: string | null;
  /** An organisation's landline or desk phone: not personal data. */
  contact_phone: string | null;
  /** A resident's own phone: personal, sealed like residents'. */
  contact_phone_enc: string | null;
  contact_phone_masked: string | null;
  is_public: ColumnType<boolean, boolean | undefined, boolean>;
  created_by: number | null;
  archived_at: Timestamp | null;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** 入驻协议 / 共建协议 with a partner. */
export interface AgreementsTable {
  id: Id;
  community_id: number;
  partner_id: number;
  kind: string;
  title: string;
  signed_on: DateText;
  starts_on: DateText;
  ends_on: DateText | null;
  commitments: string | null;
  space_given: string | null;
  resources_promised: string | null;
  status: ColumnType<string, string | undefined, string>;
  remind_days: ColumnType<number, number | undefined, number>;
  reminded_at: Timestamp | null;
  created_by: number | null;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** What a partner gave: money, goods, work hours or space. */
export interface ContributionsTable {
  id: Id;
  community_id: number;
  partner_id: number;
  kind: string;
  contributed_on: DateText;
  value_fen: Fen;
  hours: Decimal;
  area_sqm: Decimal;
  space_period: string | null;
  description: string | null;
  note: string | null;
  created_by: number | null;
  created_at: CreatedAt;
}
