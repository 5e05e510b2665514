// Table types, one interface per table, named after it, in one file per owning module (modules/ownership.ts).
import type { PlatformTables } from './schema/platform.js';
import type { PlacesTables } from './schema/places.js';
import type { AuthTables } from './schema/auth.js';
import type { PeopleTables } from './schema/people.js';
import type { PartnersTables } from './schema/partners.js';
import type { TicketsTables } from './schema/tickets.js';
import type { LedgerTables } from './schema/ledger.js';
import type { WebhooksTables } from './schema/webhooks.js';
import type { Open311Tables } from './schema/open311.js';
import type { OrgsTables } from './schema/orgs.js';
import type { EscalationsTables } from './schema/escalations.js';
import type { SecretarySessionsTables } from './schema/secretary-sessions.js';
import type { CareCheckinsTables } from './schema/care-checkins.js';

export * from './schema/platform.js';
export * from './schema/places.js';
export * from './schema/auth.js';
export * from './schema/people.js';
export * from './schema/partners.js';
export * from './schema/tickets.js';
export * from './schema/ledger.js';
export * from './schema/webhooks.js';
export * from './schema/open311.js';
export * from './schema/orgs.js';
export * from './schema/escalations.js';
export * from './schema/care-checkins.js';

/** The whole database as Kysely sees it. A new table goes into its owner's file and that file's list. */
export interface DB
  extends PlatformTables, PlacesTables, AuthTables, PeopleTables, PartnersTables, TicketsTables, LedgerTables, WebhooksTables, Open311Tables {}
/** Declaration merging: the organisations' and escalations' tables join DB without rewriting the line above (ADR 0027). */
export interface DB extends OrgsTables, EscalationsTables, SecretarySessionsTables {}
export * from './schema/secretary-sessions.js';
import type { WishesTables } from './schema/wishes.js';
/** The wishes module's tables (ADR 0036). */
export interface DB extends WishesTables {}
export * from './schema/wishes.js';
import type { HelpTables, MatchingTables } from './schema/help.js';
export * from './schema/help.js';
/** The help list's and matching's tables (issue 9, ADR 0038). */
export interface DB extends HelpTables, MatchingTables {}
import type { CareTables } from './schema/care.js';
/** The care module's tables (issue 12, ADR 0039). */
export interface DB extends CareTables {}
export * from './schema/care.js';
/** The care module's daily check-ins (报平安, ADR 0040). */
export interface DB extends CareCheckinsTables {}
import type { MeetingsTables } from './schema/meetings.js';
/** The meetings module's tables (issue 11, ADR 0045). */
export interface DB extends MeetingsTables {}
export * from './schema/meetings.js';
import type { VolunteersTables } from './schema/volunteers.js';
/** The volunteers module's tables (issue 10, ADR 0041). */
export interface DB extends VolunteersTables {}
export * from './schema/volunteers.js';
import type { ActivitiesTables } from './schema/activities.js';
/** The activities module's tables (issue 11, ADR 0048). */
export interface DB extends ActivitiesTables {}
export * from './schema/activities.js';
import type { VenuesTables } from './schema/venues.js';
/** Venues and bookings (issue 11, ADR 0047). */
export interface DB extends VenuesTables {}
export * from './schema/venues.js';
import type { ProjectsTables } from './schema/projects.js';
/** 为民办实事 projects (issue 11, ADR 0047). */
export interface DB extends ProjectsTables {}
export * from './schema/projects.js';
import type { VotesTables } from './schema/votes.js';
/** Meetings' votes and conventions (issue 11, ADR 0046). */
export interface DB extends VotesTables {}
export * from './schema/votes.js';
import type { DutyTables } from './schema/duty.js';
/** The people module's duty rosters (值守排班, ADR 0044). */
export interface DB extends DutyTables {}
export * from './schema/duty.js';
import type { PointsTables } from './schema/points.js';
/** Points, perks and redemptions (issue 10, ADR 0042). */
export interface DB extends PointsTables {}
export * from './schema/points.js';
import type { PartyTables } from './schema/party.js';
/** Party members' service in people (issue 10, ADR 0043). */
export interface DB extends PartyTables {}
export * from './schema/party.js';
