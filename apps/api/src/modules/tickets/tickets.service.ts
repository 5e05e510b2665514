import { iso } from '../../platform/time.js';
import crypto from 'node:crypto';
import type { z } from 'zod';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import {
  defaultCategories, openTicketStatuses, roleCan, type CreateTicketInput, type createCategorySchema, type updateCategorySchema, type Ticket, type TicketAction, type TicketDetail,
  type ticketListQuerySchema, type TransitionInput, type Rating, type TicketStatus,
} from '@linli/contracts';
import type { AppContext } from '../../platform/context.js';
import { inScope } from '../../platform/db/scope.js';
import { authorize, resolveCommunityId, scopeIds, type Actor } from '../../platform/access/actor.js';
import { AppError, invalidField, notFound } from '../../platform/errors.js';
import { auditRow, writeAudit } from '../../platform/audit/audit.js';
import { maskPhone } from '../../platform/crypto/pii.js';
import * as repo from './tickets.repository.js';
import { actionPermission, assigneeOnly, isRatedThisRound, transition, type TicketState } from './ticket-state.js';
import { dueAt, isOverdue } from './sla.js';
import { jaccard, tokenize } from '../../platform/text/segment.js';
import { sniffImage, stripImageMetadata } from '../../platform/files/image.js';
import { loadCalendar } from './work-calendar.js';
import { categoryForIntake, forgetIntake } from './intake-cache.js';
import { isResidentWithinReach } from '../places/index.js';
import { hashTrackingCode, hashTrackingKey, isTrackingCodeShaped, newTrackingCode, newTrackingKey, trackingLink } from './tracking.js';
import { checkDefaultAssignee, defaultAssigneeNames, defaultTicketSettings, resolveDefaultAssignee, settingsOf, unratedPastDeadline } from './ticket-settings.js';



export function ensureCategories(ctx: AppContext, communityId: number) {
  return ensureCategoriesIn(ctx.db, communityId);
}

/** A community's categories, the 12345 defaults written on first use; `db` may be a transaction. */
export async function ensureCategoriesIn(db: Kysely<DB>, communityId: number) {
  let rows = await repo.listCategories(db, communityId);
  if (rows.length === 0) {
    await repo.insertCategories(
      db,
      defaultCategories.map((c, i) => ({
        community_id: communityId, code: c.code, name_zh: c.nameZh, name_en: c.nameEn, response_hours: c.responseHours,
        resolution_hours: c.resolutionHours, working_hours_only: c.workingHoursOnly, sort: i,
      })),
    );
    rows = await repo.listCategories(db, communityId);
  }
  return rows;
}

export async function listCategories(ctx: AppContext, actor: Actor, communityId?: number) {
  authorize(actor, 'tickets.read');
  const rows = await ensureCategories(ctx, resolveCommunityId(actor, communityId));
  const nameOf = await defaultAssigneeNames(ctx.db, rows);
  return rows.map((c) => presentCategory(c, nameOf(c)));
}

function present(t: repo.TicketRow, now = new Date()): Ticket {
  return {
    id: t.id, communityId: t.community_id, code: t.code, channel: t.channel as Ticket['channel'], status: t.status as TicketStatus,
    categoryId: t.category_id, categoryName: t.category_zh, title: t.title, description: t.description,
    compoundId: t.compound_id, compoundName: t.compound_name ?? null, buildingId: t.building_id, buildingName: t.building_name ?? null,
    addressText: t.address_text, reporterName: t.is_anonymous ? null : t.reporter_name, reporterPhoneMasked: t.is_anonymous ? null : t.reporter_phone_masked,
    isAnonymous: t.is_anonymous, assigneeKind: (t.assignee_kind as Ticket['assigneeKind']) ?? null, assigneeId: t.assignee_id, assigneeName: t.assignee_name ?? null,
    escalatedToPartnerId: t.escalated_to_partner_id, escalationDueAt: iso(t.escalation_due_at),
    responseDueAt: iso(t.response_due_at)!, resolutionDueAt: iso(t.resolution_due_at)!, firstResponseAt: iso(t.first_response_at),
    resolvedAt: iso(t.resolved_at), closedAt: iso(t.closed_at), closeReason: t.close_reason, mergedIntoId: t.merged_into_id, reopenCount: t.reopen_count,
    rating: (t.rating as Rating | null) ?? null, ratingComment: t.rating_comment, resultText: t.result_text,
    isOverdue: isOverdue({ status: t.status, firstResponseAt: t.first_response_at, responseDueAt: t.response_due_at, resolvedAt: t.resolved_at, resolutionDueAt: t.resolution_due_at }, now),
    meetingTitle: t.meeting_title, createdAt: iso(t.created_at)!, updatedAt: iso(t.updated_at)!,
  };
}

const presentCategory = (c: Awaited<ReturnType<typeof repo.listCategories>>[number], assigneeName: string | null) => ({
  id: c.id, code: c.code, nameZh: c.name_zh, nameEn: c.name_en, responseHours: c.response_hours, resolutionHours: c.resolution_hours,
  workingHoursOnly: c.working_hours_only, isActive: c.is_active,
  defaultAssigneeKind: c.default_assignee_kind, defaultAssigneeId: c.default_assignee_id, defaultAssigneeName: assigneeName,
});

/** A community adds its own category with its own deadlines. */
export async function createCategory(ctx: AppContext, actor: Actor, input: z.infer<typeof createCategorySchema>) {
  authorize(actor, 'tickets.configure');
  const cid = resolveCommunityId(actor, input.communityId);
  const existing = await ensureCategories(ctx, cid);
  if (existing.some((c) => c.code === input.code)) throw invalidField('code', 'taken');
  const assignee = await checkDefaultAssignee(ctx.db, cid, input.defaultAssigneeKind, input.defaultAssigneeId);
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('ticket_categories')
      .values({
        community_id: cid, code: input.code, name_zh: input.nameZh, name_en: input.nameEn, response_hours: input.responseHours, resolution_hours: input.resolutionHours,
        working_hours_only: input.workingHoursOnly, sort: existing.length, default_assignee_kind: assignee.kind, default_assignee_id: assignee.id,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, actor, { communityId: cid, action: 'ticket_category.created', entityType: 'ticket_category', entityId: row.id, changes: { ...input, communityId: undefined } });
    return presentCategory(row, (await defaultAssigneeNames(trx, [row]))(row));
  }).finally(() => forgetIntake(ctx, cid));
}

/** Changes a category's names or deadlines (new tickets only: open tickets keep the deadlines they were given). */
export async function updateCategory(ctx: AppContext, actor: Actor, id: number, input: z.infer<typeof updateCategorySchema>) {
  authorize(actor, 'tickets.configure');
  const scope = scopeIds(actor);
  const before = await ctx.db.selectFrom('ticket_categories').selectAll().where('id', '=', id).where(inScope(scope, 'community_id')).executeTakeFirst();
  if (!before) throw notFound('category');
  // Leaving the kind out keeps the default assignee; null clears it.
  const assignee = input.defaultAssigneeKind === undefined ? undefined : await checkDefaultAssignee(ctx.db, before.community_id, input.defaultAssigneeKind, input.defaultAssigneeId);
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('ticket_categories')
      .set({
        name_zh: input.nameZh, name_en: input.nameEn, response_hours: input.responseHours, resolution_hours: input.resolutionHours, working_hours_only: input.workingHoursOnly, is_active: input.isActive,
        ...(assignee ? { default_assignee_kind: assignee.kind, default_assignee_id: assignee.id } : {}),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, actor, { communityId: before.community_id, action: 'ticket_category.updated', entityType: 'ticket_category', entityId: id, changes: input });
    return presentCategory(row, (await defaultAssigneeNames(trx, [row]))(row));
  }).finally(() => forgetIntake(ctx, before.community_id));
}

// The insert statement sets the audit row's entity id from the ticket it creates.
const withoutEntityId = <T extends { entity_id: string }>({ entity_id: _, ...rest }: T) => rest;

/** Registers a ticket at the desk, at a meeting or at the door; in meeting mode it may be answered on the spot. */
export async function createTicket(ctx: AppContext, actor: Actor, input: CreateTicketInput): Promise<TicketDetail> {
  authorize(actor, 'tickets.intake');
  const cid = resolveCommunityId(actor, input.communityId);
  const { id, fresh, trackingCode, trackingKey } = await insertNewTicket(ctx, cid, input, { actor, actorLabel: null });
  const detail = fresh ?? (await getTicket(ctx, actor, id, { known: { reporterCount: 1, photoIds: [] } }));
  // Staff hand these to the resident (on paper or read out): the only time they are shown.
  return { ...detail, handover: { trackingCode, link: trackingLink(trackingCode, trackingKey) } };
}

type NewTicket = { id: number; code: string; trackingCode: string; trackingKey: string; fresh: TicketDetail | null };

/** Writes a new ticket and its first reporter. `code` is the public reference; the tracking code and key go to the reporter only. */
export async function insertNewTicket(
  ctx: AppContext,
  cid: number,
  input: CreateTicketInput,
  who: { actor: Actor | null; actorLabel: string | null; requestId?: string },
): Promise<NewTicket> {
  // A community's categories are written on first use; a known category id means they are there.
  let category = await categoryForIntake(ctx, cid, input.categoryId);
  if (!category && (await ensureCategories(ctx, cid)).some((c) => c.id === input.categoryId)) category = await categoryForIntake(ctx, cid, input.categoryId);
  if (!category || !category.is_active) throw invalidField('categoryId', 'not_found');
  let compoundId = input.compoundId ?? null;
  if (input.buildingId) {
    const b = await repo.findBuilding(ctx.db, cid, input.buildingId);
    if (!b) throw invalidField('buildingId', 'not_found');
    compoundId ??= b.compound_id;
  }
  // A compound given by the caller is checked by the insert itself (one round trip less); its building's is known good.
  const compoundInCommunity = input.compoundId ? { communityId: cid, compoundId: input.compoundId } : undefined;
  let reporter = { name: input.reporterName ?? null, enc: null as string | null, masked: null as string | null, hash: null as string | null };
  if (input.reporterResidentId) {
    const r = await repo.findResident(ctx.db, cid, input.reporterResidentId);
    if (!r || (who.actor && !(await isResidentWithinReach(ctx, who.actor, cid, r.id)))) throw invalidField('reporterResidentId', 'not_found');
    reporter = { name: r.name, enc: r.phone_enc, masked: r.phone_masked, hash: r.phone_hash };
  }
  if (input.reporterPhone) {
    const s = ctx.pii.seal(input.reporterPhone, maskPhone);
    reporter = { ...reporter, enc: s.enc, masked: s.masked, hash: s.hash };
  }
  if (input.isAnonymous) reporter = { name: null, enc: null, masked: null, hash: null };
  const now = new Date();
  const calendar = category.working_hours_only ? await loadCalendar(ctx.db) : undefined;
  const trackingCode = newTrackingCode();
  const trackingKey = newTrackingKey();
  const trail = {
    compoundInCommunity,
    ticket: {
      community_id: cid, channel: input.channel, category_id: category.id, status: 'submitted', title: input.title, description: input.description,
      compound_id: compoundId, building_id: input.buildingId ?? null, address_text: input.addressText ?? null,
      reporter_resident_id: input.reporterResidentId ?? null, reporter_name: reporter.name, reporter_phone_enc: reporter.enc,
      reporter_phone_masked: reporter.masked, reporter_phone_hash: reporter.hash, is_anonymous: input.isAnonymous, meeting_title: input.meetingTitle ?? null,
      response_due_at: dueAt(now, category.response_hours, category.working_hours_only, calendar),
      resolution_due_at: dueAt(now, category.resolution_hours, category.working_hours_only, calendar),
      created_by: who.actor?.accountId ?? null, tokens: tokenize(`${input.title} ${input.description} ${input.addressText ?? ''}`).join(' '),
    },
    reporter: {
      community_id: cid, resident_id: input.reporterResidentId ?? null, name: reporter.name, phone_enc: reporter.enc,
      phone_masked: reporter.masked, phone_hash: reporter.hash,
      tracking_hash: hashTrackingCode(trackingCode), key_hash: hashTrackingKey(trackingKey),
    },
    event: {
      community_id: cid, action: 'created', from_status: null, to_status: 'submitted', actor_id: who.actor?.accountId ?? null,
      actor_label: who.actorLabel, channel: input.channel, note: input.meetingTitle ?? null, is_public: true,
    },
    audit: withoutEntityId(auditRow(who.actor, {
      communityId: cid, action: 'ticket.created', entityType: 'ticket', entityId: 0, changes: { channel: input.channel, categoryId: category.id, title: input.title },
      // Without an account, the request id is what ties a resident's report to the server log.
      reason: who.actor ? null : `${who.actorLabel ?? 'external'}${who.requestId ? ` (request ${who.requestId})` : ''}`,
    })),
  };
  const answer = input.answerOnSpot && who.actor ? { actor: who.actor, note: input.answerOnSpot } : null;
  // 自动派单: the category names who carries it; the system accepts and dispatches in the same transaction.
  const assignee = !answer && category.auto_assign ? await resolveDefaultAssignee(ctx.db, cid, category, compoundId) : null;
  const inserted = (row: Awaited<ReturnType<typeof repo.insertTicketWithTrail>>) => {
    if (!row) throw invalidField('compoundId', 'not_found');
    return row;
  };
  let result: NewTicket;
  if (!answer && !assignee) {
    const row = inserted(await repo.insertTicketWithTrail(ctx.db, trail));
    // Nothing else happened to it: the reply is what was just written, with no read back.
    const created = {
      id: row.event_id, action: 'created', fromStatus: null, toStatus: 'submitted', actorName: who.actor?.displayName ?? who.actorLabel,
      channel: input.channel, note: input.meetingTitle ?? null, isPublic: true, createdAt: iso(row.event_created_at)!,
    };
    result = { id: row.id, code: row.code, trackingCode, trackingKey, fresh: { ...present(row), reporterCount: 1, photoIds: [], events: [created] } };
  } else {
    const { id, code } = await ctx.db.transaction().execute(async (trx) => {
      const row = inserted(await repo.insertTicketWithTrail(trx, trail));
      if (answer) await applyAction(ctx, trx, answer.actor, cid, row.id, 'answer_on_spot', { note: answer.note }, input.channel);
      if (assignee) {
        await applyAction(ctx, trx, null, cid, row.id, 'accept', {}, null, 'system');
        await applyAction(ctx, trx, null, cid, row.id, 'assign', { assigneeKind: assignee.kind, assigneeId: assignee.id, note: null }, null, 'system');
      }
      return { id: row.id, code: row.code };
    });
    result = { id, code, trackingCode, trackingKey, fresh: null };
  }
  ctx.events.emit('ticket.created', { communityId: cid, ticketId: result.id });
  return result;
}

/**
 * One ticket with its timeline. `justActed`: the actor has just changed it (e.g. returned it) and may no longer be its
 * assignee. `known`: what the caller knows already, e.g. of a ticket it has just registered.
 */
export async function getTicket(
  ctx: AppContext,
  actor: Actor,
  id: number,
  { justActed = false, known }: { justActed?: boolean; known?: { reporterCount: number; photoIds: number[] } } = {},
): Promise<TicketDetail> {
  authorize(actor, 'tickets.read');
  const t = await repo.findTicket(ctx.db, scopeIds(actor), id);
  if (!t) throw notFound('ticket');
  if (!justActed && !roleCan(actor.role, 'tickets.readAll') && !(t.assignee_kind === 'account' && t.assignee_id === actor.accountId) && t.created_by !== actor.accountId) throw notFound('ticket');
  const events = await repo.listEvents(ctx.db, t.community_id, id);
  return {
    ...present(t),
    reporterCount: known?.reporterCount ?? Number((await repo.countReporters(ctx.db, id)).n),
    photoIds: known?.photoIds ?? (await repo.photoIds(ctx.db, id)).map((p) => p.id),
    events: events.map((e) => ({
      id: e.id, action: e.action, fromStatus: e.from_status, toStatus: e.to_status, actorName: e.actor_name ?? e.actor_label ?? null,
      channel: e.channel, note: e.note, isPublic: e.is_public, createdAt: iso(e.created_at)!,
    })),
  };
}

export async function listTickets(ctx: AppContext, actor: Actor, q: z.infer<typeof ticketListQuerySchema>) {
  authorize(actor, 'tickets.read');
  const cid = resolveCommunityId(actor, q.communityId);
  const mineOnly = q.mine === 'true' || !roleCan(actor.role, 'tickets.readAll');
  const { total, rows } = await repo.listTickets(
    ctx.db,
    cid,
    {
      status: q.status, categoryId: q.categoryId, channel: q.channel, compoundId: q.compoundId, q: q.q || undefined, qTokens: q.q ? tokenize(q.q) : undefined,
      qTrackingHash: q.q && isTrackingCodeShaped(q.q) ? hashTrackingCode(q.q) : undefined,
      overdueAt: q.overdue === 'true' ? new Date() : undefined, assignedToAccount: mineOnly ? actor.accountId : undefined,
    },
    { offset: (q.page - 1) * q.pageSize, limit: q.pageSize, order: q.sort === 'createdAt' && q.order === 'asc' ? 'asc' : 'desc' },
  );
  return { items: rows.map((r) => present(r)), total, page: q.page, pageSize: q.pageSize };
}

/**
 * Likely duplicates among the community's open tickets of the last 90 days: jieba-token Jaccard similarity,
 * raised when the place or the category is the same. Answers the best five above a floor.
 */
export async function findDuplicates(ctx: AppContext, actor: Actor, q: { communityId?: number; text: string; compoundId?: number; buildingId?: number; categoryId?: number }) {
  authorize(actor, 'tickets.intake');
  const cid = resolveCommunityId(actor, q.communityId);
  const tokens = tokenize(q.text);
  if (tokens.length === 0) return { items: [] };
  const pool = await repo.openCandidates(ctx.db, cid, new Date(Date.now() - 90 * 86_400_000));
  const scored = pool
    .map((t) => {
      let score = jaccard(tokens, t.tokens ? t.tokens.split(' ') : []);
      if (score > 0 && q.buildingId && t.building_id === q.buildingId) score += 0.15;
      else if (score > 0 && q.compoundId && t.compound_id === q.compoundId) score += 0.1;
      if (score > 0 && q.categoryId && t.category_id === q.categoryId) score += 0.05;
      return { t, score };
    })
    .filter((x) => x.score >= 0.2)
    .sort((a, b) => b.score - a.score)
    .slice(0, 5);
  return {
    items: scored.map(({ t, score }) => ({
      id: t.id, code: t.code, title: t.title, status: t.status as TicketStatus, category: t.category, compoundName: t.compound_name ?? null,
      createdAt: new Date(t.created_at).toISOString(), score: Math.round(score * 100) / 100,
    })),
  };
}

/** Who a ticket can be assigned to in the community. */
export async function listAssignees(ctx: AppContext, actor: Actor, communityId?: number) {
  authorize(actor, 'tickets.dispatch');
  const rows = await repo.listAssignableAccounts(ctx.db, resolveCommunityId(actor, communityId));
  return { items: rows.map((r) => ({ id: r.id, displayName: r.display_name, role: r.role })) };
}

/** The actor's task list: tickets assigned to them that are still open, overdue first, and the badge count. */
export async function listTasks(ctx: AppContext, actor: Actor) {
  authorize(actor, 'tickets.read');
  const cid = resolveCommunityId(actor);
  const { rows } = await repo.listTickets(ctx.db, cid, { assignedToAccount: actor.accountId }, { offset: 0, limit: 200, order: 'asc' });
  const open = rows.map((r) => present(r)).filter((t) => ['assigned', 'in_progress', 'escalated'].includes(t.status));
  open.sort((a, b) => Number(b.isOverdue) - Number(a.isOverdue) || a.resolutionDueAt.localeCompare(b.resolutionDueAt));
  return { items: open, badge: open.length, overdue: open.filter((t) => t.isOverdue).length };
}

/** One transition: permission, state rule, the change, its timeline event and audit row, all in one transaction. */
export async function actOnTicket(ctx: AppContext, actor: Actor, id: number, action: TicketAction, input: TransitionInput): Promise<TicketDetail> {
  const t = await repo.findTicket(ctx.db, scopeIds(actor), id);
  if (!t) throw notFound('ticket');
  await ctx.db.transaction().execute((trx) => applyAction(ctx, trx, actor, t.community_id, id, action, input, null));
  ctx.events.emit('ticket.transitioned', { communityId: t.community_id, ticketId: id, action });
  return getTicket(ctx, actor, id, { justActed: true });
}

type Trx = Transaction<DB>;

/** One transition inside the caller's transaction (also used by the public tracking page). */
export async function applyAction(
  ctx: AppContext,
  trx: Trx,
  actor: Actor | null,
  cid: number,
  id: number,
  action: TicketAction,
  input: TransitionInput & { comment?: string | null },
  channel: string | null,
  actorLabel: string | null = null,
) {
  if (actor) authorize(actor, actionPermission[action]);
  const row = await repo.lockTicket(trx, cid, id);
  if (!row) throw notFound('ticket');
  if (actor && assigneeOnly.includes(action) && !['secretary', 'social_worker'].includes(actor.role) && !(row.assignee_kind === 'account' && row.assignee_id === actor.accountId)) {
    throw new AppError('FORBIDDEN', 'only the assignee may do this');
  }
  if (action === 'rate' && isRatedThisRound(row.rated_at, row.resolved_at)) throw new AppError('TICKET_ALREADY_RATED', 'this round has been rated already');
  if (action === 'assign' && !input.assigneeId) {
    // No one named: the category's default assignee, if it has one that can be found.
    const category = await repo.findCategory(trx, cid, row.category_id);
    const assignee = category ? await resolveDefaultAssignee(trx, cid, category, row.compound_id) : null;
    if (!assignee) throw invalidField('assigneeId', 'required');
    input = { ...input, assigneeKind: assignee.kind, assigneeId: assignee.id };
  }
  if (action === 'assign' && input.assigneeId) {
    const kind = input.assigneeKind ?? 'account';
    if (!(await repo.findAssignee(trx, cid, kind, input.assigneeId))) throw invalidField('assigneeId', 'not_found');
  }
  if (action === 'escalate' && input.partnerId && !(await repo.findPartner(trx, cid, input.partnerId))) throw invalidField('partnerId', 'not_found');
  if (action === 'merge' && input.mergeIntoId) {
    const target = await repo.lockTicket(trx, cid, input.mergeIntoId);
    if (!target || target.id === id) throw invalidField('mergeIntoId', 'not_found');
    if (!(openTicketStatuses as readonly string[]).includes(target.status)) throw new AppError('INVALID_STATE', 'merge target is not open');
  }
  const state: TicketState = {
    status: row.status as TicketStatus, firstResponseAt: row.first_response_at, resolvedAt: row.resolved_at, closedAt: row.closed_at,
    closeReason: row.close_reason, reopenCount: row.reopen_count, rating: row.rating as Rating | null,
    assigneeKind: row.assignee_kind as TicketState['assigneeKind'], assigneeId: row.assignee_id, escalatedToPartnerId: row.escalated_to_partner_id,
    escalationDueAt: row.escalation_due_at, mergedIntoId: row.merged_into_id, resultText: row.result_text,
  };
  const now = new Date();
  // Only a rating or a reopen can meet the community's reopen limit; other steps need not read it.
  const reopenLimit = action === 'rate' || action === 'reopen' ? (await settingsOf(trx, cid)).reopenLimit : defaultTicketSettings.reopenLimit;
  const result = transition(state, action, { ...input, dueAt: input.dueAt ? new Date(input.dueAt) : undefined }, { now, reopenLimit });
  if (!result.ok) {
    const f = result.failure;
    if (f.kind === 'closed') throw new AppError('TICKET_ALREADY_CLOSED', 'ticket is closed');
    if (f.kind === 'missing') throw invalidField(f.field === 'note' ? 'note' : f.field, 'required');
    throw new AppError('INVALID_STATE', `cannot ${action} a ${f.status} ticket`, { action, status: f.status });
  }
  const s = result.state;
  const rated = action === 'rate' || (action === 'close' && input.rating);
  await repo.updateTicket(trx, cid, id, {
    status: s.status, first_response_at: s.firstResponseAt, resolved_at: s.resolvedAt, closed_at: s.closedAt, close_reason: s.closeReason,
    reopen_count: s.reopenCount, rating: s.rating, assignee_kind: s.assigneeKind, assignee_id: s.assigneeId,
    escalated_to_partner_id: s.escalatedToPartnerId, escalation_due_at: s.escalationDueAt, merged_into_id: s.mergedIntoId, result_text: s.resultText,
    ...(rated ? { rated_at: now, rating_comment: input.comment ?? input.note ?? null } : {}),
  });
  if (action === 'merge') await repo.moveReporters(trx, cid, id, input.mergeIntoId!);
  await repo.insertEvent(trx, {
    community_id: cid, ticket_id: id, action, from_status: state.status, to_status: s.status, actor_id: actor?.accountId ?? null,
    actor_label: actorLabel, channel, note: input.note ?? input.comment ?? null,
    // Internal dispatch notes stay with staff; what the resident needs to know is public.
    is_public: !['assign', 'return', 'merge'].includes(action),
    data: JSON.stringify({ assigneeKind: input.assigneeKind, assigneeId: input.assigneeId, partnerId: input.partnerId, rating: input.rating, mergeIntoId: input.mergeIntoId }),
  });
  await writeAudit(trx, actor, { communityId: cid, action: `ticket.${action}`, entityType: 'ticket', entityId: id, changes: { from: state.status, to: s.status }, reason: input.note ?? null });
}

/** What the public report form needs: the community's name, categories and compounds, by community code. */
export async function publicCommunityForm(ctx: AppContext, code: string) {
  const community = await repo.findCommunityByCode(ctx.db, code);
  if (!community) throw notFound('community');
  const cats = await ensureCategories(ctx, community.id);
  const compounds = await ctx.db.selectFrom('compounds').select(['id', 'name']).where('community_id', '=', community.id).where('archived_at', 'is', null).orderBy('name').execute();
  return {
    name: community.name,
    categories: cats.filter((c) => c.is_active).map((c) => ({ id: c.id, nameZh: c.name_zh, nameEn: c.name_en })),
    compounds: compounds.map((c) => ({ id: c.id, name: c.name })),
  };
}

/** A ticket from an outside system (Open311 client): same rules as a resident's online report. Answers id and code. */
export async function submitExternalTicket(
  ctx: AppContext,
  communityId: number,
  input: { categoryId: number; description: string; addressText: string | null; compoundId: number | null; reporterName: string | null; reporterPhone: string | null },
  label: string,
) {
  const { id, code } = await insertNewTicket(
    ctx,
    communityId,
    {
      channel: 'online', categoryId: input.categoryId, title: input.description.slice(0, 30), description: input.description,
      compoundId: input.compoundId, addressText: input.addressText, reporterName: input.reporterName, reporterPhone: input.reporterPhone, isAnonymous: false,
    },
    { actor: null, actorLabel: label },
  );
  return { id, code };
}

/** Closes tickets left unrated N days after resolution; they count as unrated, never as satisfied. */
export async function closeUnratedTickets(ctx: AppContext, now: Date): Promise<number> {
  const rows = await unratedPastDeadline(ctx.db, now);
  for (const r of rows) {
    await ctx.db.transaction().execute(async (trx) => {
      const locked = await repo.lockTicket(trx, r.community_id, r.id);
      if (!locked || locked.status !== 'resolved') return;
      await repo.updateTicket(trx, r.community_id, r.id, { status: 'closed', closed_at: now, close_reason: 'unrated_timeout' });
      await repo.insertEvent(trx, { community_id: r.community_id, ticket_id: r.id, action: 'close', from_status: 'resolved', to_status: 'closed', actor_id: null, actor_label: 'system', channel: null, note: null, is_public: true, data: JSON.stringify({ reason: 'unrated_timeout' }) });
      await writeAudit(trx, null, { communityId: r.community_id, action: 'ticket.close', entityType: 'ticket', entityId: r.id, changes: { from: 'resolved', to: 'closed' }, reason: 'unrated_timeout' });
    });
  }
  return rows.length;
}

export const MAX_PHOTOS = 5;
export const MAX_PHOTO_MB = 10;

/** A helper or staff member adds photos (a door visit, a result): same rules; they must be able to see the ticket and work on it. */
export async function addStaffPhotos(ctx: AppContext, actor: Actor, id: number, files: Buffer[]) {
  if (!roleCan(actor.role, 'tickets.intake')) authorize(actor, 'tickets.work');
  const t = await getTicket(ctx, actor, id);
  await storePhotos(ctx, { id: t.id, community_id: t.communityId }, files, actor, null);
  return getTicket(ctx, actor, id);
}

export async function storePhotos(ctx: AppContext, t: { id: number; community_id: number }, files: Buffer[], actor: Actor | null, channel: string | null) {
  const existing = (await repo.photoIds(ctx.db, t.id)).length;
  if (files.length === 0) throw invalidField('photos', 'required');
  if (existing + files.length > MAX_PHOTOS) throw invalidField('photos', 'too_many_files', { max: MAX_PHOTOS });
  const cleaned = files.map((f) => {
    if (f.length > MAX_PHOTO_MB * 1024 * 1024) throw invalidField('photos', 'file_too_large', { max: MAX_PHOTO_MB });
    const mime = sniffImage(f);
    if (!mime) throw invalidField('photos', 'invalid_image');
    try {
      return { mime, data: stripImageMetadata(f) };
    } catch {
      throw invalidField('photos', 'invalid_image');
    }
  });
  await ctx.db.transaction().execute(async (trx) => {
    for (const c of cleaned) {
      await repo.insertPhoto(trx, { community_id: t.community_id, ticket_id: t.id, mime: c.mime, size: c.data.length, sha256: crypto.createHash('sha256').update(c.data).digest('hex'), data: c.data });
    }
    await repo.insertEvent(trx, {
      community_id: t.community_id, ticket_id: t.id, action: 'photos_added', from_status: null, to_status: null, actor_id: actor?.accountId ?? null,
      actor_label: actor ? null : 'resident', channel, note: String(cleaned.length), is_public: true, data: null,
    });
    await writeAudit(trx, actor, { communityId: t.community_id, action: 'ticket.photos_added', entityType: 'ticket', entityId: t.id, changes: { count: cleaned.length } });
  });
}

export async function staffPhoto(ctx: AppContext, actor: Actor, ticketId: number, photoId: number) {
  await getTicket(ctx, actor, ticketId);
  const p = await repo.findPhoto(ctx.db, ticketId, photoId);
  if (!p) throw notFound('photo');
  return p;
}
