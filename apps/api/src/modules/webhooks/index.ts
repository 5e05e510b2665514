import type { AppContext } from '../../platform/context.js';
import type { PeriodicJob } from '../../platform/jobs/scheduler.js';
import { deliverDue, enqueueTicketEvent } from './webhooks.service.js';

export { webhooksRoutes } from './webhooks.routes.js';

export const webhookJobs: PeriodicJob[] = [{ name: 'webhooks.deliver', everyMs: 15_000, run: async (ctx, now) => void (await deliverDue(ctx, now)) }];

/** Ticket events become deliveries, tried at once and then by the job. */
export function subscribeWebhooks(ctx: AppContext): void {
  const onEvent = async (e: { communityId: number; ticketId: number; action?: string }) => {
    if (await enqueueTicketEvent(ctx, e)) await deliverDue(ctx);
  };
  ctx.events.on('ticket.created', onEvent);
  ctx.events.on('ticket.transitioned', onEvent);
}
