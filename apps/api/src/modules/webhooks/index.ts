import type { AppContext } from '../../platform/context.js';
import type { EventMeta } from '../../platform/events.js';
import { enqueueCareCheckinStep, enqueueTicketEvent } from './webhooks.service.js';

export { webhooksRoutes } from './webhooks.routes.js';
export { DeliveryWorker, startWebhookWorker } from './delivery-worker.js';

/**
 * Ticket events from the outbox become queued deliveries; the delivery worker sends them, never the request that
 * caused the event. Keyed by the outbox id, so an event dispatched twice queues each delivery once.
 */
export function subscribeWebhooks(ctx: AppContext): void {
  const onEvent = async (e: { communityId: number; ticketId: number; action?: string }, meta: EventMeta) =>
    void (await enqueueTicketEvent(ctx, { ...e, outboxId: meta.outboxId, occurredAt: meta.occurredAt }));
  ctx.events.on('ticket.created', 'webhooks', onEvent);
  ctx.events.on('ticket.transitioned', 'webhooks', onEvent);
  // 报平安: each step of a missed check-in's ladder reaches the group bots too (ADR 0040).
  ctx.events.on(
    'care.checkin.step',
    'webhooks',
    async (e, meta) => void (await enqueueCareCheckinStep(ctx, { ...e, outboxId: meta.outboxId, occurredAt: meta.occurredAt })),
  );
}
