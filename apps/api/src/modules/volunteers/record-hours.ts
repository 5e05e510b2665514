import type { Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { CommunityId } from '../../platform/db/scope.js';
import type { ServiceSourceKind } from '../../platform/db/schema/volunteers.js';
import { AppError, notFound } from '../../platform/errors.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { publish } from '../../platform/outbox/outbox.js';
import * as repo from './refs.repository.js';
import { capped, countedMinutes, hoursOf, minutesBetween } from './rounding.js';
import { settingsOf } from './settings.js';

export interface ServiceHoursInput {
  volunteerId: number;
  source: { kind: ServiceSourceKind; id: number | null; title: string };
  startedAt: Date;
  endedAt: Date;
  /** The account recording them; it also confirms them (谁记录谁证明). */
  recordedBy: number;
  note?: string | null;
  /** The service session the hours come from (sign-out), if any. */
  sessionId?: number | null;
  requestId?: string | null;
}

/**
 * Records service hours in the caller's transaction (ADR 0041): counts them by the community's rounding rule (and
 * per-activity cap), the recorder confirms them, writes the audit row and publishes `volunteer.hours_recorded`
 * (points earns from it). The volunteer must be approved and in this community. Answers the entry id.
 */
export async function recordServiceHours(trx: Transaction<DB>, communityId: CommunityId, input: ServiceHoursInput): Promise<number> {
  const started = input.startedAt;
  const ended = input.endedAt;
  if (!(started instanceof Date) || Number.isNaN(started.getTime()))
    throw new AppError('VALIDATION_FAILED', 'startedAt: required', { fields: [{ field: 'startedAt', rule: 'required' }] });
  if (!(ended instanceof Date) || Number.isNaN(ended.getTime()))
    throw new AppError('VALIDATION_FAILED', 'endedAt: required', { fields: [{ field: 'endedAt', rule: 'required' }] });
  if (ended.getTime() < started.getTime()) {
    throw new AppError('VOLUNTEER_HOURS_ENDS_BEFORE_START', 'endedAt is before startedAt', { fields: [{ field: 'endedAt', rule: 'after_start' }] });
  }
  const [volunteer] = await repo.volunteerRows(trx, communityId, [input.volunteerId]);
  if (!volunteer) throw notFound('volunteer');
  if (volunteer.status !== 'approved') throw new AppError('VOLUNTEER_NOT_APPROVED', `volunteer ${volunteer.id} is ${volunteer.status}`);
  const settings = await settingsOf(trx, communityId);
  const raw = minutesBetween(started, ended);
  let counted = countedMinutes(settings.roundingRule, raw);
  if (settings.activityCapMinutes != null && input.source.kind === 'activity' && input.source.id != null) {
    counted = capped(counted, settings.activityCapMinutes, await repo.countedForSource(trx, communityId, volunteer.id, 'activity', input.source.id));
  }
  const { id } = await repo.insertHours(trx, {
    community_id: communityId,
    volunteer_id: volunteer.id,
    source_kind: input.source.kind,
    source_id: input.source.id,
    source_title: input.source.title.trim().slice(0, 200),
    session_id: input.sessionId ?? null,
    started_at: started,
    ended_at: ended,
    raw_minutes: raw,
    counted_minutes: counted,
    rounding_rule: settings.roundingRule,
    recorded_by: input.recordedBy,
    confirmed_by: input.recordedBy,
    corrects_entry_id: null,
    note: input.note?.trim() || null,
  });
  await writeAudit(
    trx,
    { accountId: input.recordedBy, requestId: input.requestId ?? null },
    {
      communityId,
      action: 'service_hours.recorded',
      entityType: 'volunteer',
      entityId: volunteer.id,
      changes: { entryId: id, source: input.source.kind, sourceId: input.source.id, rawMinutes: raw, countedMinutes: counted },
    },
  );
  await publish(trx, 'volunteer.hours_recorded', {
    communityId,
    volunteerId: volunteer.id,
    entryId: id,
    hours: hoursOf(counted),
    sourceKind: input.source.kind,
  });
  return id;
}
