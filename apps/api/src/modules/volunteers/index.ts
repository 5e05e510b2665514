/**
 * The volunteers module's public face (issue 10, ADR 0041): the register's small reads, registering a volunteer for
 * another module (party members who report, duty squads), and recording service hours from any source (activity,
 * shift, task, wish, ticket, party service) — which publishes `volunteer.hours_recorded` for points.
 */
export { volunteerRefs, type VolunteerRef } from './refs.js';
export { ensureVolunteer, type EnsureVolunteerInput } from './ensure.js';
export { recordServiceHours, type ServiceHoursInput } from './record-hours.js';
export { countedMinutes, hoursOf, roundingRules, type RoundingRule } from './rounding.js';
export { starOf, defaultStarThresholds } from './stars.js';
export { settingsOf as volunteerSettingsOf, type VolunteerSettings } from './settings.js';
export { volunteersRoutes } from './volunteers.routes.js';
/** The volunteers' registers (志愿者台账, 志愿服务时长台账) and the dashboard's counts, for the ledger module. */
export * as volunteerLedger from './ledger.js';
/** Points (积分), perks and redemptions: the points part (volunteers/points, ADR 0042). */
export * from './points/index.js';
/** Service hours by volunteer or party member for the party work's feedback sheet and below-floor list (ADR 0043). */
export { volunteerHoursRefs } from './hours-reads.repository.js';
