import { escalationReplyLabels, type Escalation, type EscalationStatus, type ReplyEscalationInput } from '@linli/contracts';
import type { Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { AppContext } from '../../platform/context.js';
import { authorize, scopeOf, type Actor } from '../../platform/access/actor.js';
import { AppError, forbidden, invalidField, notFound } from '../../platform/errors.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { publish } from '../../platform/outbox/outbox.js';
import { communityIn, type CommunityId } from '../../platform/db/scope.js';
import { ticketEscalation } from '../tickets/index.js';
import * as orgs from '../orgs/index.js';
import * as repo from './escalations.repository.js';
import { applyReply, isOpen, replyNeedsText } from './escalation-rules.js';
import { endOnTicket, speaksFor } from './escalations.service.js';
import { getEscalation, reachOf } from './reading.js';

type Trx = Transaction<DB>;
/** Replies the resident may read on the tracking page; asking, declining and supplying stay between staff and the organisation. */
const publicReplies = ['accept', 'answer'];

/**
 * A reply to an escalation. Accepting, asking for information, declining (with a reason) and answering (with the
 * result) are the organisation's own: only its contact (or, for a subdistrict office, the subdistrict's admin) gives
 * them, nobody in its name. Supplying the information asked for is the community staff's.
 */
export async function replyToEscalation(ctx: AppContext, actor: Actor, id: number, input: ReplyEscalationInput): Promise<Escalation> {
  const byCommunity = input.kind === 'info';
  // Another community's escalation answers 404 before the permission is looked at, as tickets' actions do.
  const found = await repo.findEscalation(ctx.db, reachOf(actor), id);
  if (!found) throw notFound('escalation');
  authorize(actor, byCommunity ? 'escalations.create' : 'escalations.reply');
  const org = (await orgs.organisationsByIds(ctx.db, [found.organisation_id])).get(found.organisation_id)!;
  if (!byCommunity && !speaksFor(actor, org)) throw forbidden('only the organisation escalated to may reply');
  const text = input.text?.trim() || null;
  if (replyNeedsText(input.kind) && !text) throw invalidField('text', 'required');
  const cid = communityIn(scopeOf(actor), found.community_id)!;
  await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.lockEscalation(trx, cid, id);
    if (!row) throw notFound('escalation');
    const next = applyReply(row.status as EscalationStatus, input.kind, { accepted: row.accepted_at != null });
    if (!next.ok) throw new AppError('INVALID_STATE', `cannot ${input.kind} a ${row.status} escalation`, { status: row.status });
    const now = new Date();
    await repo.updateEscalation(trx, cid, id, {
      status: next.status,
      ...(input.kind === 'accept' ? { accepted_at: now } : {}),
      ...(input.kind === 'answer' ? { answered_at: now, result_text: text } : {}),
      ...(input.kind === 'answer' || input.kind === 'decline' ? { ended_at: now } : {}),
    });
    await repo.insertReply(trx, cid, { escalation_id: id, kind: input.kind, text, actor_id: actor.accountId, organisation_id: byCommunity ? null : org.id });
    const data = { escalationId: id, organisationId: org.id, organisationName: org.name, kind: input.kind };
    await ticketEscalation.recordEscalationStep(trx, actor, cid, row.ticket_id, {
      action: `escalation_${input.kind}`,
      note: text,
      data,
      isPublic: publicReplies.includes(input.kind),
    });
    await writeAudit(trx, actor, {
      communityId: cid,
      action: `escalation.${input.kind}`,
      entityType: 'escalation',
      entityId: id,
      changes: { from: row.status, to: next.status },
      reason: text,
    });
    await publish(trx, 'escalation.changed', { communityId: cid, escalationId: id, ticketId: row.ticket_id, organisationId: org.id, status: next.status });
    if (!isOpen(next.status)) await ended(trx, actor, cid, { ...row, status: next.status }, org.name, input.kind, text);
  });
  return getEscalation(ctx, actor, id);
}

/**
 * An escalation ended (answered or declined). A department of a whistle reports back to the subdistrict: when the
 * last department has ended, the whistle is answered with what they said (declined if none answered), and the ticket
 * returns to the community. A top-level escalation returns the ticket once no other is open.
 */
async function ended(trx: Trx, actor: Actor, cid: CommunityId, row: repo.EscalationRow, orgName: string, kind: string, text: string | null) {
  const label = escalationReplyLabels['zh-CN'][kind as 'answer'] ?? kind;
  if (row.parent_id == null) {
    await endOnTicket(trx, actor, cid, row, `${orgName}${label}：${text ?? ''}`, { escalationId: row.id, organisationName: orgName, outcome: row.status });
    return;
  }
  const parent = await repo.lockEscalation(trx, cid, row.parent_id);
  if (!parent || !isOpen(parent.status)) return;
  const siblings = await repo.childrenOf(trx, [parent.id]);
  if (siblings.some((s) => isOpen(s.status))) return;
  const names = await orgs.organisationsByIds(trx, [...siblings.map((s) => s.organisation_id), parent.organisation_id]);
  const anyAnswered = siblings.some((s) => s.status === 'answered');
  const summary = siblings
    .filter((s) => s.status === 'answered')
    .map((s) => `${names.get(s.organisation_id)?.name ?? ''}：${s.result_text ?? ''}`)
    .join('\n');
  const now = new Date();
  const status = anyAnswered ? 'answered' : 'declined';
  await repo.updateEscalation(trx, cid, parent.id, {
    status,
    ended_at: now,
    ...(anyAnswered ? { answered_at: now, result_text: summary } : {}),
  });
  const office = names.get(parent.organisation_id);
  await repo.insertReply(trx, cid, {
    escalation_id: parent.id,
    kind: anyAnswered ? 'answer' : 'decline',
    text: summary || text,
    actor_id: null,
    organisation_id: parent.organisation_id,
  });
  await endOnTicket(trx, null, cid, { ...parent, status }, `${office?.name ?? ''}${anyAnswered ? '办结答复' : '退回'}：${summary || (text ?? '')}`, {
    escalationId: parent.id,
    organisationName: office?.name ?? null,
    outcome: status,
  });
}

/** Photos sent with a reply join the ticket's photos (same limits), by the organisation escalated to. */
export async function addReplyPhotos(ctx: AppContext, actor: Actor, id: number, files: Buffer[]): Promise<Escalation> {
  authorize(actor, 'escalations.reply');
  const row = await repo.findEscalation(ctx.db, reachOf(actor), id);
  if (!row) throw notFound('escalation');
  const org = (await orgs.organisationsByIds(ctx.db, [row.organisation_id])).get(row.organisation_id)!;
  if (!speaksFor(actor, org)) throw forbidden('only the organisation escalated to may add photos');
  if (!isOpen(row.status)) throw new AppError('INVALID_STATE', `cannot add photos to a ${row.status} escalation`);
  await ticketEscalation.storeTicketPhotos(ctx, { id: row.ticket_id, community_id: row.community_id }, files, actor, null);
  return getEscalation(ctx, actor, id);
}

/** One of the ticket's photos, for whoever may read the escalation. */
export async function escalationPhoto(ctx: AppContext, actor: Actor, id: number, photoId: number) {
  authorize(actor, 'escalations.read');
  const row = await repo.findEscalation(ctx.db, reachOf(actor), id);
  if (!row) throw notFound('escalation');
  const p = await ticketEscalation.ticketPhoto(ctx.db, row.ticket_id, photoId);
  if (!p) throw notFound('photo');
  return p;
}

/** Whether the community's own clock pauses while a ticket waits on an escalation (挂起). */
export async function escalationSettings(ctx: AppContext, actor: Actor, communityId: CommunityId) {
  authorize(actor, 'escalations.read');
  return { communityId, pauseClock: await repo.pauseSetting(ctx.db, communityId) };
}
export async function saveEscalationSettings(ctx: AppContext, actor: Actor, communityId: CommunityId, pauseClock: boolean) {
  authorize(actor, 'tickets.configure');
  await ctx.db.transaction().execute(async (trx) => {
    await repo.savePauseSetting(trx, communityId, pauseClock, actor.accountId);
    await writeAudit(trx, actor, { communityId, action: 'escalation.settings', entityType: 'community', entityId: communityId, changes: { pauseClock } });
  });
  return { communityId, pauseClock };
}
