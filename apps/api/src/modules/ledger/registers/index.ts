import type { LedgerRegisterKey } from '@linli/contracts';
import type { LedgerRegister } from '../register.js';
import { residentsRegister } from './residents.js';
import { partyMembersRegister, teamsRegister } from './people.js';
import { partnersRegister } from './partners.js';
import { ticketsRegister } from './tickets.js';
import { escalationsRegister } from './escalations.js';
import { agreementsRegister, contributionsRegister, resourcesRegister } from './offers.js';
import { wishesRegister } from './wishes.js';
import { helpRegister } from './help.js';
import { careRegister } from './care.js';
import { meetingMinutesRegister, meetingsRegister } from './meetings.js';
import { venueUsageRegister } from './venues.js';
import { serviceHoursRegister, volunteersRegister } from './volunteers.js';
import { dutyRegister } from './duty.js';
import { pointsRegister, redemptionsRegister } from './points.js';
import { activitiesRegister } from './activities.js';
import { projectsRegister } from './projects.js';
import { partyFeedbackRegister, partyReportsRegister, pioneerClaimsRegister } from './party.js';

/** Every register the ledger prints, in the order the ledger page lists them. A module adds one line here. */
export const registers: Record<LedgerRegisterKey, LedgerRegister> = {
  tickets: ticketsRegister,
  residents: residentsRegister,
  party_members: partyMembersRegister,
  teams: teamsRegister,
  partners: partnersRegister,
  escalations: escalationsRegister,
  resources: resourcesRegister,
  agreements: agreementsRegister,
  contributions: contributionsRegister,
  wishes: wishesRegister,
  help: helpRegister,
  care: careRegister,
  meetings: meetingsRegister,
  meeting_minutes: meetingMinutesRegister,
  venue_usage: venueUsageRegister,
  volunteers: volunteersRegister,
  service_hours: serviceHoursRegister,
  duty: dutyRegister,
  points: pointsRegister,
  redemptions: redemptionsRegister,
  activities: activitiesRegister,
  party_reports: partyReportsRegister,
  pioneer_claims: pioneerClaimsRegister,
  party_feedback: partyFeedbackRegister,
  projects: projectsRegister,
};
