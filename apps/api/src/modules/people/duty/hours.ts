import type { Transaction } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import type { CommunityId } from '../../../platform/db/scope.js';
import { AppError } from '../../../platform/errors.js';
import { countedMinutes, ensureVolunteer, hoursOf, recordServiceHours, volunteerSettingsOf } from '../../volunteers/index.js';

/**
 * Credits a duty as service hours (source kind 'shift', the shift's id) to the person's volunteer record, through the
 * volunteers module: it finds or registers the volunteer, rounds by the community's rule and publishes the event points
 * earn on. The person checking out records, and so confirms, their own duty from the station (ADR 0044). A volunteer
 * record that is suspended or has left gets no hours; the check-out still closes the duty.
 */
export async function creditShiftHours(
  trx: Transaction<DB>,
  cid: CommunityId,
  d: { shiftId: number; accountId: number; residentId: number | null; name: string; title: string; startedAt: Date; endedAt: Date },
): Promise<{ entryId: number; hours: number } | null> {
  const volunteerId = await ensureVolunteer(trx, cid, { accountId: d.accountId, residentId: d.residentId, name: d.name, by: d.accountId });
  try {
    const entryId = await recordServiceHours(trx, cid, {
      volunteerId,
      source: { kind: 'shift', id: d.shiftId, title: d.title },
      startedAt: d.startedAt,
      endedAt: d.endedAt,
      recordedBy: d.accountId,
    });
    const settings = await volunteerSettingsOf(trx, cid);
    const raw = Math.floor((d.endedAt.getTime() - d.startedAt.getTime()) / 60_000);
    return { entryId, hours: hoursOf(countedMinutes(settings.roundingRule, raw)) };
  } catch (err) {
    if (err instanceof AppError && err.code === 'VOLUNTEER_NOT_APPROVED') return null;
    throw err;
  }
}
