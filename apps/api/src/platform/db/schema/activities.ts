import type { ColumnType, Generated } from 'kysely';
import type { Id, CreatedAt, Timestamp } from './common.js';

/** Tables of the activities module (ADR 0048). */
export interface ActivitiesTables {
  activities: ActivitiesTable;
  activity_signups: ActivitySignupsTable;
  activity_events: ActivityEventsTable;
  activity_volunteers: ActivityVolunteersTable;
}

export interface ActivitiesTable {
  id: Id;
  community_id: number;
  series_id: number | null;
  rrule: string | null;
  title: string;
  kind: string;
  description: string | null;
  organiser_kind: string;
  organiser_id: number | null;
  organiser_name: string | null;
  station_id: number | null;
  venue_id: number | null;
  booking_id: number | null;
  place: string | null;
  starts_at: Timestamp;
  ends_at: Timestamp;
  capacity: number | null;
  signup_opens_at: Timestamp | null;
  signup_closes_at: Timestamp | null;
  audience: Generated<string>;
  compound_id: number | null;
  is_public: Generated<boolean>;
  status: Generated<string>;
  checkin_code_hash: string | null;
  walk_in_count: Generated<number>;
  report: string | null;
  photos: ColumnType<string[], string | undefined, string>;
  cancel_reason: string | null;
  held_at: Timestamp | null;
  reported_at: Timestamp | null;
  cancelled_at: Timestamp | null;
  created_by: number | null;
  created_at: CreatedAt;
}
export interface ActivitySignupsTable {
  id: Id;
  community_id: number;
  activity_id: number;
  name: string;
  phone_enc: string;
  phone_masked: string;
  phone_hash: string;
  link_hash: string;
  status: string;
  account_id: number | null;
  checked_in_at: Timestamp | null;
  checkin_via: string | null;
  promoted_at: Timestamp | null;
  cancelled_at: Timestamp | null;
  created_at: CreatedAt;
}
export interface ActivityEventsTable {
  id: Id;
  community_id: number;
  activity_id: number;
  kind: string;
  actor_id: number | null;
  signup_id: number | null;
  note: string | null;
  created_at: CreatedAt;
}
export interface ActivityVolunteersTable {
  id: Id;
  community_id: number;
  activity_id: number;
  volunteer_id: number;
  started_at: Timestamp | null;
  ended_at: Timestamp | null;
  hours_entry_id: number | null;
  created_by: number | null;
  created_at: CreatedAt;
}
