import { z } from 'zod';
import { roles } from './roles.js';

export { roles, roleLabels, type Role } from './roles.js';

export const roleSchema = z.enum(roles);

export {
  consoleRoles, permissions, placeReach, roleCan, rolesWith, ticketStaffRoles, type Permission, type PlaceReachKind,
} from './permissions.js';
