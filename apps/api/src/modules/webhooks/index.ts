import type { AppContext } from '../../platform/context.js';
import { enqueueTicketEvent } from './webhooks.service.js';

export { webhooksRoutes } from './webhooks.routes.js';
export { DeliveryWorker, startWebhookWorker } from './delivery-worker.js';

/** Ticket events become queued deliveries; the delivery worker sends them, never the request that caused the event. */
export function subscribeWebhooks(ctx: AppContext): void {
  const onEvent = async (e: { communityId: number; ticketId: number; action?: string }) => void (await enqueueTicketEvent(ctx, e));
  ctx.events.on('ticket.created', onEvent);
  ctx.events.on('ticket.transitioned', onEvent);
}
