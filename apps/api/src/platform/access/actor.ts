import { roleCan, type Locale, type Permission, type Role } from '@linli/contracts';
import { AppError } from '../errors.js';

/** Who is acting, set by authentication. `scope` is the communities they may touch, or 'all'. */
export interface Actor {
  accountId: number;
  role: Role;
  displayName: string;
  communityId: number | null;
  subdistrictId: number | null;
  scope: readonly number[] | 'all';
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
export function resolveCommunityId(actor: Actor, requested?: number | null): number {
  if (requested != null) {
    if (!canSeeCommunity(actor, requested)) throw new AppError('NOT_FOUND', 'community not found');
    return requested;
  }
  if (actor.communityId != null) return actor.communityId;
  if (actor.scope !== 'all' && actor.scope.length === 1) return actor.scope[0]!;
  throw new AppError('VALIDATION_FAILED', 'communityId is required', { fields: [{ field: 'communityId', rule: 'required' }] });
}

/** Repository filter: the list of community ids, or null for every community. */
export function scopeIds(actor: Actor): readonly number[] | null {
  return actor.scope === 'all' ? null : actor.scope;
}
