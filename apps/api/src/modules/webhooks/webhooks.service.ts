import { beijingText, iso } from '../../platform/time.js';
import type { z } from 'zod';
import {
  ladderStepLabels,
  type LadderStepKind,
  ticketStatusLabels,
  type createWebhookSchema,
  type TicketStatus,
  type updateWebhookSchema,
} from '@linli/contracts';
import type { AppContext } from '../../platform/context.js';
import { authorize, resolveCommunityId, scopeIds, type Actor } from '../../platform/access/actor.js';
import { invalidField, notFound } from '../../platform/errors.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { TtlCache } from '../../platform/cache/ttl-cache.js';
import type { CareCheckinPayload, NoticePayload, TicketEventPayload } from './formats.js';
import type { PauseReason } from './breaker.js';
import { checkWebhookUrl, findInwardResolution, parseAllowList } from './url-policy.js';
import * as repo from './webhooks.repository.js';
import { ticketForNotice } from '../tickets/index.js';
import { careRecipientRefs } from '../care/index.js';
import type { CommunityId } from '../../platform/db/scope.js';
import { trustedCommunityId } from '../../platform/access/trusted-scope.js';

type WebhookRow = NonNullable<Awaited<ReturnType<typeof repo.findWebhook>>>;

const present = (w: WebhookRow) => ({
  id: w.id,
  communityId: w.community_id,
  name: w.name,
  url: w.url,
  format: w.format,
  hasSecret: !!w.secret,
  isActive: w.is_active,
  createdAt: iso(w.created_at)!,
  consecutiveFailures: w.consecutive_failures,
  lastError: w.last_error,
  pausedAt: iso(w.paused_at),
  pauseReason: (w.pause_reason as PauseReason | null) ?? null,
});

/** The secretary's webhooks, with each one's failures in a row and, when the breaker paused it, when and why. */
export async function listWebhooks(ctx: AppContext, actor: Actor, communityId?: number) {
  authorize(actor, 'webhooks.manage');
  const rows = await repo.listWebhooks(ctx.db, resolveCommunityId(actor, communityId));
  return { items: rows.map(present) };
}

async function findWebhook(ctx: AppContext, actor: Actor, id: number) {
  authorize(actor, 'webhooks.manage');
  const w = await repo.findWebhook(ctx.db, scopeIds(actor), id);
  if (!w) throw notFound('webhook');
  // Found under the actor's scope, so its community is one the actor may act in.
  return { ...w, cid: trustedCommunityId(w.community_id) };
}

// Every ticket event asks which hooks a community has, and most have none.
const activeHooks = new TtlCache<number, number[]>(10_000);

function activeHookIds(ctx: AppContext, communityId: CommunityId): Promise<number[]> {
  return activeHooks.get(ctx.db, communityId, () => repo.listActiveHookIds(ctx.db, communityId));
}

/** Drops the cached hook list of a community (after a change or a pause). */
export function forgetActiveHooks(ctx: AppContext, communityId: number): void {
  activeHooks.forget(ctx.db, (k) => k === communityId);
}

/** Refuses, as a field error on `url`, a URL that is not http(s) to a public address (or an allow-listed one). */
async function assertPublicUrl(ctx: AppContext, url: string): Promise<void> {
  const allow = parseAllowList(ctx.config.webhooks.allowHosts);
  const verdict = checkWebhookUrl(url, allow);
  if (!verdict.ok) throw invalidField('url', 'not_public_address');
  // A name is checked again at every delivery; resolving it now only gives the secretary the answer sooner.
  if (!verdict.isHostAllowed && (await findInwardResolution(verdict.host, allow))) throw invalidField('url', 'not_public_address');
}

/** Adds a webhook after checking its URL against the address policy; audited. */
export async function createWebhook(ctx: AppContext, actor: Actor, input: z.infer<typeof createWebhookSchema>) {
  authorize(actor, 'webhooks.manage');
  const cid = resolveCommunityId(actor, input.communityId);
  await assertPublicUrl(ctx, input.url);
  return ctx.db
    .transaction()
    .execute(async (trx) => {
      const w = await repo.insertWebhook(trx, { community_id: cid, name: input.name, url: input.url, format: input.format, secret: input.secret ?? null });
      await writeAudit(trx, actor, {
        communityId: cid,
        action: 'webhook.created',
        entityType: 'webhook',
        entityId: w.id,
        changes: { name: input.name, url: input.url, format: input.format },
      });
      return present(w);
    })
    .finally(() => forgetActiveHooks(ctx, cid));
}

/** Changes a webhook (a new URL is checked like a new webhook); audited. */
export async function updateWebhook(ctx: AppContext, actor: Actor, id: number, input: z.infer<typeof updateWebhookSchema>) {
  const before = await findWebhook(ctx, actor, id);
  if (input.url !== undefined) await assertPublicUrl(ctx, input.url);
  return ctx.db
    .transaction()
    .execute(async (trx) => {
      const w = await repo.updateWebhook(trx, before.cid, id, {
        name: input.name,
        url: input.url,
        format: input.format,
        secret: input.secret,
        is_active: input.isActive,
      });
      await writeAudit(trx, actor, {
        communityId: before.community_id,
        action: 'webhook.updated',
        entityType: 'webhook',
        entityId: id,
        changes: { ...input, secret: input.secret === undefined ? undefined : '(changed)' },
      });
      return present(w);
    })
    .finally(() => forgetActiveHooks(ctx, before.community_id));
}

/** Lifts a pause set by the breaker: the failure count starts again and queued deliveries are sent; audited. */
export async function resumeWebhook(ctx: AppContext, actor: Actor, id: number) {
  const before = await findWebhook(ctx, actor, id);
  if (before.paused_at === null) return present(before);
  return ctx.db
    .transaction()
    .execute(async (trx) => {
      const w = await repo.updateWebhook(trx, before.cid, id, {
        paused_at: null,
        pause_reason: null,
        consecutive_failures: 0,
        failing_since: null,
        backoff_until: null,
      });
      await writeAudit(trx, actor, {
        communityId: before.community_id,
        action: 'webhook.resumed',
        entityType: 'webhook',
        entityId: id,
        changes: { pauseReason: before.pause_reason, lastError: before.last_error },
      });
      return present(w);
    })
    .finally(() => forgetActiveHooks(ctx, before.community_id));
}

export async function listDeliveries(ctx: AppContext, actor: Actor, id: number) {
  const w = await findWebhook(ctx, actor, id);
  const rows = await repo.listDeliveries(ctx.db, w.cid, id);
  return {
    items: rows.map((d) => ({
      id: d.id,
      event: d.event,
      status: d.status as 'pending' | 'delivered' | 'failed',
      attempts: d.attempts,
      nextAttemptAt: iso(d.next_attempt_at)!,
      lastStatusCode: d.last_status_code,
      lastError: d.last_error,
      deliveredAt: iso(d.delivered_at),
      createdAt: iso(d.created_at)!,
    })),
  };
}

/**
 * Queues one delivery per active, unpaused webhook of the community for a ticket event (called after the event's
 * commit). Nothing is sent here: the delivery worker sends, off the request path.
 */
export async function enqueueTicketEvent(
  ctx: AppContext,
  e: { communityId: number; ticketId: number; action?: string; outboxId?: number; occurredAt?: Date },
  now = new Date(),
): Promise<number> {
  // A subscriber: the community of the ticket event it was handed (ADR 0018).
  const cid = trustedCommunityId(e.communityId);
  const hooks = await activeHookIds(ctx, cid);
  if (hooks.length === 0) return 0;
  const t = await ticketForNotice(ctx.db, cid, e.ticketId);
  if (!t) return 0;
  const payload: TicketEventPayload = {
    event: e.action ? 'ticket.transitioned' : 'ticket.created',
    action: e.action ?? null,
    occurredAt: (e.occurredAt ?? now).toISOString(),
    ticket: {
      id: t.id,
      code: t.code,
      status: t.status,
      statusLabel: ticketStatusLabels['zh-CN'][t.status as TicketStatus] ?? t.status,
      title: t.title,
      category: t.category,
      compound: t.compound ?? null,
      dueAt: beijingText(t.resolution_due_at),
    },
  };
  const body = JSON.stringify(payload);
  await repo.insertDeliveries(
    ctx.db,
    cid,
    hooks.map((id) => ({ webhookId: id, event: payload.event, payload: body, at: now, outboxId: e.outboxId ?? null })),
  );
  return hooks.length;
}

/**
 * Queues one delivery per active webhook for a step of the missed check-in ladder (报平安, ADR 0040): the group bots
 * hear of it like a ticket event. The payload names the person masked (王*兰) and carries no token or phone.
 */
export async function enqueueCareCheckinStep(
  ctx: AppContext,
  e: { communityId: number; recipientId: number; kind: string; ticketId: number | null; outboxId?: number; occurredAt?: Date },
  now = new Date(),
): Promise<number> {
  // A subscriber: the community of the event it was handed (ADR 0018).
  const cid = trustedCommunityId(e.communityId);
  const hooks = await activeHookIds(ctx, cid);
  if (hooks.length === 0) return 0;
  const r = (await careRecipientRefs(ctx.db, cid, [e.recipientId])).get(e.recipientId);
  if (!r) return 0;
  const occurredAt = e.occurredAt ?? now;
  const payload: CareCheckinPayload = {
    event: 'care.checkin.step',
    occurredAt: occurredAt.toISOString(),
    checkin: {
      recipientId: e.recipientId,
      name: r.residentNameMasked,
      day: beijingText(occurredAt).slice(0, 10),
      step: e.kind,
      stepLabel: ladderStepLabels['zh-CN'][e.kind as LadderStepKind] ?? e.kind,
      ticketId: e.ticketId,
    },
  };
  const body = JSON.stringify(payload);
  await repo.insertDeliveries(
    ctx.db,
    cid,
    hooks.map((id) => ({ webhookId: id, event: payload.event, payload: body, at: now, outboxId: e.outboxId ?? null })),
  );
  return hooks.length;
}

/**
 * Queues one delivery per active webhook for a reminder another module raised (a wish's claim falling due, an
 * agreement up for renewal): the community's group hears of it as of a ticket. The text names no person.
 */
export async function enqueueNotice(
  ctx: AppContext,
  e: { communityId: number; event: NoticePayload['event']; title: string; text: string; outboxId?: number; occurredAt?: Date },
  now = new Date(),
): Promise<number> {
  // A subscriber: the community of the event it was handed (ADR 0018).
  const cid = trustedCommunityId(e.communityId);
  const hooks = await activeHookIds(ctx, cid);
  if (hooks.length === 0) return 0;
  const payload: NoticePayload = { event: e.event, occurredAt: (e.occurredAt ?? now).toISOString(), notice: { title: e.title, text: e.text } };
  const body = JSON.stringify(payload);
  await repo.insertDeliveries(
    ctx.db,
    cid,
    hooks.map((id) => ({ webhookId: id, event: payload.event, payload: body, at: now, outboxId: e.outboxId ?? null })),
  );
  return hooks.length;
}
