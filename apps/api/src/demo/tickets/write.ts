import { sql, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { tokenize } from '../../platform/text/segment.js';
import { hashTrackingCode } from '../../modules/tickets/public/tracking.js';
import { auditRow } from '../../platform/audit/audit.js';
import type { Rand } from '../prng.js';
import type { PlayedPlan } from './everyday.js';

type Trx = Transaction<DB>;
const CHUNK = 2000;

async function inChunks<T>(rows: T[], write: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await write(rows.slice(i, i + CHUNK));
}

/**
 * One statement and one parameter for a whole batch (a JSON array read as rows of the table), instead of a parameter per
 * value: what keeps the demo's thousands of timeline and audit rows quick on PGlite. jsonb columns take objects.
 */
async function insertRows(
  trx: Trx,
  table: 'tickets' | 'ticket_events' | 'audit_log' | 'ticket_reporters' | 'ticket_reminders' | 'escalations' | 'escalation_replies',
  rows: Array<Record<string, unknown>>,
) {
  if (rows.length === 0) return [];
  const columns = sql.raw(Object.keys(rows[0]!).join(', '));
  const { rows: out } = await sql<{ id: number; created_at: Date }>`insert into ${sql.table(table)} (${columns})
    select ${columns} from jsonb_populate_recordset(null::${sql.table(table)}, ${JSON.stringify(rows)}::jsonb) with ordinality as x order by x.ordinality
    returning id, created_at`.execute(trx);
  return out;
}
const parsed = (json: unknown) => (typeof json === 'string' ? (JSON.parse(json) as unknown) : json);

/**
 * Writes the played tickets in a few batched statements: tickets (the roll-up and deadline triggers fire on these final
 * rows, as on any write), their reporters, timelines, audit rows and reminders. Answers the ids by plan key.
 */
export async function writeTickets(trx: Trx, plans: PlayedPlan[], rand: Rand, now: Date): Promise<Map<number, number>> {
  const sorted = [...plans].sort((a, b) => a.play.createdAt.getTime() - b.play.createdAt.getTime() || a.key - b.key);
  const ids = new Map<number, number>();
  await inChunks(sorted, async (chunk) => {
    const rows = chunk.map((p) => {
      const s = p.played.state;
      const r = p.isAnonymous ? null : p.reporter;
      return {
        community_id: p.play.communityId,
        channel: p.play.channel,
        category_id: p.play.categoryId,
        status: s.status,
        title: p.play.title,
        description: p.description,
        compound_id: p.compoundId,
        building_id: p.buildingId,
        address_text: p.addressText,
        reporter_resident_id: r && p.linkResident ? r.id : null,
        reporter_name: p.reporterName,
        reporter_phone_enc: r?.phoneEnc ?? null,
        reporter_phone_masked: r?.phoneMasked ?? null,
        reporter_phone_hash: r?.phoneHash ?? null,
        is_anonymous: p.isAnonymous,
        meeting_title: p.play.meetingTitle,
        assignee_kind: s.assigneeKind,
        assignee_id: s.assigneeId,
        escalated_to_partner_id: s.escalatedToPartnerId,
        escalation_due_at: s.escalationDueAt,
        response_due_at: p.play.responseDueAt,
        resolution_due_at: s.resolutionDueAt,
        dispatch_due_at: s.dispatchDueAt,
        dispatch_note: s.dispatchNote,
        first_response_at: s.firstResponseAt,
        resolved_at: s.resolvedAt,
        closed_at: s.closedAt,
        close_reason: s.closeReason,
        merged_into_id: null,
        reopen_count: s.reopenCount,
        rating: s.rating,
        rating_comment: p.played.ratingComment,
        rated_at: p.played.ratedAt,
        result_text: s.resultText,
        created_by: 'accountId' in p.play.createdBy ? p.play.createdBy.accountId : null,
        tokens: tokenize(`${p.play.title} ${p.description} ${p.addressText ?? ''}`).join(' '),
        created_at: p.play.createdAt,
        updated_at: p.played.updatedAt,
      };
    });
    const inserted = await insertRows(trx, 'tickets', rows);
    inserted.forEach((row, i) => {
      if (row.created_at.getTime() !== chunk[i]!.play.createdAt.getTime()) throw new Error('demo tickets came back out of order');
      ids.set(chunk[i]!.key, row.id);
    });
  });
  // Merged tickets point at the ticket they joined, and their reporter follows (as the merge action moves it).
  const target = (p: PlayedPlan) => p.played.rows.find((r) => r.mergeIntoIndex !== undefined)?.mergeIntoIndex;
  for (const p of sorted) {
    const into = target(p);
    if (into !== undefined && p.played.state.status === 'merged') {
      await trx
        .updateTable('tickets')
        .set({ merged_into_id: ids.get(into)! })
        .where('id', '=', ids.get(p.key)!)
        .execute();
    }
  }
  const reporters = sorted.map((p) => {
    const r = p.isAnonymous ? null : p.reporter;
    const into = p.played.state.status === 'merged' ? target(p) : undefined;
    const code = `LL${Array.from({ length: 10 }, () => 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'[Math.floor(rand() * 32)]).join('')}`;
    return {
      community_id: p.play.communityId,
      ticket_id: ids.get(into ?? p.key)!,
      resident_id: r && p.linkResident ? r.id : null,
      name: p.reporterName,
      phone_enc: r?.phoneEnc ?? null,
      phone_masked: r?.phoneMasked ?? null,
      phone_hash: r?.phoneHash ?? null,
      tracking_hash: hashTrackingCode(code),
      key_hash: null,
      created_at: p.play.createdAt,
    };
  });
  await inChunks(reporters, (c) => insertRows(trx, 'ticket_reporters', c));
  const escalationIds = await writeEscalations(trx, sorted, ids, now);
  const steps = sorted.flatMap((p) =>
    p.played.rows.map((r) => {
      const ticketId = ids.get(p.key)!;
      const mergeIntoId = r.mergeIntoIndex !== undefined ? ids.get(r.mergeIntoIndex)! : undefined;
      const escalationId = r.escalationIndex !== undefined ? escalationIds.get(p.key)![r.escalationIndex]! : undefined;
      const data = mergeIntoId ? { mergeIntoId } : parsed(r.event.data);
      const changes = parsed(r.audit.changes);
      return {
        event: { ...r.event, ticket_id: ticketId, data: escalationId ? { ...(data as object), escalationId } : data, created_at: r.at },
        audit: {
          ...r.audit,
          entity_id: String(ticketId),
          changes: escalationId && changes && typeof changes === 'object' && 'escalationId' in changes ? { ...changes, escalationId } : changes,
          created_at: r.at,
        },
      };
    }),
  );
  await inChunks(steps, (c) =>
    insertRows(
      trx,
      'ticket_events',
      c.map((s) => s.event),
    ),
  );
  await inChunks(steps, (c) =>
    insertRows(
      trx,
      'audit_log',
      c.map((s) => s.audit),
    ),
  );
  const reminders = sorted.flatMap((p) =>
    p.played.reminders.map((r) => ({ community_id: p.play.communityId, ticket_id: ids.get(p.key)!, kind: r.kind, created_at: r.at })),
  );
  await inChunks(reminders, (c) => insertRows(trx, 'ticket_reminders', c));
  return ids;
}

/**
 * The escalations module's rows for the tickets the year sent to an organisation (ADR 0028): the escalation with its
 * deadline and outcome, the organisation's replies, and their audit rows, as its service would have written them.
 * Answers each plan's escalation ids in the order its timeline names them.
 */
async function writeEscalations(trx: Trx, plans: PlayedPlan[], ticketIds: Map<number, number>, at: Date): Promise<Map<number, number[]>> {
  const sent = plans.flatMap((p) => p.played.escalations.map((e) => ({ key: p.key, communityId: p.play.communityId, ticketId: ticketIds.get(p.key)!, e })));
  const out = new Map<number, number[]>();
  if (sent.length === 0) return out;
  const now = at.getTime();
  const reminded = (at: number) => (at <= now ? new Date(at) : null);
  const inserted = await insertRows(
    trx,
    'escalations',
    sent.map(({ communityId, ticketId, e }) => ({
      community_id: communityId,
      ticket_id: ticketId,
      organisation_id: e.organisationId,
      parent_id: null,
      status: e.answeredAt ? 'answered' : e.acceptedAt ? 'accepted' : 'pending',
      reason: e.reason,
      due_at: e.dueAt,
      pause_clock: false,
      ticket_status_before: e.statusBefore,
      requested_by: null,
      requested_at: null,
      approved_by: e.sentBy,
      approved_at: e.sentAt,
      accepted_at: e.acceptedAt,
      answered_at: e.answeredAt,
      ended_at: e.answeredAt,
      result_text: e.resultText,
      // An open escalation past its reminders has had them, so the first start sends none for the past year.
      reminded_before_at: e.answeredAt ? null : reminded(e.dueAt.getTime() - 24 * 3600_000),
      reminded_due_at: e.answeredAt ? null : reminded(e.dueAt.getTime()),
      created_at: e.sentAt,
    })),
  );
  sent.forEach((s, i) => out.set(s.key, [...(out.get(s.key) ?? []), inserted[i]!.id]));
  const replies = sent.flatMap(({ communityId, e }, i) =>
    [e.acceptedAt && { kind: 'accept', text: null, at: e.acceptedAt }, e.answeredAt && { kind: 'answer', text: e.resultText, at: e.answeredAt }]
      .filter((r) => !!r)
      .map((r) => ({ communityId, escalationId: inserted[i]!.id, e, ...r })),
  );
  await inChunks(replies, (c) =>
    insertRows(
      trx,
      'escalation_replies',
      c.map((r) => ({
        community_id: r.communityId,
        escalation_id: r.escalationId,
        kind: r.kind,
        text: r.text,
        actor_id: r.e.contactAccountId,
        organisation_id: r.e.organisationId,
        on_behalf: false,
        created_at: r.at,
      })),
    ),
  );
  const audits = [
    ...sent.map(({ communityId, ticketId, e }, i) => ({
      ...auditRow(e.sentBy ? { accountId: e.sentBy, requestId: null } : null, {
        communityId,
        action: 'escalation.created',
        entityType: 'escalation',
        entityId: inserted[i]!.id,
        changes: { ticketId, organisationId: e.organisationId, dueAt: e.dueAt.toISOString(), pauseClock: false },
        reason: e.reason,
      }),
      created_at: e.sentAt,
    })),
    ...replies.map((r) => ({
      ...auditRow(r.e.contactAccountId ? { accountId: r.e.contactAccountId, requestId: null } : null, {
        communityId: r.communityId,
        action: `escalation.${r.kind}`,
        entityType: 'escalation',
        entityId: r.escalationId,
        changes: { to: r.kind === 'accept' ? 'accepted' : 'answered' },
        reason: r.text,
      }),
      created_at: r.at,
    })),
  ];
  await inChunks(audits, (c) => insertRows(trx, 'audit_log', c));
  return out;
}
