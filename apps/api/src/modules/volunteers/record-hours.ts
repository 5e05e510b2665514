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
    throw new AppError('VOLUNTEER_HOURS_ENDS_BEFORE_START', 'endedAt is before startedAt', { fields: [{ field: 'endedAt', rule: 'ends_before_start' }] });
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

/**
 * A correction (更正): a new entry adding or taking away counted minutes for an entry, never an edit of it. One
 * correction per entry (a later one corrects the correction); the total for that entry cannot go below zero.
 */
export async function correctServiceHours(
  trx: Transaction<DB>,
  communityId: CommunityId,
  original: {
    id: number;
    volunteer_id: number;
    source_kind: ServiceSourceKind;
    source_id: number | null;
    source_title: string;
    started_at: Date;
    ended_at: Date;
    counted_minutes: number;
  },
  input: { deltaMinutes: number; reason: string; by: number; requestId: string | null },
): Promise<number> {
  // The total for the entry: what it stands for after the corrections before it (its own row only holds a delta).
  const before = await repo.effectiveMinutes(trx, communityId, original.id);
  if (input.deltaMinutes === 0 || before + input.deltaMinutes < 0) {
    throw new AppError('VALIDATION_FAILED', 'countedHours out of range', { fields: [{ field: 'countedHours', rule: 'invalid' }] });
  }
  const settings = await settingsOf(trx, communityId);
  const { id } = await repo
    .insertHours(trx, {
      community_id: communityId,
      volunteer_id: original.volunteer_id,
      source_kind: original.source_kind,
      source_id: original.source_id,
      source_title: original.source_title,
      session_id: null,
      started_at: original.started_at,
      ended_at: original.ended_at,
      raw_minutes: 0,
      counted_minutes: input.deltaMinutes,
      rounding_rule: settings.roundingRule,
      recorded_by: input.by,
      confirmed_by: input.by,
      corrects_entry_id: original.id,
      note: input.reason,
    })
    .catch((err: unknown) => {
      if ((err as { code?: string }).code === '23505') throw new AppError('CONFLICT', 'entry already corrected', { fields: [{ field: 'id', rule: 'taken' }] });
      throw err;
    });
  await writeAudit(
    trx,
    { accountId: input.by, requestId: input.requestId },
    {
      communityId,
      action: 'service_hours.corrected',
      entityType: 'volunteer',
      entityId: original.volunteer_id,
      changes: { entryId: id, corrects: original.id, deltaMinutes: input.deltaMinutes },
      reason: input.reason,
    },
  );
  await publish(trx, 'volunteer.hours_recorded', {
    communityId,
    volunteerId: original.volunteer_id,
    entryId: id,
    // The points part reverses the points of the corrected entry and earns those of the corrected total.
    hours: hoursOf(before + input.deltaMinutes),
    sourceKind: original.source_kind,
    correctsEntryId: original.id,
  });
  return id;
}
