import { subdistrictManagedKinds, type OrganisationKind } from '@linli/contracts';
import type { Actor } from '../../platform/access/actor.js';

/** Roles that answer for one organisation and see only what was escalated to it (ADR 0027). */
export const contactRoles = ['department_contact', 'partner_contact'] as const;
export const isContact = (actor: Actor) => (contactRoles as readonly string[]).includes(actor.role);

/**
 * Who manages an organisation of a kind: departments and subdistrict offices by a system admin or the subdistrict's
 * admin; property companies and partner units by the community's secretary or social worker (or a system admin).
 */
export function mayManageKind(actor: Actor, kind: OrganisationKind): boolean {
  if (actor.role === 'system_admin') return true;
  if (subdistrictManagedKinds.includes(kind)) return actor.role === 'subdistrict_admin';
  return actor.role === 'secretary' || actor.role === 'social_worker';
}

/** Whether the actor manages this organisation: of a kind they manage, placed in their subdistrict or community. */
export function mayManage(actor: Actor, o: { kind: string; subdistrict_id: number | null; community_id: number | null }): boolean {
  if (!mayManageKind(actor, o.kind as OrganisationKind)) return false;
  if (actor.role === 'system_admin') return true;
  if (actor.role === 'subdistrict_admin') return o.subdistrict_id != null && o.subdistrict_id === actor.subdistrictId;
  return o.community_id != null && o.community_id === actor.communityId;
}
