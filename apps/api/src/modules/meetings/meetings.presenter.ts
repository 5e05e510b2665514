import type {
  Meeting,
  MeetingAttendee,
  MeetingDecision,
  MeetingEvent,
  MeetingFollowUp,
  MeetingKind,
  MeetingRotation,
  MeetingStatus,
  MeetingTopic,
} from '@linli/contracts';
import type { DB } from '../../platform/db/schema.js';
import type { Selectable } from 'kysely';
import { iso } from '../../platform/time.js';
import type { RotationRow } from './meetings.repository.js';

type Row<T extends keyof DB> = Selectable<DB[T]>;

export function presentMeeting(m: Row<'meetings'> & { topic_count?: number }, compoundName: string | null): Meeting {
  return {
    id: m.id,
    communityId: m.community_id,
    kind: m.kind as MeetingKind,
    title: m.title,
    status: m.status as MeetingStatus,
    compoundId: m.compound_id,
    compoundName,
    startsAt: iso(m.starts_at),
    endsAt: iso(m.ends_at),
    place: m.place,
    venueId: m.venue_id,
    hostName: m.host_name,
    recorderName: m.recorder_name,
    walkInCount: m.walk_in_count,
    rotationId: m.rotation_id,
    secretarySessionId: m.secretary_session_id,
    cancelReason: m.cancel_reason,
    topicCount: Number(m.topic_count ?? 0),
    createdAt: iso(m.created_at),
  };
}

export function presentTopic(t: Row<'meeting_topics'>, ticketCodes: Map<number, string>): MeetingTopic {
  return {
    id: t.id,
    seq: t.seq,
    title: t.title,
    detail: t.detail,
    sourceKind: t.source_kind as MeetingTopic['sourceKind'],
    sourceId: t.source_id,
    outcome: t.outcome as MeetingTopic['outcome'],
    outcomeNote: t.outcome_note,
    ticketId: t.ticket_id,
    ticketCode: t.ticket_id ? (ticketCodes.get(t.ticket_id) ?? null) : null,
    decidedAt: iso(t.decided_at),
  };
}

export const presentAttendee = (a: Row<'meeting_attendees'>): MeetingAttendee => ({
  id: a.id,
  kind: a.kind as MeetingAttendee['kind'],
  residentId: a.resident_id,
  accountId: a.account_id,
  organisationId: a.organisation_id,
  partnerId: a.partner_id,
  name: a.name,
  roleNote: a.role_note,
  signedInAt: iso(a.signed_in_at),
});

export const presentDecision = (d: Row<'meeting_decisions'>): MeetingDecision => ({
  id: d.id,
  topicId: d.topic_id,
  text: d.text,
  createdAt: iso(d.created_at),
});

export const presentFollowUp = (f: Row<'meeting_follow_ups'>): MeetingFollowUp => ({
  id: f.id,
  topicId: f.topic_id,
  text: f.text,
  ownerName: f.owner_name,
  ownerAccountId: f.owner_account_id,
  dueOn: f.due_on,
  doneAt: iso(f.done_at),
  doneNote: f.done_note,
});

export const presentEvent = (e: Row<'meeting_events'>, names: Map<number, string>): MeetingEvent => ({
  id: e.id,
  action: e.action as MeetingEvent['action'],
  fromStatus: e.from_status,
  toStatus: e.to_status,
  actorName: e.actor_id ? (names.get(e.actor_id) ?? null) : e.actor_label,
  note: e.note,
  createdAt: iso(e.created_at),
});

export const presentRotation = (r: RotationRow): MeetingRotation => ({
  id: r.id,
  communityId: r.community_id,
  kind: r.kind as MeetingKind,
  title: r.title,
  compoundIds: (typeof r.compound_ids === 'string' ? JSON.parse(r.compound_ids) : r.compound_ids) as number[],
  startsOn: r.starts_on,
  intervalDays: r.interval_days,
  startTime: r.start_time,
  durationMinutes: r.duration_minutes,
  place: r.place,
  hostName: r.host_name,
  meetingCount: Number(r.meeting_count),
});
