import { placeReach, roleCan, type PlaceReachKind, type Role } from '@linli/contracts';
import type { Actor } from '../../platform/access/actor.js';

/**
 * How far inside its community an actor reads and writes households and residents (issue 13):
 * null = the whole community; `grids` = compounds of the grids the account works (grids.worker_account_id);
 * `buildings` = the buildings or units assigned to the account (building_heads). Nothing assigned = nothing seen.
 * A record outside the reach answers 404 like a record of another community; lists leave it out.
 */
export type Reach = { kind: PlaceReachKind; accountId: number } | null;

export function reachOf(actor: Actor): Reach {
  const kind = (placeReach as Partial<Record<Role, PlaceReachKind>>)[actor.role];
  return kind ? { kind, accountId: actor.accountId } : null;
}

/**
 * Whose resident records an actor may read where other modules show them (party members, team members): 'none'
 * without `residents.read` (volunteer, party member, system admin), else the reach above.
 */
export type ResidentReach = Reach | 'none';

export function residentReachOf(actor: Actor): ResidentReach {
  return roleCan(actor.role, 'residents.read') ? reachOf(actor) : 'none';
}
