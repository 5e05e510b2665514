import type { Role } from './roles.js';

// Free of zod, so the phone pages import the table itself (`@linli/contracts/permissions`) instead of copying it.

/** Roles that work at a desk in the console; the others use the phone shell. */
export const consoleRoles: readonly Role[] = ['system_admin', 'subdistrict_admin', 'secretary', 'social_worker', 'grid_worker', 'department_contact'];

/**
 * The permission table. Services enforce it; the web uses it only to hide what would be refused.
 * Scope is separate: a subdistrict admin acts in the communities of their subdistrict, the others in their own.
 * docs/permissions.md is generated from this table and checked by a test.
 */
export const permissions = {
  'places.read': ['system_admin', 'subdistrict_admin', 'secretary', 'social_worker', 'grid_worker', 'building_head'],
  'places.write': ['system_admin', 'secretary', 'social_worker'],
  'residents.read': ['subdistrict_admin', 'secretary', 'social_worker', 'grid_worker', 'building_head'],
  'residents.write': ['secretary', 'social_worker', 'grid_worker'],
  'residents.viewPii': ['secretary', 'social_worker', 'grid_worker'],
  'residents.import': ['secretary', 'social_worker'],
  'residents.tags': ['secretary', 'social_worker'],
  'people.read': ['system_admin', 'subdistrict_admin', 'secretary', 'social_worker', 'grid_worker', 'building_head', 'party_member', 'volunteer'],
  'people.write': ['secretary', 'social_worker'],
  'partners.read': ['system_admin', 'subdistrict_admin', 'secretary', 'social_worker', 'grid_worker', 'partner_contact'],
  'partners.write': ['secretary', 'social_worker'],
  'audit.read': ['system_admin', 'subdistrict_admin', 'secretary'],
  'accounts.read': ['system_admin', 'subdistrict_admin', 'secretary'],
  'accounts.manage': ['system_admin', 'secretary'],
  'tickets.read': [
    'system_admin',
    'subdistrict_admin',
    'secretary',
    'social_worker',
    'grid_worker',
    'building_head',
    'party_member',
    'volunteer',
    'partner_contact',
  ],
  'tickets.readAll': ['system_admin', 'subdistrict_admin', 'secretary', 'social_worker', 'grid_worker'],
  'tickets.intake': ['secretary', 'social_worker', 'grid_worker', 'building_head'],
  'tickets.accept': ['secretary', 'social_worker', 'grid_worker'],
  'tickets.dispatch': ['secretary', 'social_worker'],
  'tickets.work': ['secretary', 'social_worker', 'grid_worker', 'building_head', 'party_member', 'volunteer', 'partner_contact'],
  'tickets.respond': ['secretary', 'social_worker'],
  'tickets.followUp': ['secretary', 'social_worker'],
  'dashboard.read': ['system_admin', 'subdistrict_admin', 'secretary', 'social_worker', 'grid_worker'],
  'dashboard.subdistrict': ['system_admin', 'subdistrict_admin'],
  'ledger.export': ['system_admin', 'subdistrict_admin', 'secretary', 'social_worker', 'grid_worker', 'building_head'],
  'webhooks.manage': ['system_admin', 'secretary'],
  'tickets.configure': ['system_admin', 'secretary'],
  'open311.manage': ['system_admin', 'secretary'],
  'calendar.manage': ['system_admin'],
  'orgs.read': ['system_admin', 'subdistrict_admin', 'secretary', 'social_worker', 'grid_worker', 'partner_contact', 'department_contact'],
  'orgs.write': ['system_admin', 'subdistrict_admin', 'secretary', 'social_worker'],
  'escalations.read': ['system_admin', 'subdistrict_admin', 'secretary', 'social_worker', 'grid_worker', 'partner_contact', 'department_contact'],
  'escalations.create': ['secretary', 'social_worker'],
  'escalations.request': ['grid_worker'],
  'escalations.reply': ['subdistrict_admin', 'partner_contact', 'department_contact'],
  'escalations.dispatch': ['subdistrict_admin', 'department_contact'],
  'escalations.board': ['system_admin', 'subdistrict_admin'],
  'sessions.read': ['system_admin', 'subdistrict_admin', 'secretary', 'social_worker', 'partner_contact', 'department_contact'],
  'sessions.write': ['secretary', 'social_worker'],
  'sessions.answer': ['secretary', 'social_worker', 'partner_contact', 'department_contact'],
  'resources.read': [
    'system_admin',
    'subdistrict_admin',
    'secretary',
    'social_worker',
    'grid_worker',
    'building_head',
    'party_member',
    'volunteer',
    'partner_contact',
  ],
  /** A partner contact registers and edits only its own partner's offers (the service narrows it). */
  'resources.write': ['secretary', 'social_worker', 'partner_contact'],
  'agreements.read': ['system_admin', 'subdistrict_admin', 'secretary', 'social_worker', 'grid_worker', 'partner_contact'],
  'agreements.write': ['secretary', 'social_worker'],
  'contributions.read': ['system_admin', 'subdistrict_admin', 'secretary', 'social_worker', 'grid_worker', 'partner_contact'],
  'contributions.write': ['secretary', 'social_worker'],
  'partners.portal': ['partner_contact'],
  'wishes.read': ['system_admin', 'subdistrict_admin', 'secretary', 'social_worker', 'grid_worker', 'building_head'],
  'wishes.record': ['secretary', 'social_worker', 'grid_worker', 'building_head'],
  'wishes.write': ['secretary', 'social_worker'],
  'wishes.claim': ['grid_worker', 'party_member', 'volunteer', 'partner_contact'],
  'help.read': ['system_admin', 'subdistrict_admin', 'secretary', 'social_worker', 'grid_worker'],
  'help.write': ['secretary', 'social_worker', 'grid_worker'],
  'help.sensitive': ['secretary', 'social_worker'],
  'matching.read': ['secretary', 'social_worker', 'grid_worker'],
  'matching.dispatch': ['secretary', 'social_worker', 'grid_worker'],
  'matching.claim': ['party_member', 'volunteer', 'partner_contact', 'building_head', 'grid_worker', 'social_worker'],
  'care.read': ['system_admin', 'subdistrict_admin', 'secretary', 'social_worker', 'grid_worker'],
  'care.write': ['secretary', 'social_worker', 'grid_worker'],
  'care.health': ['secretary', 'social_worker', 'grid_worker'],
  'care.visit': ['system_admin', 'subdistrict_admin', 'secretary', 'social_worker', 'grid_worker', 'party_member', 'volunteer', 'partner_contact'],
  'care.configure': ['secretary', 'social_worker'],
  'checkins.read': ['system_admin', 'subdistrict_admin', 'secretary', 'social_worker', 'grid_worker', 'party_member', 'volunteer'],
  'checkins.write': ['secretary', 'social_worker', 'grid_worker', 'party_member', 'volunteer'],
  'checkins.manage': ['secretary', 'social_worker'],
  'meetings.read': ['system_admin', 'subdistrict_admin', 'secretary', 'social_worker', 'grid_worker', 'building_head'],
  'meetings.write': ['secretary', 'social_worker', 'grid_worker'],
  'activities.read': [
    'system_admin',
    'subdistrict_admin',
    'secretary',
    'social_worker',
    'grid_worker',
    'building_head',
    'party_member',
    'volunteer',
    'partner_contact',
  ],
  'activities.write': ['secretary', 'social_worker', 'grid_worker'],
  'activities.attendance': ['secretary', 'social_worker', 'grid_worker', 'party_member', 'volunteer'],
  'venues.read': ['system_admin', 'subdistrict_admin', 'secretary', 'social_worker', 'grid_worker', 'party_member', 'volunteer', 'partner_contact'],
  'venues.write': ['secretary', 'social_worker'],
  /** Teams' leaders (party members, volunteers) and partner contacts request; staff bookings are approved at once. */
  'venues.book': ['secretary', 'social_worker', 'grid_worker', 'party_member', 'volunteer', 'partner_contact'],
  'venues.approve': ['secretary', 'social_worker'],
  'projects.read': ['system_admin', 'subdistrict_admin', 'secretary', 'social_worker', 'grid_worker', 'party_member', 'partner_contact', 'department_contact'],
  'projects.write': ['secretary', 'social_worker'],
  'projects.claim': ['secretary', 'social_worker', 'partner_contact', 'department_contact', 'party_member'],
  'volunteers.read': ['system_admin', 'subdistrict_admin', 'secretary', 'social_worker', 'grid_worker'],
  'volunteers.write': ['secretary', 'social_worker'],
  'volunteers.viewPii': ['secretary', 'social_worker'],
  'volunteers.record': ['secretary', 'social_worker', 'grid_worker'],
  'volunteers.certify': ['secretary', 'social_worker'],
  'volunteers.configure': ['secretary'],
  'volunteers.self': ['grid_worker', 'building_head', 'party_member', 'volunteer', 'partner_contact'],
  'votes.read': ['system_admin', 'subdistrict_admin', 'secretary', 'social_worker', 'grid_worker', 'building_head'],
  'votes.write': ['secretary', 'social_worker'],
  'votes.ballots': ['secretary', 'social_worker', 'grid_worker', 'building_head'],
  'conventions.read': ['system_admin', 'subdistrict_admin', 'secretary', 'social_worker', 'grid_worker', 'building_head', 'party_member', 'volunteer'],
  'conventions.write': ['secretary', 'social_worker'],
  'shifts.read': ['system_admin', 'subdistrict_admin', 'secretary', 'social_worker', 'grid_worker'],
  'shifts.write': ['secretary', 'social_worker'],
  /** Being on duty: one's own shifts, check-in and check-out, asking and answering swaps (the service narrows it). */
  'shifts.duty': ['secretary', 'social_worker', 'grid_worker', 'building_head', 'party_member', 'volunteer'],
  'points.read': ['system_admin', 'subdistrict_admin', 'secretary', 'social_worker', 'grid_worker'],
  'points.own': ['grid_worker', 'building_head', 'party_member', 'volunteer'],
  'points.adjust': ['secretary', 'social_worker'],
  'points.configure': ['secretary', 'social_worker'],
  'perks.read': [
    'system_admin',
    'subdistrict_admin',
    'secretary',
    'social_worker',
    'grid_worker',
    'building_head',
    'party_member',
    'volunteer',
    'partner_contact',
  ],
  'perks.write': ['secretary', 'social_worker', 'partner_contact'],
  'redemptions.read': [
    'system_admin',
    'subdistrict_admin',
    'secretary',
    'social_worker',
    'grid_worker',
    'building_head',
    'party_member',
    'volunteer',
    'partner_contact',
  ],
  'redemptions.redeem': ['grid_worker', 'building_head', 'party_member', 'volunteer'],
  'redemptions.confirm': ['secretary', 'social_worker', 'partner_contact'],
  'redemptions.cancel': ['secretary', 'social_worker', 'grid_worker', 'building_head', 'party_member', 'volunteer'],
  'party.read': ['system_admin', 'subdistrict_admin', 'secretary', 'social_worker', 'grid_worker', 'party_member'],
  'party.write': ['secretary', 'social_worker'],
  'party.serve': ['secretary', 'social_worker', 'party_member'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissions;

/**
 * Record-level scope of households and residents inside the community (issue 13). A role listed here reads only the
 * places it looks after: `grids` = compounds of the grids whose worker it is; `buildings` = the buildings or units
 * assigned to it on the places page. With nothing assigned it sees none. Roles not listed see the whole community.
 * Writes of residents by these roles are held to the same places.
 */
export const placeReach = { grid_worker: 'grids', building_head: 'buildings' } as const satisfies Partial<Record<Role, 'grids' | 'buildings'>>;
export type PlaceReachKind = (typeof placeReach)[keyof typeof placeReach];

export function roleCan(role: Role, permission: Permission): boolean {
  return (permissions[permission] as readonly Role[]).includes(role);
}

/** The roles holding a permission (for example the accounts a ticket may be assigned to: `rolesWith('tickets.work')`). */
export function rolesWith(permission: Permission): readonly Role[] {
  return permissions[permission];
}

/** Roles that act on any ticket of their community; the others only on tickets assigned to them (tickets.policy.ts). */
export const ticketStaffRoles: readonly Role[] = ['secretary', 'social_worker'];
