import { iso } from '../../../platform/time.js';
import type { z } from 'zod';
import { roleCan, type TicketDetail, type ticketListQuerySchema } from '@linli/contracts';
import type { AppContext } from '../../../platform/context.js';
import { authorize, resolveCommunityId, scopeIds, type Actor } from '../../../platform/access/actor.js';
import { notFound } from '../../../platform/errors.js';
import { trustedCommunityId } from '../../../platform/access/trusted-scope.js';
import * as repo from '../tickets.repository.js';
import { actorNames, withNames } from '../ticket-names.js';
import { assignableRoles } from '../assignees.js';
import { peopleRefs } from '../../people/index.js';
import { tokenize } from '../../../platform/text/segment.js';
import { hashTrackingCode, isTrackingCodeShaped } from '../public/tracking.js';
import { presentTicket } from '../tickets.presenter.js';
import { maySeeTicket } from '../tickets.policy.js';
import { eventExtras } from './event-extras.js';

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
  const row = await repo.findTicket(ctx.db, scopeIds(actor), id);
  if (!row) throw notFound('ticket');
  const [t] = await withNames(ctx.db, [row]);
  if (!t) throw notFound('ticket');
  if (!justActed && !maySeeTicket(actor, t)) throw notFound('ticket');
  // The ticket was found under the actor's scope.
  const events = await repo.listEvents(ctx.db, trustedCommunityId(t.community_id), id);
  const actors = await actorNames(
    ctx.db,
    events.map((e) => e.actor_id),
  );
  const photos = known ? known.photoIds.map((p) => ({ id: p, stage: null })) : await repo.photoIds(ctx.db, id);
  return {
    ...presentTicket(t),
    reporterCount: known?.reporterCount ?? Number((await repo.countReporters(ctx.db, id)).n),
    photoIds: photos.map((p) => p.id),
    photos: photos.map((p) => ({ id: p.id, stage: p.stage ?? null })),
    events: events.map((e) => ({
      id: e.id,
      action: e.action,
      fromStatus: e.from_status,
      toStatus: e.to_status,
      actorName: (e.actor_id != null ? actors.get(e.actor_id) : undefined) ?? e.actor_label ?? null,
      actorLabel: e.actor_id != null ? null : e.actor_label,
      channel: e.channel,
      note: e.note,
      isPublic: e.is_public,
      createdAt: iso(e.created_at)!,
      // What the step names (an escalation's organisation and deadline, a reply's kind), for the timeline's words.
      ...(e.data == null ? {} : { data: typeof e.data === 'string' ? (JSON.parse(e.data) as Record<string, unknown>) : (e.data as Record<string, unknown>) }),
      ...eventExtras(e.action, e.data),
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
      status: q.status,
      categoryId: q.categoryId,
      channel: q.channel,
      compoundId: q.compoundId,
      q: q.q || undefined,
      qTokens: q.q ? tokenize(q.q) : undefined,
      qTrackingHash: q.q && isTrackingCodeShaped(q.q) ? hashTrackingCode(q.q) : undefined,
      overdueAt: q.overdue === 'true' ? new Date() : undefined,
      inbox: q.inbox ? { view: q.inbox, now: new Date() } : undefined,
      assignedToAccount: mineOnly ? actor.accountId : undefined,
    },
    { offset: (q.page - 1) * q.pageSize, limit: q.pageSize, order: q.sort === 'createdAt' && q.order === 'asc' ? 'asc' : 'desc' },
  );
  return { items: (await withNames(ctx.db, rows)).map((r) => presentTicket(r)), total, page: q.page, pageSize: q.pageSize };
}

/** Who a ticket can be assigned to in the community. */
export async function listAssignees(ctx: AppContext, actor: Actor, communityId?: number) {
  authorize(actor, 'tickets.dispatch');
  const rows = await peopleRefs.assignableAccounts(ctx.db, resolveCommunityId(actor, communityId), assignableRoles);
  return { items: rows.map((r) => ({ id: r.id, displayName: r.display_name, role: r.role })) };
}

/** The actor's task list: tickets assigned to them that are still open, overdue first, and the badge count. */
export async function listTasks(ctx: AppContext, actor: Actor) {
  authorize(actor, 'tickets.read');
  const cid = resolveCommunityId(actor);
  const { rows } = await repo.listTickets(ctx.db, cid, { assignedToAccount: actor.accountId }, { offset: 0, limit: 200, order: 'asc' });
  const open = (await withNames(ctx.db, rows)).map((r) => presentTicket(r)).filter((t) => ['assigned', 'in_progress', 'escalated'].includes(t.status));
  open.sort((a, b) => Number(b.isOverdue) - Number(a.isOverdue) || a.resolutionDueAt.localeCompare(b.resolutionDueAt));
  return { items: open, badge: open.length, overdue: open.filter((t) => t.isOverdue).length };
}
