import { roleCan, type Locale, type Permission, type Role } from '@linli/contracts';
import { AppError } from '../errors.js';
import { makeCommunityId, makeScope, type CommunityId, type Scope } from '../db/scope.js';

/** Who is acting, set by authentication. `scope` is the communities they may touch, or 'all'. */
export interface Actor {
  accountId: number;
  role: Role;
  displayName: string;
  communityId: number | null;
  subdistrictId: number | null;
  scope: readonly number[] | 'all';
  /** A contact account's organisation (department_contact, partner_contact): it sees only what was escalated to it. */
  organisationId?: number | null;
  requestId: string | null;
  locale: Locale;
}

export function authorize(actor: Actor, permission: Permission): void {
  if (!roleCan(actor.role, permission)) {
    throw new AppError('FORBIDDEN', `role ${actor.role} lacks ${permission}`);
  }
}

export function canSeeCommunity(actor: Actor, communityId: number): boolean {
  return actor.scope === 'all' || actor.scope.includes(communityId);
}

/**
 * The community a command acts in: the one asked for if the actor may see it (another answers 404),
 * else the actor's own. A subdistrict or system admin must name one.
 */
export function resolveCommunityId(actor: Actor, requested?: number | null): CommunityId {
  if (requested != null) {
    if (!canSeeCommunity(actor, requested)) throw new AppError('NOT_FOUND', 'community not found');
    return makeCommunityId(requested);
  }
  if (actor.communityId != null) return makeCommunityId(actor.communityId);
  if (actor.scope !== 'all' && actor.scope.length === 1) return makeCommunityId(actor.scope[0]!);
  throw new AppError('VALIDATION_FAILED', 'communityId is required', { fields: [{ field: 'communityId', rule: 'required' }] });
}

/** The repository scope of an authenticated actor: the one way a request gets a Scope (ADR 0018). */
export function scopeOf(actor: Actor): Scope {
  return makeScope(actor.scope === 'all' ? null : actor.scope);
}
/** @deprecated name kept while other branches move to `scopeOf`; the same function. */
export const scopeIds = scopeOf;
