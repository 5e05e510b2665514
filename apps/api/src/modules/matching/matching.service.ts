import {
  roleCan,
  type CreateMatchOrderInput,
  type MatchCandidateKind,
  type MatchOrder,
  type MatchOrderListQuery,
  type MatchOrderStatus,
  type MatchOrderStepInput,
  type MatchQuery,
  type MatchSuggestion,
  type Page,
  type Role,
} from '@linli/contracts';
import type { AppContext } from '../../platform/context.js';
import { authorize, resolveCommunityId, scopeOf, type Actor } from '../../platform/access/actor.js';
import { AppError, forbidden, invalidField, notFound } from '../../platform/errors.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { communityIn, type CommunityId } from '../../platform/db/scope.js';
import { accountNames, findActiveAccount } from '../people/index.js';
import * as repo from './matching.repository.js';
import { rankCandidates } from './rank.js';
import { candidatesOf } from './candidate-cache.js';
import { ensureMatchIndex, refreshMatchIndex } from './refresh.js';
import { closedNeed, needSummaryText, resolveNeed } from './needs.js';
import { orderMove } from './order-state.js';

/** Suggestions for a need: one indexed query, then the reasons (rank.ts) and the claimants' names. */
export async function suggest(ctx: AppContext, actor: Actor, q: MatchQuery): Promise<{ items: MatchSuggestion[] }> {
  authorize(actor, 'matching.read');
  const need = await resolveNeed(ctx, actor, q.needKind, q.needId);
  if (need.terms.length === 0 && need.categories.length === 0) return { items: [] };
  const ranked = rankCandidates(need, await candidatesOf(ctx.db, need.communityId), q.limit);
  const names = await accountNames(
    ctx.db,
    ranked.map((x) => x.c.accountId).filter((x): x is number => x != null),
  );
  return {
    items: ranked.map(({ c, r }) => ({
      candidateKind: c.kind,
      candidateId: c.refId,
      name: c.name,
      score: r.score,
      reason: r.reason,
      claimantAccountId: c.accountId,
      claimantName: c.accountId != null ? (names.get(c.accountId) ?? null) : null,
    })),
  };
}

/** Rebuilds the community's index now (staff who just registered a partner need not wait for the periodic refresh). */
export async function refreshIndex(ctx: AppContext, actor: Actor, communityId?: number) {
  authorize(actor, 'matching.dispatch');
  const count = await refreshMatchIndex(ctx.db, resolveCommunityId(actor, communityId));
  return { count };
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
async function present(ctx: AppContext, actor: Actor, rows: repo.OrderRow[]): Promise<MatchOrder[]> {
  const names = await accountNames(
    ctx.db,
    rows.map((r) => r.claimant_account_id),
  );
  return rows.map((r) => ({
    id: r.id,
    communityId: r.community_id,
    needKind: r.need_kind,
    needId: r.need_id,
    needSummary: needSummaryText(r.need_kind, r.need_summary, actor.locale),
    candidateKind: r.candidate_kind as MatchCandidateKind,
    candidateId: r.candidate_id,
    candidateName: r.candidate_name,
    claimantAccountId: r.claimant_account_id,
    claimantName: names.get(r.claimant_account_id) ?? null,
    status: r.status,
    note: r.note,
    rating: r.rating,
    sentAt: iso(r.sent_at)!,
    answeredAt: iso(r.answered_at),
    doneAt: iso(r.done_at),
  }));
}

/** Staff see the community's orders; a claimant only those sent to them. */
export async function listOrders(ctx: AppContext, actor: Actor, q: MatchOrderListQuery): Promise<Page<MatchOrder>> {
  const staff = roleCan(actor.role, 'matching.read');
  if (!staff) authorize(actor, 'matching.claim');
  const cid = resolveCommunityId(actor, q.communityId);
  const mine = !staff || q.mine === 'true';
  const { total, rows } = await repo.listOrders(
    ctx.db,
    cid,
    { status: q.status, claimant: mine ? actor.accountId : undefined },
    { offset: (q.page - 1) * q.pageSize, limit: q.pageSize },
  );
  return { items: await present(ctx, actor, rows), total, page: q.page, pageSize: q.pageSize };
}

async function orderOf(ctx: AppContext, actor: Actor, id: number) {
  const row = await repo.findOrder(ctx.db, scopeOf(actor), id);
  if (!row) throw notFound('match_order');
  if (roleCan(actor.role, 'matching.read')) return row;
  authorize(actor, 'matching.claim');
  // A claimant sees only their own orders; another's answers 404 like another community's.
  if (row.claimant_account_id !== actor.accountId) throw notFound('match_order');
  return row;
}

export async function getOrder(ctx: AppContext, actor: Actor, id: number): Promise<MatchOrder> {
  return (await present(ctx, actor, [await orderOf(ctx, actor, id)]))[0]!;
}

/** 社区派单: sends a suggestion to a claimant's phone. */
export async function createOrder(ctx: AppContext, actor: Actor, input: CreateMatchOrderInput): Promise<MatchOrder> {
  authorize(actor, 'matching.dispatch');
  const need = await resolveNeed(ctx, actor, input.needKind, input.needId);
  if (need.closed) throw closedNeed();
  const cid: CommunityId = need.communityId;
  await ensureMatchIndex(ctx.db, cid);
  const candidate = await repo.findCandidate(ctx.db, cid, input.candidateKind, input.candidateId);
  if (!candidate) throw invalidField('candidateId', 'not_found');
  const claimant = await findActiveAccount(ctx.db, input.claimantAccountId);
  if (!claimant || claimant.community_id !== cid) throw invalidField('claimantAccountId', 'not_found');
  if (!roleCan(claimant.role as Role, 'matching.claim')) throw invalidField('claimantAccountId', 'invalid_option');
  const id = await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.insertOrder(trx, cid, {
      need_kind: input.needKind,
      need_id: input.needId,
      need_summary: need.summary,
      candidate_kind: input.candidateKind,
      candidate_id: input.candidateId,
      candidate_name: candidate.name,
      claimant_account_id: input.claimantAccountId,
      note: input.note || null,
      sent_by: actor.accountId,
    });
    await repo.insertOrderEvent(trx, {
      community_id: cid,
      order_id: row.id,
      action: 'sent',
      from_status: null,
      to_status: 'sent',
      actor_id: actor.accountId,
      note: input.note || null,
    });
    await writeAudit(trx, actor, {
      communityId: cid,
      action: 'match_order.sent',
      entityType: 'match_order',
      entityId: row.id,
      changes: {
        needKind: input.needKind,
        needId: input.needId,
        candidateKind: input.candidateKind,
        candidateId: input.candidateId,
        claimantAccountId: input.claimantAccountId,
      },
    });
    return row.id;
  });
  return getOrder(ctx, actor, id);
}

/** A step of an order: the claimant's accept, decline, done; staff's rate (群众评单) and withdraw. */
export async function stepOrder(ctx: AppContext, actor: Actor, id: number, input: MatchOrderStepInput): Promise<MatchOrder> {
  const before = await orderOf(ctx, actor, id);
  const move = orderMove(before.status, input.action);
  if (move.by === 'claimant') {
    authorize(actor, 'matching.claim');
    if (before.claimant_account_id !== actor.accountId) throw forbidden('only the claimant answers an order');
  } else authorize(actor, 'matching.dispatch');
  if (!move.allowed) throw new AppError('INVALID_STATE', `cannot ${input.action} an order that is ${before.status}`);
  if (input.action === 'rate' && input.rating === undefined) throw invalidField('rating', 'required');
  const cid = communityIn(scopeOf(actor), before.community_id)!;
  const now = new Date();
  await ctx.db.transaction().execute(async (trx) => {
    const n = await repo.updateOrder(trx, cid, id, before.status, {
      status: move.to as MatchOrderStatus & 'sent',
      ...(input.action === 'accept' || input.action === 'decline' ? { answered_at: now } : {}),
      ...(input.action === 'done' ? { done_at: now } : {}),
      ...(input.action === 'rate' ? { rating: input.rating, rated_at: now } : {}),
    });
    if (n === 0) throw new AppError('INVALID_STATE', 'the order changed meanwhile');
    await repo.insertOrderEvent(trx, {
      community_id: cid,
      order_id: id,
      action: input.action,
      from_status: before.status,
      to_status: move.to,
      actor_id: actor.accountId,
      note: input.note || null,
    });
    await writeAudit(trx, actor, {
      communityId: cid,
      action: `match_order.${input.action}`,
      entityType: 'match_order',
      entityId: id,
      changes: { from: before.status, to: move.to, ...(input.rating !== undefined && input.action === 'rate' ? { rating: input.rating } : {}) },
    });
  });
  return getOrder(ctx, actor, id);
}
