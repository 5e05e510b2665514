import {
  defaultEscalationWorkdays,
  type CreateEscalationInput,
  type DispatchEscalationInput,
  type Escalation,
  type OrganisationKind,
  type TicketStatus,
} from '@linli/contracts';
import type { Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { AppContext } from '../../platform/context.js';
import { authorize, scopeOf, type Actor } from '../../platform/access/actor.js';
import { AppError, forbidden, invalidField, notFound } from '../../platform/errors.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { publish } from '../../platform/outbox/outbox.js';
import { communityIn, type CommunityId } from '../../platform/db/scope.js';
import { loadCalendar, type WorkCalendar } from '../../platform/calendar/work-calendar.js';
import { ticketEscalation } from '../tickets/index.js';
import * as orgs from '../orgs/index.js';
import * as repo from './escalations.repository.js';
import { isOpen, workdaysAfter } from './escalation-rules.js';
import { getEscalation, reachOf } from './reading.js';

type Trx = Transaction<DB>;

/** The ticket an escalation is about, in the actor's scope (another community's answers 404). */
async function ticketInScope(ctx: AppContext, actor: Actor, ticketId: number) {
  const t = (await ticketEscalation.ticketSummaries(ctx.db, [ticketId])).get(ticketId);
  const cid = t ? communityIn(scopeOf(actor), t.community_id) : null;
  if (!t || !cid) throw notFound('ticket');
  return { ticket: t, cid };
}

/** The organisation must exist, be active and serve the ticket's community (its own, its subdistrict or its district). */
async function servingOrganisation(ctx: AppContext, organisationId: number, cid: CommunityId) {
  const org = (await orgs.organisationsByIds(ctx.db, [organisationId])).get(organisationId);
  if (!org || org.archived_at) throw invalidField('organisationId', 'not_found');
  if (!(await orgs.servesCommunity(ctx.db, organisationId, cid))) throw invalidField('organisationId', 'not_serving');
  return org;
}

/** The deadline given (never in the past), or the organisation kind's default in working days. */
export function deadlineOf(calendar: WorkCalendar, kind: string, given: string | undefined, now: Date, field = 'dueAt'): Date {
  if (given) {
    const d = new Date(given);
    if (d.getTime() <= now.getTime()) throw invalidField(field, 'in_past');
    return d;
  }
  return workdaysAfter(now, defaultEscalationWorkdays[kind as OrganisationKind] ?? 5, calendar);
}

const changed = (trx: Trx, e: { community_id: number; id: number; ticket_id: number; organisation_id: number }, status: string) =>
  publish(trx, 'escalation.changed', { communityId: e.community_id, escalationId: e.id, ticketId: e.ticket_id, organisationId: e.organisation_id, status });

/** Sends it: the ticket goes to 'escalated' (from any open state) and the timeline names the organisation and the deadline. */
async function send(trx: Trx, actor: Actor, cid: CommunityId, e: { id: number; ticket_id: number; reason: string }, org: orgs.OrganisationRow, dueAt: Date) {
  const { statusBefore } = await ticketEscalation.escalateTicket(trx, actor, cid, e.ticket_id, {
    organisationId: org.id,
    organisationName: org.name,
    dueAt,
    note: e.reason,
    escalationId: e.id,
  });
  await repo.updateEscalation(trx, cid, e.id, { ticket_status_before: statusBefore });
}

/** Staff escalate a ticket to an organisation, from any open state. */
export async function createEscalation(ctx: AppContext, actor: Actor, input: CreateEscalationInput): Promise<Escalation> {
  authorize(actor, 'escalations.create');
  const { ticket, cid } = await ticketInScope(ctx, actor, input.ticketId);
  const org = await servingOrganisation(ctx, input.organisationId, cid);
  const now = new Date();
  const dueAt = deadlineOf(await loadCalendar(ctx.db), org.kind, input.dueAt, now);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const pause = await repo.pauseSetting(trx, cid);
    const row = await repo.insertEscalation(trx, cid, {
      ticket_id: ticket.id,
      organisation_id: org.id,
      parent_id: null,
      status: 'pending',
      reason: input.reason,
      due_at: dueAt,
      pause_clock: pause,
      ticket_status_before: null,
      requested_by: null,
      requested_at: null,
      approved_by: actor.accountId,
      approved_at: now,
      accepted_at: null,
      answered_at: null,
      ended_at: null,
      result_text: null,
      reminded_before_at: null,
      reminded_due_at: null,
    });
    await send(trx, actor, cid, { id: row.id, ticket_id: ticket.id, reason: input.reason }, org, dueAt);
    await writeAudit(trx, actor, {
      communityId: cid,
      action: 'escalation.created',
      entityType: 'escalation',
      entityId: row.id,
      changes: { ticketId: ticket.id, organisationId: org.id, dueAt: dueAt.toISOString(), pauseClock: pause },
      reason: input.reason,
    });
    await changed(trx, { id: row.id, community_id: cid, ticket_id: ticket.id, organisation_id: org.id }, 'pending');
    return row.id;
  });
  return getEscalation(ctx, actor, id);
}

/** A grid worker asks for an escalation from the phone; the secretary approves it (or withdraws it with a reason). */
export async function requestEscalation(ctx: AppContext, actor: Actor, input: CreateEscalationInput): Promise<Escalation> {
  authorize(actor, 'escalations.request');
  const { ticket, cid } = await ticketInScope(ctx, actor, input.ticketId);
  if (['resolved', 'closed', 'rejected', 'merged'].includes(ticket.status)) throw new AppError('INVALID_STATE', `cannot escalate a ${ticket.status} ticket`);
  const org = await servingOrganisation(ctx, input.organisationId, cid);
  const now = new Date();
  const dueAt = deadlineOf(await loadCalendar(ctx.db), org.kind, input.dueAt, now);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.insertEscalation(trx, cid, {
      ticket_id: ticket.id,
      organisation_id: org.id,
      parent_id: null,
      status: 'requested',
      reason: input.reason,
      due_at: dueAt,
      pause_clock: false,
      ticket_status_before: null,
      requested_by: actor.accountId,
      requested_at: now,
      approved_by: null,
      approved_at: null,
      accepted_at: null,
      answered_at: null,
      ended_at: null,
      result_text: null,
      reminded_before_at: null,
      reminded_due_at: null,
    });
    await ticketEscalation.recordEscalationStep(trx, actor, cid, ticket.id, {
      action: 'escalation_requested',
      note: input.reason,
      data: { escalationId: row.id, organisationId: org.id, organisationName: org.name, dueAt: dueAt.toISOString() },
      isPublic: false,
    });
    await writeAudit(trx, actor, { communityId: cid, action: 'escalation.requested', entityType: 'escalation', entityId: row.id, reason: input.reason });
    await changed(trx, { id: row.id, community_id: cid, ticket_id: ticket.id, organisation_id: org.id }, 'requested');
    return row.id;
  });
  return getEscalation(ctx, actor, id);
}

/** The escalation under the actor's reach, locked, with its community. */
async function locked(trx: Trx, actor: Actor, id: number) {
  const found = await repo.findEscalation(trx, reachOf(actor), id);
  if (!found) throw notFound('escalation');
  const cid = communityIn(scopeOf(actor), found.community_id)!;
  const row = await repo.lockEscalation(trx, cid, id);
  if (!row) throw notFound('escalation');
  return { row, cid };
}

/** The secretary approves a grid worker's request: it is sent now, with the deadline she sets or the default. */
export async function approveEscalation(ctx: AppContext, actor: Actor, id: number, input: { dueAt?: string; note?: string | null }): Promise<Escalation> {
  authorize(actor, 'escalations.create');
  const found = await repo.findEscalation(ctx.db, reachOf(actor), id);
  if (!found) throw notFound('escalation');
  const org = await servingOrganisation(ctx, found.organisation_id, communityIn(scopeOf(actor), found.community_id)!);
  const calendar = await loadCalendar(ctx.db);
  await ctx.db.transaction().execute(async (trx) => {
    const { row, cid } = await locked(trx, actor, id);
    if (row.status !== 'requested') throw new AppError('INVALID_STATE', `cannot approve a ${row.status} escalation`);
    const now = new Date();
    const dueAt = input.dueAt || row.due_at.getTime() <= now.getTime() ? deadlineOf(calendar, org.kind, input.dueAt, now) : row.due_at;
    const pause = await repo.pauseSetting(trx, cid);
    await repo.updateEscalation(trx, cid, id, { status: 'pending', approved_by: actor.accountId, approved_at: now, due_at: dueAt, pause_clock: pause });
    await send(trx, actor, cid, { id, ticket_id: row.ticket_id, reason: input.note ? `${row.reason}\n${input.note}` : row.reason }, org, dueAt);
    await writeAudit(trx, actor, {
      communityId: cid,
      action: 'escalation.approved',
      entityType: 'escalation',
      entityId: id,
      changes: { dueAt: dueAt.toISOString() },
    });
    await changed(trx, row, 'pending');
  });
  return getEscalation(ctx, actor, id);
}

/**
 * Ends an escalation on the ticket's side once no other is open: the ticket returns to the status it had, and with
 * 挂起 its own deadlines move forward by the time it waited (from this escalation's sending to now).
 */
export async function endOnTicket(trx: Trx, actor: Actor | null, cid: CommunityId, row: repo.EscalationRow, note: string, data: Record<string, unknown>) {
  if (row.parent_id != null) return;
  if ((await repo.openOfTicket(trx, cid, row.ticket_id)).length > 0) return;
  const sentAt = row.approved_at ?? row.created_at;
  const pausedMs = row.pause_clock ? Math.max(0, Date.now() - sentAt.getTime()) : 0;
  await ticketEscalation.endTicketEscalation(trx, actor, cid, row.ticket_id, {
    returnTo: (row.ticket_status_before as TicketStatus | null) ?? null,
    note,
    data,
    pausedMs,
  });
}

/** Staff withdraw an escalation (or turn down a grid worker's request) with a reason; the whistle's departments with it. */
export async function withdrawEscalation(ctx: AppContext, actor: Actor, id: number, reason: string): Promise<Escalation> {
  authorize(actor, 'escalations.create');
  await ctx.db.transaction().execute(async (trx) => {
    const { row, cid } = await locked(trx, actor, id);
    if (!isOpen(row.status)) throw new AppError('INVALID_STATE', `cannot withdraw a ${row.status} escalation`);
    const now = new Date();
    await repo.updateEscalation(trx, cid, id, { status: 'withdrawn', ended_at: now });
    for (const c of await repo.childrenOf(trx, [id])) if (isOpen(c.status)) await repo.updateEscalation(trx, cid, c.id, { status: 'withdrawn', ended_at: now });
    await repo.insertReply(trx, cid, { escalation_id: id, kind: 'withdraw', text: reason, actor_id: actor.accountId, organisation_id: null });
    const org = (await orgs.organisationsByIds(trx, [row.organisation_id])).get(row.organisation_id);
    const data = { escalationId: id, organisationId: row.organisation_id, organisationName: org?.name ?? null };
    if (row.status === 'requested') {
      await ticketEscalation.recordEscalationStep(trx, actor, cid, row.ticket_id, { action: 'escalation_withdrawn', note: reason, data, isPublic: false });
    } else {
      await endOnTicket(trx, actor, cid, { ...row, status: 'withdrawn' }, reason, { ...data, outcome: 'withdrawn' });
    }
    await writeAudit(trx, actor, { communityId: cid, action: 'escalation.withdrawn', entityType: 'escalation', entityId: id, reason });
    await changed(trx, row, 'withdrawn');
  });
  return getEscalation(ctx, actor, id);
}

/** Whether the actor speaks for the escalation's organisation: its contact, or the subdistrict's admin for its office. */
export function speaksFor(actor: Actor, org: { id: number; kind: string; subdistrict_id: number | null }): boolean {
  if (actor.organisationId != null && actor.organisationId === org.id) return true;
  return actor.role === 'subdistrict_admin' && org.kind === 'subdistrict_office' && org.subdistrict_id != null && org.subdistrict_id === actor.subdistrictId;
}

/**
 * 吹哨报到: the subdistrict (its admin or its office's contact) dispatches a whistle to one or more departments, each
 * with its own deadline. The whistle is accepted by dispatching; it is answered when the departments have reported back.
 */
export async function dispatchEscalation(ctx: AppContext, actor: Actor, id: number, input: DispatchEscalationInput): Promise<Escalation> {
  authorize(actor, 'escalations.dispatch');
  const now = new Date();
  const calendar = await loadCalendar(ctx.db);
  await ctx.db.transaction().execute(async (trx) => {
    const { row, cid } = await locked(trx, actor, id);
    const office = (await orgs.organisationsByIds(trx, [row.organisation_id])).get(row.organisation_id)!;
    if (office.kind !== 'subdistrict_office') throw new AppError('INVALID_STATE', 'only a whistle to the subdistrict office is dispatched');
    if (!speaksFor(actor, office)) throw forbidden('not this subdistrict office');
    if (!isOpen(row.status) || row.status === 'requested') throw new AppError('INVALID_STATE', `cannot dispatch a ${row.status} escalation`);
    const seen = new Set<number>();
    for (const [i, d] of input.departments.entries()) {
      if (seen.has(d.organisationId)) throw invalidField(`departments.${i}.organisationId`, 'repeated');
      seen.add(d.organisationId);
      const dept = (await orgs.organisationsByIds(trx, [d.organisationId])).get(d.organisationId);
      if (!dept || dept.archived_at || dept.kind === 'subdistrict_office') throw invalidField(`departments.${i}.organisationId`, 'not_found');
      if (!(await orgs.servesCommunity(trx, dept.id, cid))) throw invalidField(`departments.${i}.organisationId`, 'not_serving');
      const dueAt = deadlineOf(calendar, dept.kind, d.dueAt, now, `departments.${i}.dueAt`);
      const child = await repo.insertEscalation(trx, cid, {
        ticket_id: row.ticket_id,
        organisation_id: dept.id,
        parent_id: id,
        status: 'pending',
        reason: input.reason,
        due_at: dueAt,
        pause_clock: false,
        ticket_status_before: 'escalated',
        requested_by: null,
        requested_at: null,
        approved_by: actor.accountId,
        approved_at: now,
        accepted_at: null,
        answered_at: null,
        ended_at: null,
        result_text: null,
        reminded_before_at: null,
        reminded_due_at: null,
      });
      await ticketEscalation.escalateTicket(trx, actor, cid, row.ticket_id, {
        organisationId: dept.id,
        organisationName: dept.name,
        dueAt,
        note: input.reason,
        escalationId: child.id,
      });
      await changed(trx, { id: child.id, community_id: cid, ticket_id: row.ticket_id, organisation_id: dept.id }, 'pending');
    }
    if (row.status === 'pending' || row.status === 'info_requested') {
      await repo.updateEscalation(trx, cid, id, { status: 'accepted', accepted_at: row.accepted_at ?? now });
      await repo.insertReply(trx, cid, { escalation_id: id, kind: 'accept', text: input.reason, actor_id: actor.accountId, organisation_id: office.id });
    }
    await writeAudit(trx, actor, {
      communityId: cid,
      action: 'escalation.dispatched',
      entityType: 'escalation',
      entityId: id,
      changes: { departments: input.departments },
      reason: input.reason,
    });
  });
  return getEscalation(ctx, actor, id);
}
