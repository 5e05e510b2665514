import type { Id, CreatedAt, Timestamp } from './common.js';

/** Tables of the orgs module: organisations that answer escalations and the areas they serve (ADR 0027). */
export interface OrgsTables {
  organisations: OrganisationsTable;
  organisation_areas: OrganisationAreasTable;
}

export interface OrganisationsTable {
  id: Id;
  kind: string;
  department_type: string | null;
  name: string;
  contact_name: string | null;
  /** An organisation's public number (landline, 400, 95xxx, 12345): not personal data, stored as is. */
  contact_phone: string | null;
  address: string | null;
  /** Who manages it: a subdistrict (departments, subdistrict offices) or a community (property companies, partner units). */
  subdistrict_id: number | null;
  community_id: number | null;
  partner_id: number | null;
  created_by: number | null;
  archived_at: Timestamp | null;
  created_at: CreatedAt;
}
export interface OrganisationAreasTable {
  id: Id;
  organisation_id: number;
  area_kind: string;
  area_id: number;
  created_at: CreatedAt;
}
