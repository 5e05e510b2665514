import type { CommitmentState, FollowUpStatus, SecretarySessionSummary, SessionItem } from '@linli/contracts';
import { iso } from '../../../platform/time.js';
import type { ItemRow, SessionRow } from './sessions.repository.js';

/** Names of the organisations, communities and accounts a page of rows mentions. */
export interface Names {
  organisations: Map<number, string>;
  communities: Map<number, string>;
  accounts: Map<number, string>;
}

/** A commitment as shown: overdue is an open one whose promised date (Beijing) is before today. */
export function commitmentState(followStatus: string | null, promisedOn: string | null, today: string): CommitmentState {
  if (followStatus == null) return 'none';
  if (followStatus === 'open') return promisedOn != null && promisedOn < today ? 'overdue' : 'open';
  return followStatus === 'kept' ? 'kept' : 'broken';
}

type AttendeeRow = { session_id: number; organisation_id: number; attendee_name: string; attendee_title: string | null };

export function presentSession(r: Omit<SessionRow, 'other_attendees' | 'notes'>, attendees: AttendeeRow[], names: Names): SecretarySessionSummary {
  return {
    id: r.id,
    communityId: r.community_id,
    communityName: names.communities.get(r.community_id) ?? '',
    title: r.title,
    heldOn: r.held_on,
    startsAt: r.starts_at,
    place: r.place,
    hostName: r.host_name,
    attendees: attendees
      .filter((a) => a.session_id === r.id)
      .map((a) => ({
        organisationId: a.organisation_id,
        organisationName: names.organisations.get(a.organisation_id) ?? '',
        attendeeName: a.attendee_name,
        attendeeTitle: a.attendee_title,
      })),
    itemCount: Number(r.item_count),
    openCommitments: Number(r.open_count),
    overdueCommitments: Number(r.overdue_count),
    createdAt: iso(r.created_at),
  };
}

type FollowUpRow = { id: number; item_id: number; status: string; note: string; created_by: number | null; created_at: Date };

export function presentItems(rows: ItemRow[], followUps: FollowUpRow[], names: Names, today: string): SessionItem[] {
  const account = (id: number | null) => (id == null ? null : (names.accounts.get(id) ?? null));
  return rows.map((i) => ({
    id: i.id,
    sessionId: i.session_id,
    organisationId: i.organisation_id,
    organisationName: names.organisations.get(i.organisation_id) ?? '',
    escalationId: i.escalation_id,
    ticketId: i.ticket_id,
    ticketCode: i.ticket_code,
    subject: i.subject,
    detail: i.detail,
    answer: i.answer,
    answeredAt: i.answered_at == null ? null : iso(i.answered_at),
    answeredByName: account(i.answered_by),
    answeredOnBehalf: i.answered_on_behalf,
    commitment: i.commitment,
    promisedOn: i.promised_on,
    commitmentState: commitmentState(i.follow_status, i.promised_on, today),
    followUps: followUps
      .filter((f) => f.item_id === i.id)
      .map((f) => ({ id: f.id, status: f.status as FollowUpStatus, note: f.note, byName: account(f.created_by), at: iso(f.created_at) })),
  }));
}
