import { placeReach, type PlaceReachKind, type Role } from '@linli/contracts';
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
