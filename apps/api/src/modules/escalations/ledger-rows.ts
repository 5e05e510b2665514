import { escalationReplyLabels, escalationStatusLabels, organisationKindLabels, type EscalationNoteKind, type EscalationStatus } from '@linli/contracts';
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { CommunityId } from '../../platform/db/scope.js';
import { scopeOfOne } from '../../platform/db/scope.js';
import * as repo from './escalations.repository.js';
import { present } from './reading.js';

/** One line of the escalations ledger (上报台账): what the ledger module prints and exports. */
export interface EscalationLedgerRow {
  community: string;
  ticketCode: string;
  ticketTitle: string;
  organisation: string;
  /** the organisation's kind in words (职能部门, 街道办事处…) */
  organisationKind: string;
  status: string;
  sentAt: string;
  dueAt: string;
  answeredAt: string | null;
  overdue: boolean;
  reason: string;
  result: string | null;
  /** Every reply as text: "2026-12-03 接收（城管）；…". */
  replies: string;
}

/** The escalations of a community sent in [from, to), oldest first, as ledger rows in zh-CN (the register's language). */
export async function escalationLedgerRows(db: Kysely<DB>, communityId: CommunityId, period: { from: Date; to: Date }): Promise<EscalationLedgerRow[]> {
  const { rows } = await repo.listEscalations(db, { scope: scopeOfOne(communityId) }, {}, { offset: 0, limit: 5000 }, new Date());
  const inPeriod = rows.filter((r) => r.created_at >= period.from && r.created_at < period.to && r.status !== 'requested').reverse();
  const day = (s: string | null) => (s ? new Date(Date.parse(s) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ') : null);
  return (await present(db, inPeriod)).map((e) => ({
    community: e.communityName,
    ticketCode: e.ticketCode,
    ticketTitle: e.ticketTitle,
    organisation: e.organisationName,
    organisationKind: organisationKindLabels['zh-CN'][e.organisationKind],
    status: escalationStatusLabels['zh-CN'][e.status as EscalationStatus],
    sentAt: day(e.createdAt)!,
    dueAt: day(e.dueAt)!,
    answeredAt: day(e.answeredAt),
    overdue: e.overdue || (e.answeredAt != null && e.answeredAt > e.dueAt),
    reason: e.reason,
    result: e.resultText,
    replies: e.replies
      .map(
        (r) =>
          `${day(r.createdAt)} ${escalationReplyLabels['zh-CN'][r.kind as EscalationNoteKind]}${r.organisationName ? `（${r.organisationName}）` : ''}${r.text ? `：${r.text}` : ''}`,
      )
      .join('；'),
  }));
}
