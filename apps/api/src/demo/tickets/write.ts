import { sql, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { tokenize } from '../../platform/text/segment.js';
import { hashTrackingCode } from '../../modules/tickets/public/tracking.js';
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
  table: 'tickets' | 'ticket_events' | 'audit_log' | 'ticket_reporters' | 'ticket_reminders',
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
export async function writeTickets(trx: Trx, plans: PlayedPlan[], rand: Rand): Promise<Map<number, number>> {
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
  const steps = sorted.flatMap((p) =>
    p.played.rows.map((r) => {
      const ticketId = ids.get(p.key)!;
      const mergeIntoId = r.mergeIntoIndex !== undefined ? ids.get(r.mergeIntoIndex)! : undefined;
      return {
        event: { ...r.event, ticket_id: ticketId, data: mergeIntoId ? { mergeIntoId } : parsed(r.event.data), created_at: r.at },
        audit: { ...r.audit, entity_id: String(ticketId), created_at: r.at },
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
