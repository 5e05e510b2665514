import type { Id, CreatedAt, Timestamp } from './common.js';

/** Tables of the partners module. */
export interface PartnersTables {
  partners: PartnersTable;
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
