export { roles, roleLabels, type Role } from './roles.js';

// roleSchema lives in common.ts: this file stays free of zod, so the console's first load (roleCan) carries none.

export { consoleRoles, permissions, placeReach, roleCan, rolesWith, ticketStaffRoles, type Permission, type PlaceReachKind } from './permissions.js';
