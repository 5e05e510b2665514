import type { Kysely, Transaction } from 'kysely';
import type { TicketEventKind, TicketStatus } from '@linli/contracts';
import type { DB } from '../../../platform/db/schema.js';
import type { Actor } from '../../../platform/access/actor.js';
import type { CommunityId } from '../../../platform/db/scope.js';
import { notFound } from '../../../platform/errors.js';
import { defaultTicketSettings } from '../categories/ticket-settings.js';
import { recordStep } from '../record-step.js';
import * as repo from '../tickets.repository.js';
import { commitTransition } from './transitions.js';

type Trx = Transaction<DB>;

/**
 * The ticket's side of an escalation (ADR 0028), called by the escalations module inside its own transaction: the
 * ticket goes to 'escalated' (from any open state) and the timeline names the organisation and the deadline.
 * A ticket already escalated (a second organisation, or the subdistrict dispatching) only gets the timeline step.
 * Answers the status it had before, to return to when the escalation ends.
 */
export async function escalateTicket(
  trx: Trx,
  actor: Actor | null,
  cid: CommunityId,
  ticketId: number,
  o: { organisationId: number; organisationName: string; dueAt: Date; note: string; escalationId: number; actorLabel?: string | null },
): Promise<{ statusBefore: TicketStatus }> {
  const row = await repo.lockTicket(trx, cid, ticketId);
  if (!row) throw notFound('ticket');
  const data = { organisationId: o.organisationId, organisationName: o.organisationName, dueAt: o.dueAt.toISOString(), escalationId: o.escalationId };
  const statusBefore = row.status as TicketStatus;
  if (row.status === 'escalated') {
    await recordStep(trx, {
      communityId: cid,
      ticketId,
      action: 'escalate',
      fromStatus: 'escalated',
      toStatus: 'escalated',
      actor,
      actorLabel: o.actorLabel ?? null,
      note: o.note,
      isPublic: true,
      data,
    });
    return { statusBefore };
  }
  await commitTransition(
    trx,
    row,
    'escalate',
    { dueAt: o.dueAt },
    {
      now: new Date(),
      reopenLimit: defaultTicketSettings.reopenLimit,
      actor,
      actorLabel: o.actorLabel ?? null,
      channel: null,
      note: o.note,
      reason: o.note,
      data,
    },
  );
  return { statusBefore };
}

/**
 * The escalation ended (answered, declined or withdrawn) and no other is open: the ticket returns to the status it had
 * and the community works on. `pausedMs` (挂起) pushes its own deadlines forward by the time it waited.
 */
export async function endTicketEscalation(
  trx: Trx,
  actor: Actor | null,
  cid: CommunityId,
  ticketId: number,
  o: { returnTo: TicketStatus | null; note: string; data: Record<string, unknown>; pausedMs: number; actorLabel?: string | null },
): Promise<void> {
  const row = await repo.lockTicket(trx, cid, ticketId);
  if (!row) throw notFound('ticket');
  if (row.status !== 'escalated') return;
  await commitTransition(
    trx,
    row,
    'respond',
    { note: o.note, returnTo: o.returnTo ?? undefined },
    {
      now: new Date(),
      reopenLimit: defaultTicketSettings.reopenLimit,
      actor,
      actorLabel: o.actorLabel ?? null,
      channel: null,
      note: o.note,
      reason: o.note,
      data: o.data,
    },
  );
  if (o.pausedMs > 0) {
    const shift = (d: Date) => new Date(d.getTime() + o.pausedMs);
    await repo.updateTicket(trx, cid, ticketId, {
      resolution_due_at: shift(row.resolution_due_at),
      ...(row.first_response_at ? {} : { response_due_at: shift(row.response_due_at) }),
    });
    await recordStep(trx, {
      communityId: cid,
      ticketId,
      action: 'clock_paused',
      actor,
      actorLabel: o.actorLabel ?? null,
      isPublic: false,
      data: { pausedHours: Math.round((o.pausedMs / 3600_000) * 10) / 10, resolutionDueAt: shift(row.resolution_due_at).toISOString() },
      changes: { resolutionDueAt: { from: row.resolution_due_at.toISOString(), to: shift(row.resolution_due_at).toISOString() } },
    });
  }
}

/** A reply or a note of an escalation on the ticket's timeline (accept, ask for information, decline, answer…). */
export async function recordEscalationStep(
  trx: Trx,
  actor: Actor | null,
  cid: CommunityId,
  ticketId: number,
  o: { action: TicketEventKind; note: string | null; data: Record<string, unknown>; isPublic: boolean; actorLabel?: string | null },
): Promise<void> {
  await recordStep(trx, {
    communityId: cid,
    ticketId,
    action: o.action,
    actor,
    actorLabel: o.actorLabel ?? null,
    note: o.note,
    isPublic: o.isPublic,
    data: o.data,
    changes: o.data,
  });
}

/** What an escalation shows of its ticket: ids of tickets in any community (the escalations module scoped them). */
export function ticketSummaries(db: Trx | Kysely<DB>, ids: readonly number[]) {
  return repo.ticketSummaries(db, ids);
}

/** Photo ids of each ticket (the escalations module shows them to the organisation it escalated to). */
export async function ticketPhotoIds(db: Trx | Kysely<DB>, ticketIds: readonly number[]) {
  const out = new Map<number, number[]>();
  for (const id of ticketIds)
    out.set(
      id,
      (await repo.photoIds(db, id)).map((p) => p.id),
    );
  return out;
}
/** One photo of a ticket the caller has already scoped. */
export const ticketPhoto = (db: Trx | Kysely<DB>, ticketId: number, photoId: number) => repo.findPhoto(db, ticketId, photoId);
/** Photos sent with an escalation's reply join the ticket's photos (same checks, a timeline step). */
export { storePhotos as storeTicketPhotos } from '../photos/photos.js';
