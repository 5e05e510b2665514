import type { Migration } from 'kysely';
import * as foundation from './20261123000100_foundation.js';
import * as jobs from './20261123000150_jobs.js';
import * as tickets from './20261123000200_tickets.js';
import * as ledgerExports from './20261123000300_ledger_exports.js';
import * as ticketTokens from './20261123000400_ticket_tokens.js';
import * as ticketReminders from './20261123000500_ticket_reminders.js';
import * as ticketAttachments from './20261123000600_ticket_attachments.js';
import * as webhooks from './20261123000700_webhooks.js';
import * as open311 from './20261123000800_open311.js';
import * as dashboardRollup from './20261123000900_dashboard_rollup.js';
import * as ticketSettings from './20261123001000_ticket_settings.js';
import * as workCalendar from './20261123001100_work_calendar.js';
import * as open311KeyPrefix from './20261123001200_open311_key_prefix.js';
import * as buildingHeads from './20261201000600_building_heads.js';
import * as rateLimits from './20261201000200_rate_limits.js';
import * as setupTokens from './20261201000500_setup_tokens.js';
import * as trackingSecrets from './20261201000100_tracking_secrets.js';
import * as webhookBreaker from './20261201000300_webhook_breaker.js';
import * as outboxAndBackgroundJobs from './20261202000300_outbox_and_background_jobs.js';
import * as organisations from './20261203001000_organisations.js';
import * as secretarySessions from './20261203002000_secretary_sessions.js';
import * as workerLoop from './20261203003000_worker_loop.js';
import * as rosterDictionary from './20261203004000_roster_dictionary.js';
import * as ticketLocation from './20261203006000_ticket_location.js';
import * as wishes from './20261204100000_wishes.js';
import * as partnerOffers from './20261204200000_partner_offers.js';
import * as helpAndMatching from './20261204300000_help_and_matching.js';
import * as care from './20261204400000_care.js';
import * as careCheckins from './20261204500000_care_checkins.js';
import * as meetings from './20261205500000_meetings.js';
import * as venues from './20261205700000_venues.js';
import * as projects from './20261205700100_projects.js';
import * as volunteers from './20261205100000_volunteers.js';
import * as votes from './20261205600000_votes.js';
import * as dutyRosters from './20261205400000_duty_rosters.js';
import * as points from './20261205200000_points.js';
import * as activities from './20261205800000_activities.js';
import * as teamVolunteers from './20261205900000_team_volunteers.js';
import * as partyBranches from './20261205810000_party_branches.js';
import * as partyService from './20261205300000_party_service.js';

/** Every migration, in order. Listed by hand so the bundled server needs no folder scan. */
export const migrations: Record<string, Migration> = {
  '20261123000100_foundation': foundation,
  '20261123000150_jobs': jobs,
  '20261123000200_tickets': tickets,
  '20261123000300_ledger_exports': ledgerExports,
  '20261123000400_ticket_tokens': ticketTokens,
  '20261123000500_ticket_reminders': ticketReminders,
  '20261123000600_ticket_attachments': ticketAttachments,
  '20261123000700_webhooks': webhooks,
  '20261123000800_open311': open311,
  '20261123000900_dashboard_rollup': dashboardRollup,
  '20261123001000_ticket_settings': ticketSettings,
  '20261123001100_work_calendar': workCalendar,
  '20261123001200_open311_key_prefix': open311KeyPrefix,
  '20261201000100_tracking_secrets': trackingSecrets,
  '20261201000200_rate_limits': rateLimits,
  '20261201000300_webhook_breaker': webhookBreaker,
  '20261201000500_setup_tokens': setupTokens,
  '20261201000600_building_heads': buildingHeads,
  '20261202000300_outbox_and_background_jobs': outboxAndBackgroundJobs,
  '20261203001000_organisations': organisations,
  '20261203002000_secretary_sessions': secretarySessions,
  '20261203003000_worker_loop': workerLoop,
  '20261203004000_roster_dictionary': rosterDictionary,
  '20261203006000_ticket_location': ticketLocation,
  '20261204100000_wishes': wishes,
  '20261204200000_partner_offers': partnerOffers,
  '20261204300000_help_and_matching': helpAndMatching,
  '20261204400000_care': care,
  '20261204500000_care_checkins': careCheckins,
  '20261205100000_volunteers': volunteers,
  '20261205200000_points': points,
  '20261205300000_party_service': partyService,
  '20261205400000_duty_rosters': dutyRosters,
  '20261205500000_meetings': meetings,
  '20261205600000_votes': votes,
  '20261205700000_venues': venues,
  '20261205700100_projects': projects,
  '20261205800000_activities': activities,
  '20261205810000_party_branches': partyBranches,
  '20261205900000_team_volunteers': teamVolunteers,
};
