import type { Transaction } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import type { CommunityId } from '../../../platform/db/scope.js';

/**
 * Credits a duty as service hours (source kind 'shift') to the person's volunteer record, through the volunteers
 * module (it finds or registers the volunteer, rounds by the community's rule and publishes the event points earn on).
 * Until the volunteers module is merged this credits nothing.
 */
export async function creditShiftHours(
  _trx: Transaction<DB>,
  _cid: CommunityId,
  _d: { shiftId: number; accountId: number; residentId: number | null; name: string; title: string; startedAt: Date; endedAt: Date },
): Promise<{ entryId: number; hours: number | null } | null> {
  return null;
}
