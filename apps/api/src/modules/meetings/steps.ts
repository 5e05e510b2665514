import type { Transaction } from 'kysely';
import type { MeetingStatus } from '@linli/contracts/meeting-labels';
import type { AppContext } from '../../platform/context.js';
import type { DB } from '../../platform/db/schema.js';
import type { CommunityId } from '../../platform/db/scope.js';
import { resolveCommunityId, scopeOf, type Actor } from '../../platform/access/actor.js';
import { AppError, notFound } from '../../platform/errors.js';
import * as repo from './meetings.repository.js';
import { canEdit, type MeetingPart } from './meeting-state.js';

export type LockedMeeting = NonNullable<Awaited<ReturnType<typeof repo.lockMeeting>>>;

/** The meeting's community for the actor: 404 for none or another community's. */
export async function communityOfMeeting(ctx: AppContext, actor: Actor, id: number): Promise<CommunityId> {
  const row = await repo.findMeeting(ctx.db, scopeOf(actor), id);
  if (!row) throw notFound('meeting');
  return resolveCommunityId(actor, row.community_id);
}

/**
 * Runs one change of a meeting in a transaction, with the meeting row locked and the part checked against its state:
 * a change the state does not allow answers MEETING_NOT_OPEN and writes nothing.
 */
export async function withMeeting<T>(
  ctx: AppContext,
  actor: Actor,
  id: number,
  part: MeetingPart | null,
  fn: (trx: Transaction<DB>, m: LockedMeeting, cid: CommunityId) => Promise<T>,
): Promise<T> {
  const cid = await communityOfMeeting(ctx, actor, id);
  return ctx.db.transaction().execute(async (trx) => {
    const m = await repo.lockMeeting(trx, cid, id);
    if (!m) throw notFound('meeting');
    if (part && !canEdit(m.status as MeetingStatus, part)) throw new AppError('MEETING_NOT_OPEN', `meeting is ${m.status}`, { status: m.status });
    return fn(trx, m, cid);
  });
}

/** A meeting's end must come after its start: the error names `endsAt`. */
export function checkTimes(startsAt: Date, endsAt: Date): void {
  if (endsAt.getTime() <= startsAt.getTime())
    throw new AppError('MEETING_ENDS_BEFORE_START', 'endsAt must be after startsAt', { fields: [{ field: 'endsAt', rule: 'ends_before_start' }] });
}
