import { roleCan } from '@linli/contracts';
import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../../../platform/access/actor.js';
import type { DB } from '../../../platform/db/schema.js';
import type { CommunityId } from '../../../platform/db/scope.js';
import { AppError, notFound } from '../../../platform/errors.js';
import { volunteerRefs } from '../refs.js';

type Db = Kysely<DB> | Transaction<DB>;

/** Who holds points: a volunteer of the community (read through the volunteers module's refs). */
export async function holderNames(db: Db, communityId: CommunityId, ids: number[]): Promise<Map<number, string>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  return volunteerRefs.names(db, communityId, unique);
}

/** The volunteer, or 404 (another community's too). */
export async function holderIn(db: Db, communityId: CommunityId, volunteerId: number): Promise<{ id: number; name: string }> {
  const name = (await holderNames(db, communityId, [volunteerId])).get(volunteerId);
  if (name === undefined) throw notFound('volunteer');
  return { id: volunteerId, name };
}

/** The actor's own volunteer record in the community, if any. */
export async function ownHolder(db: Db, communityId: CommunityId, actor: Actor): Promise<{ id: number; name: string } | undefined> {
  const v = await volunteerRefs.byAccount(db, communityId, actor.accountId);
  return v ? { id: v.id, name: v.name } : undefined;
}

/**
 * The volunteer whose points the actor may read: any in the community with `points.read`; otherwise only their own
 * (another's answers 404, like a record of another community).
 */
export async function readableHolder(db: Db, communityId: CommunityId, actor: Actor, volunteerId?: number) {
  if (roleCan(actor.role, 'points.read') && volunteerId != null) return holderIn(db, communityId, volunteerId);
  if (!roleCan(actor.role, 'points.own') && !roleCan(actor.role, 'points.read')) throw new AppError('FORBIDDEN', 'no points permission');
  const own = await ownHolder(db, communityId, actor);
  if (!own || (volunteerId != null && volunteerId !== own.id)) throw notFound('volunteer');
  return own;
}
