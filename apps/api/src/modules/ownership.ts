import type { DB } from '../platform/db/schema.js';

/** Who owns code: a module folder under modules/, the platform, or the demo seeder. */
export type Owner =
  | 'platform'
  | 'places'
  | 'auth'
  | 'people'
  | 'partners'
  | 'tickets'
  | 'ledger'
  | 'webhooks'
  | 'open311'
  | 'orgs'
  | 'escalations'
  | 'wishes'
  | 'help'
  | 'matching'
  | 'care'
  | 'volunteers';

/**
 * Each table has one owner (docs/data-ownership.md). Only the owner's code names it in SQL; other modules ask the
 * owner's index.ts or listen to its events. `satisfies` keeps the map exhaustive: a new table without an owner fails
 * the type check.
 */
export const TABLE_OWNERS = {
  audit_log: 'platform',
  pii_access_log: 'platform',
  job_leases: 'platform',
  rate_limits: 'platform',
  work_calendar: 'platform',
  outbox: 'platform',
  background_jobs: 'platform',
  districts: 'places',
  subdistricts: 'places',
  communities: 'places',
  grids: 'places',
  compounds: 'places',
  buildings: 'places',
  units: 'places',
  households: 'places',
  residents: 'places',
  building_heads: 'places',
  import_jobs: 'places',
  resident_tags: 'places',
  sessions: 'auth',
  accounts: 'people',
  setup_tokens: 'people',
  party_members: 'people',
  teams: 'people',
  team_members: 'people',
  stations: 'people',
  partners: 'partners',
  resources: 'partners',
  agreements: 'partners',
  contributions: 'partners',
  care_checkin_settings: 'care',
  care_checkin_plans: 'care',
  care_checkin_links: 'care',
  care_checkin_days: 'care',
  care_checkin_steps: 'care',
  care_checkin_aways: 'care',
  tickets: 'tickets',
  ticket_events: 'tickets',
  ticket_reporters: 'tickets',
  ticket_attachments: 'tickets',
  ticket_reminders: 'tickets',
  ticket_categories: 'tickets',
  ticket_settings: 'tickets',
  ticket_deadlines: 'tickets',
  ticket_count_deltas: 'tickets',
  ticket_daily_counts: 'tickets',
  ledger_exports: 'ledger',
  webhooks: 'webhooks',
  webhook_deliveries: 'webhooks',
  open311_clients: 'open311',
  organisations: 'orgs',
  organisation_areas: 'orgs',
  escalations: 'escalations',
  escalation_replies: 'escalations',
  escalation_settings: 'escalations',
  secretary_sessions: 'escalations',
  secretary_session_attendees: 'escalations',
  secretary_session_items: 'escalations',
  secretary_session_follow_ups: 'escalations',
  wishes: 'wishes',
  wish_claims: 'wishes',
  wish_events: 'wishes',
  wish_photos: 'wishes',
  wish_reminders: 'wishes',
  help_needs: 'help',
  help_actions: 'help',
  help_need_events: 'help',
  match_candidates: 'matching',
  match_index_state: 'matching',
  match_orders: 'matching',
  match_order_events: 'matching',
  care_settings: 'care',
  care_recipients: 'care',
  care_pairings: 'care',
  care_visits: 'care',
  volunteer_settings: 'volunteers',
  volunteers: 'volunteers',
  volunteer_events: 'volunteers',
  service_sessions: 'volunteers',
  service_hours: 'volunteers',
  service_session_signins: 'volunteers',
  volunteer_certificates: 'volunteers',
  party_settings: 'people',
  party_reports: 'people',
  pioneer_posts: 'people',
  pioneer_post_claims: 'people',
  party_areas: 'people',
  party_pairings: 'people',
} as const satisfies Record<keyof DB, Owner>;

export type Table = keyof typeof TABLE_OWNERS;
