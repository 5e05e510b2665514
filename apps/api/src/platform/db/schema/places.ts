import type { ColumnType, Generated } from 'kysely';
import type { Id, CreatedAt, Timestamp, Json } from './common.js';

/** Tables of the places module: the place tree, residents, building heads and import jobs. */
export interface PlacesTables {
  districts: DistrictsTable;
  subdistricts: SubdistrictsTable;
  communities: CommunitiesTable;
  grids: GridsTable;
  compounds: CompoundsTable;
  buildings: BuildingsTable;
  units: UnitsTable;
  households: HouseholdsTable;
  residents: ResidentsTable;
  building_heads: BuildingHeadsTable;
  import_jobs: ImportJobsTable;
  resident_tags: ResidentTagsTable;
}

export interface DistrictsTable {
  id: Id;
  name: string;
  city: string;
  code: string;
}
export interface SubdistrictsTable {
  id: Id;
  district_id: number;
  name: string;
  code: string;
}
export interface CommunitiesTable {
  id: Id;
  subdistrict_id: number;
  name: string;
  code: string;
  address: string | null;
  timezone: Generated<string>;
  created_at: CreatedAt;
}
export interface GridsTable {
  id: Id;
  community_id: number;
  name: string;
  code: string | null;
  worker_account_id: Generated<number | null>;
}
export interface CompoundsTable {
  id: Id;
  community_id: number;
  grid_id: number | null;
  name: string;
  address: string | null;
  archived_at: Timestamp | null;
}
export interface BuildingsTable {
  id: Id;
  community_id: number;
  compound_id: number;
  name: string;
  floors: number | null;
}
export interface UnitsTable {
  id: Id;
  community_id: number;
  building_id: number;
  name: string;
}
export interface HouseholdsTable {
  id: Id;
  community_id: number;
  unit_id: number;
  room_no: string;
  /** 户类型, one of `householdTypes` (migration 20261203004000). */
  household_type: Generated<string | null>;
  /** 专有部分面积 in m², numeric(10,2): text from one driver; read through Number() (migration 20261205600000, ADR 0046). */
  floor_area_m2: ColumnType<string | number | null, number | string | null | undefined, number | string | null>;
}
export interface ResidentsTable {
  id: Id;
  community_id: number;
  household_id: number | null;
  name: string;
  gender: 'male' | 'female' | null;
  birth_date: string | null;
  phone_enc: string | null;
  phone_masked: string | null;
  phone_hash: string | null;
  id_card_enc: string | null;
  id_card_masked: string | null;
  id_card_hash: string | null;
  sensitive_enc: string | null;
  hukou_local: Generated<boolean>;
  tags: ColumnType<string[], string[] | undefined, string[]>;
  relation: string | null;
  notes: string | null;
  /** An owner (业主) of the household's home, for owners' votes (ADR 0046). */
  is_owner: Generated<boolean>;
  archived_at: Timestamp | null;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}
/** A building head's building, or one unit of it when unit_id is set (migration 20261201000600). */
export interface BuildingHeadsTable {
  id: Id;
  community_id: number;
  building_id: number;
  unit_id: number | null;
  account_id: number;
  created_at: CreatedAt;
}
export interface ImportJobsTable {
  id: Id;
  community_id: number;
  actor_id: number;
  kind: string;
  file_name: string;
  status: string;
  total_rows: Generated<number>;
  valid_rows: Generated<number>;
  error_rows: Generated<number>;
  processed_rows: Generated<number>;
  imported_rows: Generated<number>;
  errors: ColumnType<unknown, string | undefined, string>;
  payload: Json | null;
  created_at: CreatedAt;
  finished_at: Timestamp | null;
  created_rows: Generated<number>;
  updated_rows: Generated<number>;
  unchanged_rows: Generated<number>;
  failure_reason: Generated<string | null>;
}
/** A tag a community added to its dictionary beside the built-in ones; its code is `t<id>` (ADR 0031). */
export interface ResidentTagsTable {
  id: Id;
  community_id: number;
  label_zh: string;
  label_en: string;
  sensitive: Generated<boolean>;
  created_by: number | null;
  created_at: CreatedAt;
}
