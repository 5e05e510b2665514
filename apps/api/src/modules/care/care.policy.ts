import { roleCan } from '@linli/contracts';
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { Actor } from '../../platform/access/actor.js';
import { AppError } from '../../platform/errors.js';
import type { CommunityId } from '../../platform/db/scope.js';
import * as repo from './care.repository.js';

/**
 * Staff with care.read see every recipient of their community. A paired helper (care.visit only: a volunteer, a party
 * member, a clinic's doctor) sees only the people paired with them; another recipient answers 404 as if absent.
 */
export async function pairedOnlyIds(db: Kysely<DB>, actor: Actor, cid: CommunityId): Promise<number[] | null> {
  if (roleCan(actor.role, 'care.read')) return null;
  if (!roleCan(actor.role, 'care.visit')) throw new AppError('FORBIDDEN', `role ${actor.role} lacks care.read`);
  return (await repo.recipientIdsPairedWith(db, cid, actor.accountId)).map((r) => r.recipient_id);
}

export async function assertMayVisit(db: Kysely<DB>, actor: Actor, cid: CommunityId, recipientId: number): Promise<boolean> {
  const only = await pairedOnlyIds(db, actor, cid);
  return only === null || only.includes(recipientId);
}
