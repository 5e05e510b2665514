import { isOverdue, type Rating, type Ticket, type TicketStatus } from '@linli/contracts';
import { iso } from '../../platform/time.js';
import type * as repo from './tickets.repository.js';
import type { Names } from './ticket-names.js';
import { isRework } from './acting/ticket-state.js';

/** A ticket row as the API shows it: the reporter hidden when anonymous, overdue worked out at `now`. */
export function presentTicket(t: repo.TicketRow & Names, now = new Date()): Ticket {
  return {
    id: t.id,
    communityId: t.community_id,
    code: t.code,
    channel: t.channel as Ticket['channel'],
    status: t.status as TicketStatus,
    categoryId: t.category_id,
    categoryName: t.category_zh,
    title: t.title,
    description: t.description,
    compoundId: t.compound_id,
    compoundName: t.compound_name ?? null,
    buildingId: t.building_id,
    buildingName: t.building_name ?? null,
    addressText: t.address_text,
    reporterName: t.is_anonymous ? null : t.reporter_name,
    reporterPhoneMasked: t.is_anonymous ? null : t.reporter_phone_masked,
    isAnonymous: t.is_anonymous,
    assigneeKind: (t.assignee_kind as Ticket['assigneeKind']) ?? null,
    assigneeId: t.assignee_id,
    assigneeName: t.assignee_name ?? null,
    escalatedToPartnerId: t.escalated_to_partner_id,
    escalationDueAt: iso(t.escalation_due_at),
    responseDueAt: iso(t.response_due_at)!,
    resolutionDueAt: iso(t.resolution_due_at)!,
    firstResponseAt: iso(t.first_response_at),
    resolvedAt: iso(t.resolved_at),
    closedAt: iso(t.closed_at),
    closeReason: t.close_reason,
    mergedIntoId: t.merged_into_id,
    reopenCount: t.reopen_count,
    rating: (t.rating as Rating | null) ?? null,
    ratingComment: t.rating_comment,
    resultText: t.result_text,
    isOverdue: isOverdue(
      { status: t.status, firstResponseAt: t.first_response_at, responseDueAt: t.response_due_at, resolutionDueAt: t.resolution_due_at },
      now,
    ),
    meetingTitle: t.meeting_title,
    meetingId: t.meeting_id,
    dispatchDueAt: iso(t.dispatch_due_at),
    dispatchNote: t.dispatch_note,
    isRework: isRework({ status: t.status, reopenCount: t.reopen_count }),
    createdAt: iso(t.created_at)!,
    updatedAt: iso(t.updated_at)!,
  };
}
