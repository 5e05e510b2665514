import type { AppContext } from '../../platform/context.js';
import type { EventMeta } from '../../platform/events.js';
import { scopeOfCommunity } from '../../platform/access/trusted-scope.js';
import { partnerRefs } from '../partners/index.js';
import { wishNeed } from '../wishes/index.js';
import { enqueueCareCheckinStep, enqueueNotice, enqueueTicketEvent } from './webhooks.service.js';

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
  // Reminders of wishes and agreements reach the community's group as well (issue 9).
  ctx.events.on('wish.reminder', 'webhooks', async (e, meta) => {
    // A subscriber reads the wish of the community it was handed (ADR 0018).
    const wish = await wishNeed(ctx.db, scopeOfCommunity(e.communityId), e.wishId);
    if (!wish) return;
    const when = e.kind === 'due' ? '今天到期' : '即将到期';
    const text = `认领的微心愿「${wish.text}」${when}，请认领人按时完成并上传照片`;
    await enqueueNotice(ctx, {
      communityId: e.communityId,
      event: 'wish.reminder',
      title: '微心愿提醒',
      text,
      outboxId: meta.outboxId,
      occurredAt: meta.occurredAt,
    });
  });
  ctx.events.on('agreement.renewal_due', 'webhooks', async (e, meta) => {
    const [partner] = await partnerRefs.partnerNames(ctx.db, [e.partnerId]);
    const text = `与「${partner?.name ?? ''}」的共建协议将于 ${e.endsOn} 到期，请商议续签`;
    await enqueueNotice(ctx, {
      communityId: e.communityId,
      event: 'agreement.renewal_due',
      title: '协议续签提醒',
      text,
      outboxId: meta.outboxId,
      occurredAt: meta.occurredAt,
    });
  });
  // A duty shift short of people tomorrow (值守, ADR 0044).
  ctx.events.on('shift.uncovered', 'webhooks', async (e, meta) => {
    const text = `明天的值守「${e.label}」还缺人：已排 ${e.assigned} 人，需要 ${e.headcount} 人，请尽快补排`;
    await enqueueNotice(ctx, {
      communityId: e.communityId,
      event: 'shift.uncovered',
      title: '值守缺人提醒',
      text,
      outboxId: meta.outboxId,
      occurredAt: meta.occurredAt,
    });
  });
}
