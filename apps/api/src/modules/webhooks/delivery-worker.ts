import type { AppContext } from '../../platform/context.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { backoffSeconds, buildRequest, type WebhookPayload } from './formats.js';
import { endpointBackoffMs, pauseReasonFor } from './breaker.js';
import { postWebhook } from './send-webhook.js';
import { parseAllowList, RefusedAddressError, type AllowList } from './url-policy.js';
import { forgetActiveHooks } from './webhooks.service.js';
import { trustedCommunityId } from '../../platform/access/trusted-scope.js';
import * as repo from './webhooks.repository.js';

export interface DeliveryLimits {
  /** Deliveries in flight in this process, over all endpoints. */
  globalLimit: number;
  /** Deliveries in flight to one webhook at a time. */
  perEndpoint: number;
  /** The whole call: connect, send, first byte of the answer. */
  timeoutMs: number;
  /** How often the worker looks for due deliveries. */
  pollMs: number;
}

export const defaultLimits: DeliveryLimits = { globalLimit: 16, perEndpoint: 2, timeoutMs: 5000, pollMs: 1000 };

/**
 * Sends webhook deliveries in the background, never in an HTTP request (ADR 0012). Each poll claims what the limits
 * leave room for and starts sending without waiting, so a slow endpoint holds only its own slots. Every outcome feeds the
 * endpoint's circuit breaker: failures back the whole endpoint off, and one that keeps failing is paused.
 */
export class DeliveryWorker {
  private readonly inFlight = new Map<number, number>();
  private readonly sending = new Set<Promise<void>>();
  private readonly allow: AllowList;
  private timer: NodeJS.Timeout | undefined;
  private isPolling = false;

  constructor(
    private readonly ctx: AppContext,
    private readonly limits: DeliveryLimits = defaultLimits,
  ) {
    this.allow = parseAllowList(ctx.config.webhooks.allowHosts);
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.poll().catch((err) => this.ctx.log.error({ err }, 'webhook poll failed')), this.limits.pollMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await Promise.allSettled([...this.sending]);
  }

  /** The most deliveries in flight to one webhook seen so far (tests read it). */
  peakPerEndpoint = 0;

  /** Claims due deliveries within the limits and starts sending them; returns how many it started. */
  async poll(now = new Date()): Promise<number> {
    if (this.isPolling) return 0;
    this.isPolling = true;
    try {
      const room = this.limits.globalLimit - this.sending.size;
      if (room <= 0) return 0;
      const claimed = await repo.claimDueDeliveries(this.ctx.db, now, {
        perEndpoint: this.limits.perEndpoint,
        limit: room,
        leaseUntil: new Date(now.getTime() + this.limits.timeoutMs + 60_000),
        busyWebhookIds: [...this.inFlight.keys()],
      });
      for (const d of claimed) {
        const n = (this.inFlight.get(d.webhook_id) ?? 0) + 1;
        this.inFlight.set(d.webhook_id, n);
        this.peakPerEndpoint = Math.max(this.peakPerEndpoint, n);
        const job: Promise<void> = this.deliver(d, now)
          .catch((err) => this.ctx.log.error({ err, delivery: d.id }, 'webhook delivery bookkeeping failed'))
          .finally(() => {
            this.sending.delete(job);
            const left = (this.inFlight.get(d.webhook_id) ?? 1) - 1;
            if (left > 0) this.inFlight.set(d.webhook_id, left);
            else this.inFlight.delete(d.webhook_id);
          });
        this.sending.add(job);
      }
      return claimed.length;
    } finally {
      this.isPolling = false;
    }
  }

  /** One poll, then waits for what it started: for tests and one-shot runs. */
  async runOnce(now = new Date()): Promise<number> {
    const started = await this.poll(now);
    await Promise.allSettled([...this.sending]);
    return started;
  }

  private async deliver(d: repo.ClaimedDelivery, now: Date): Promise<void> {
    const req = buildRequest(d.format, d.url, d.secret, d.payload as WebhookPayload, now);
    let statusCode: number | null = null;
    let error: string | null = null;
    let isRefused = false;
    try {
      statusCode = (await postWebhook(req.url, req.headers, req.body, { allow: this.allow, timeoutMs: this.limits.timeoutMs })).statusCode;
      if (statusCode < 200 || statusCode >= 300) error = `HTTP ${statusCode}`;
    } catch (err) {
      isRefused = err instanceof RefusedAddressError;
      error = err instanceof Error ? err.message || err.name : String(err);
    }
    await this.record(d, { statusCode, error: error?.slice(0, 500) ?? null, isRefused }, now);
  }

  /** Writes the attempt on the delivery and the endpoint's breaker state in one transaction; a pause is audited. */
  private async record(d: repo.ClaimedDelivery, r: { statusCode: number | null; error: string | null; isRefused: boolean }, now: Date): Promise<void> {
    const attempts = d.attempts + 1;
    let pausedCommunity: number | null = null;
    await this.ctx.db.transaction().execute(async (trx) => {
      if (!r.error) {
        await repo.markDelivered(trx, d.id, attempts, r.statusCode, now);
        await repo.recordEndpointSuccess(trx, d.webhook_id);
        return;
      }
      // A refused address is not retried: it will not become public by waiting.
      const wait = r.isRefused ? undefined : backoffSeconds[attempts - 1];
      await repo.markAttemptFailed(trx, d.id, {
        attempts,
        statusCode: r.statusCode,
        error: r.error,
        nextAttemptAt: wait === undefined ? null : new Date(now.getTime() + wait * 1000),
      });
      const endpoint = await repo.recordEndpointFailure(trx, d.webhook_id, now, r.error);
      await repo.setEndpointBackoff(trx, d.webhook_id, new Date(now.getTime() + endpointBackoffMs(endpoint.consecutive_failures)));
      if (endpoint.paused_at) return;
      const reason = pauseReasonFor({ consecutiveFailures: endpoint.consecutive_failures, failingSince: endpoint.failing_since, isRefused: r.isRefused }, now);
      if (!reason) return;
      // A system job: the community of the webhook row it just updated.
      await repo.pauseWebhook(trx, trustedCommunityId(endpoint.community_id), d.webhook_id, now, reason);
      await writeAudit(trx, null, {
        communityId: endpoint.community_id,
        action: 'webhook.paused',
        entityType: 'webhook',
        entityId: d.webhook_id,
        changes: { reason, consecutiveFailures: endpoint.consecutive_failures, lastError: r.error },
      });
      pausedCommunity = endpoint.community_id;
    });
    if (pausedCommunity !== null) forgetActiveHooks(this.ctx, pausedCommunity);
  }
}

/** Starts this process's delivery worker; main.ts stops it on shutdown. */
export function startWebhookWorker(ctx: AppContext, limits: DeliveryLimits = defaultLimits): DeliveryWorker {
  const worker = new DeliveryWorker(ctx, limits);
  worker.start();
  return worker;
}
