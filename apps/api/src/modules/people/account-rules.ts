import type { Role } from '@linli/contracts';

/** Roles above a community: only a system admin hands them out. */
export const platformRoles: readonly Role[] = ['system_admin', 'subdistrict_admin', 'department_contact'];

/** Whether an actor of `actorRole` (already holding accounts.manage) may give an account the role `target`. */
export function canAssignRole(actorRole: Role, target: Role): boolean {
  if (actorRole === 'system_admin') return true;
  return !platformRoles.includes(target);
}

export interface Placement {
  communityId: number | null;
  subdistrictId: number | null;
}

/**
 * Where an account of a role sits: a system admin nowhere, a subdistrict admin in a subdistrict, everyone else in a
 * community. Returns the field that is missing when the role cannot be placed.
 */
export function placeAccount(role: Role, requested: Placement): Placement | { missing: 'communityId' | 'subdistrictId' } {
  // A department's contact sits in its organisation, which serves an area (ADR 0027).
  if (role === 'system_admin' || role === 'department_contact') return { communityId: null, subdistrictId: null };
  if (role === 'subdistrict_admin')
    return requested.subdistrictId == null ? { missing: 'subdistrictId' } : { communityId: null, subdistrictId: requested.subdistrictId };
  return requested.communityId == null ? { missing: 'communityId' } : { communityId: requested.communityId, subdistrictId: null };
}

/** An account manager may not lock themselves out: no deactivating or re-roling their own account. */
export function isSelfLockout(actorId: number, targetId: number, change: { role?: Role; isActive?: boolean }, currentRole: Role): boolean {
  if (actorId !== targetId) return false;
  return change.isActive === false || (change.role !== undefined && change.role !== currentRole);
}
