import { beijingText, iso } from '../../platform/time.js';
import type { z } from 'zod';
import { ticketStatusLabels, type createWebhookSchema, type TicketStatus, type updateWebhookSchema } from '@linli/contracts';
import type { AppContext } from '../../platform/context.js';
import { authorize, resolveCommunityId, scopeIds, type Actor } from '../../platform/access/actor.js';
import { notFound } from '../../platform/errors.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { inScope } from '../../platform/db/scope.js';
import { TtlCache } from '../../platform/cache/ttl-cache.js';
import { backoffSeconds, buildRequest, type TicketEventPayload } from './formats.js';

const present = (w: { id: number; community_id: number; name: string; url: string; format: 'json' | 'wecom' | 'dingtalk' | 'feishu'; secret: string | null; is_active: boolean; created_at: Date }) => ({
  id: w.id, communityId: w.community_id, name: w.name, url: w.url, format: w.format, hasSecret: !!w.secret, isActive: w.is_active, createdAt: iso(w.created_at)!,
});

export async function listWebhooks(ctx: AppContext, actor: Actor, communityId?: number) {
  authorize(actor, 'webhooks.manage');
  const rows = await ctx.db.selectFrom('webhooks').selectAll().where('community_id', '=', resolveCommunityId(actor, communityId)).orderBy('id').execute();
  return { items: rows.map(present) };
}

async function findWebhook(ctx: AppContext, actor: Actor, id: number) {
  authorize(actor, 'webhooks.manage');
  const w = await ctx.db.selectFrom('webhooks').selectAll().where('id', '=', id).where(inScope(scopeIds(actor), 'community_id')).executeTakeFirst();
  if (!w) throw notFound('webhook');
  return w;
}

// Every ticket event asks which hooks a community has, and most have none.
const activeHooks = new TtlCache<number, number[]>(10_000);

function activeHookIds(ctx: AppContext, communityId: number): Promise<number[]> {
  return activeHooks.get(ctx.db, communityId, async () =>
    (await ctx.db.selectFrom('webhooks').select('id').where('community_id', '=', communityId).where('is_active', '=', true).execute()).map((r) => r.id),
  );
}

export async function createWebhook(ctx: AppContext, actor: Actor, input: z.infer<typeof createWebhookSchema>) {
  authorize(actor, 'webhooks.manage');
  const cid = resolveCommunityId(actor, input.communityId);
  return ctx.db.transaction().execute(async (trx) => {
    const w = await trx.insertInto('webhooks').values({ community_id: cid, name: input.name, url: input.url, format: input.format, secret: input.secret ?? null }).returningAll().executeTakeFirstOrThrow();
    await writeAudit(trx, actor, { communityId: cid, action: 'webhook.created', entityType: 'webhook', entityId: w.id, changes: { name: input.name, url: input.url, format: input.format } });
    return present(w);
  }).finally(() => activeHooks.forget(ctx.db, (k) => k === cid));
}

export async function updateWebhook(ctx: AppContext, actor: Actor, id: number, input: z.infer<typeof updateWebhookSchema>) {
  const before = await findWebhook(ctx, actor, id);
  return ctx.db.transaction().execute(async (trx) => {
    const w = await trx
      .updateTable('webhooks')
      .set({ name: input.name, url: input.url, format: input.format, secret: input.secret, is_active: input.isActive })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, actor, { communityId: before.community_id, action: 'webhook.updated', entityType: 'webhook', entityId: id, changes: { ...input, secret: input.secret === undefined ? undefined : '(changed)' } });
    return present(w);
  }).finally(() => activeHooks.forget(ctx.db, (k) => k === before.community_id));
}


export async function listDeliveries(ctx: AppContext, actor: Actor, id: number) {
  await findWebhook(ctx, actor, id);
  const rows = await ctx.db.selectFrom('webhook_deliveries').selectAll().where('webhook_id', '=', id).orderBy('id', 'desc').limit(100).execute();
  return {
    items: rows.map((d) => ({
      id: d.id, event: d.event, status: d.status as 'pending' | 'delivered' | 'failed', attempts: d.attempts, nextAttemptAt: iso(d.next_attempt_at)!,
      lastStatusCode: d.last_status_code, lastError: d.last_error, deliveredAt: iso(d.delivered_at), createdAt: iso(d.created_at)!,
    })),
  };
}

/** Queues one delivery per active webhook of the community for a ticket event (called after the event's commit). */
export async function enqueueTicketEvent(ctx: AppContext, e: { communityId: number; ticketId: number; action?: string }, now = new Date()): Promise<number> {
  const hooks = (await activeHookIds(ctx, e.communityId)).map((id) => ({ id }));
  if (hooks.length === 0) return 0;
  const t = await ctx.db
    .selectFrom('tickets as t')
    .innerJoin('ticket_categories as c', 'c.id', 't.category_id')
    .leftJoin('compounds as p', 'p.id', 't.compound_id')
    .select(['t.id', 't.code', 't.status', 't.title', 'c.name_zh as category', 'p.name as compound', 't.resolution_due_at'])
    .where('t.community_id', '=', e.communityId)
    .where('t.id', '=', e.ticketId)
    .executeTakeFirst();
  if (!t) return 0;
  const payload: TicketEventPayload = {
    event: e.action ? 'ticket.transitioned' : 'ticket.created',
    action: e.action ?? null,
    occurredAt: now.toISOString(),
    ticket: {
      id: t.id, code: t.code, status: t.status, statusLabel: ticketStatusLabels['zh-CN'][t.status as TicketStatus] ?? t.status, title: t.title,
      category: t.category, compound: t.compound ?? null, dueAt: beijingText(t.resolution_due_at),
    },
  };
  await ctx.db
    .insertInto('webhook_deliveries')
    .values(hooks.map((h) => ({ community_id: e.communityId, webhook_id: h.id, event: payload.event, payload: JSON.stringify(payload), next_attempt_at: now })))
    .execute();
  return hooks.length;
}

/** Sends every due delivery once; failures wait by backoff and end as 'failed' after the last try. Each attempt is logged on the row. */
export async function deliverDue(ctx: AppContext, now = new Date(), send: typeof fetch = fetch): Promise<number> {
  const due = await ctx.db
    .selectFrom('webhook_deliveries as d')
    .innerJoin('webhooks as w', 'w.id', 'd.webhook_id')
    .select(['d.id', 'd.payload', 'd.attempts', 'w.url', 'w.format', 'w.secret'])
    .where('d.status', '=', 'pending')
    .where('d.next_attempt_at', '<=', now)
    .orderBy('d.id')
    .limit(50)
    .execute();
  for (const d of due) {
    // Claim the row first, so that two senders (the event handler and the job, or two processes) never both send it.
    const claimed = await ctx.db
      .updateTable('webhook_deliveries')
      .set({ next_attempt_at: new Date(now.getTime() + 60_000) })
      .where('id', '=', d.id)
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', now)
      .returning('id')
      .executeTakeFirst();
    if (!claimed) continue;
    const req = buildRequest(d.format, d.url, d.secret, d.payload as TicketEventPayload, now);
    let code: number | null = null;
    let error: string | null = null;
    try {
      const res = await send(req.url, { method: 'POST', headers: req.headers, body: req.body, signal: AbortSignal.timeout(5000) });
      code = res.status;
      if (!res.ok) error = `HTTP ${res.status}`;
    } catch (err) {
      error = err instanceof Error ? err.message : String(err);
    }
    const attempts = d.attempts + 1;
    if (!error) {
      await ctx.db.updateTable('webhook_deliveries').set({ status: 'delivered', attempts, last_status_code: code, last_error: null, delivered_at: now }).where('id', '=', d.id).execute();
    } else {
      const wait = backoffSeconds[attempts - 1];
      await ctx.db
        .updateTable('webhook_deliveries')
        .set({ status: wait === undefined ? 'failed' : 'pending', attempts, last_status_code: code, last_error: error.slice(0, 500), next_attempt_at: new Date(now.getTime() + (wait ?? 0) * 1000) })
        .where('id', '=', d.id)
        .execute();
    }
  }
  return due.length;
}
