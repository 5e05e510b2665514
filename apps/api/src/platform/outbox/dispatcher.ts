import crypto from 'node:crypto';
import type { AppContext } from '../context.js';
import type { PeriodicJob } from '../jobs/scheduler.js';
import * as repo from './outbox.repository.js';

export interface DispatchLimits {
  /** How often an idle dispatcher looks for new events. */
  pollMs: number;
  /** Events claimed per poll. */
  batch: number;
  /** How long a claim lasts: an event whose process died is claimable again after this. */
  leaseMs: number;
  /** Attempts before an event is set aside as dead (kept for an operator, logged). */
  maxAttempts: number;
}

export const defaultDispatchLimits: DispatchLimits = { pollMs: 250, batch: 50, leaseMs: 60_000, maxAttempts: 15 };

/** Seconds before the next attempt: 1, 2, 4 … capped at an hour. */
export const retryDelaySeconds = (attempts: number) => Math.min(3600, 2 ** Math.max(0, attempts - 1));

/**
 * Delivers outbox events to their subscribers (ADR 0020). Every process runs one; they share the work through row
 * leases, so each event is handled by one process at a time, in id order within a claim. At least once: a subscriber
 * that fails is retried with backoff, and only the subscribers that have not yet succeeded are called again.
 */
export class OutboxDispatcher {
  private readonly owner = `${process.pid}-${crypto.randomBytes(4).toString('hex')}`;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;

  constructor(
    private readonly ctx: AppContext,
    private readonly limits: DispatchLimits = defaultDispatchLimits,
  ) {}

  start(): void {
    if (this.timer) return;
    const loop = async () => {
      try {
        // A full batch means more are waiting: go on at once instead of waiting a poll.
        while ((await this.poll()) === this.limits.batch && this.timer);
      } catch (err) {
        this.ctx.log.error({ err }, 'outbox dispatch failed');
      }
      if (this.timer) this.timer = setTimeout(loop, this.limits.pollMs).unref();
    };
    this.timer = setTimeout(loop, 0).unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
  }

  /** Claims due events and dispatches them one by one; answers how many it claimed. */
  async poll(now = new Date()): Promise<number> {
    if (this.running) return 0;
    this.running = this.dispatchDue(now);
    try {
      return await this.running;
    } finally {
      this.running = undefined;
    }
  }

  /** Polls until nothing is due (for tests and one-shot runs); answers how many events it handled. */
  async drain(now = new Date()): Promise<number> {
    let total = 0;
    for (let n = await this.poll(now); n > 0; n = await this.poll(now)) total += n;
    return total;
  }

  private async dispatchDue(now: Date): Promise<number> {
    const claimed = await repo.claimDueEvents(this.ctx.db, this.owner, now, new Date(now.getTime() + this.limits.leaseMs), this.limits.batch);
    for (const e of claimed) await this.dispatchOne(e);
    return claimed.length;
  }

  private async dispatchOne(e: repo.ClaimedEvent): Promise<void> {
    const done = [...e.done_subscribers];
    const errors: string[] = [];
    for (const { subscriber, handle } of this.ctx.events.subscribersOf(e.name)) {
      if (done.includes(subscriber)) continue;
      try {
        await handle(e.payload as never, { outboxId: e.id, occurredAt: new Date(e.created_at) });
        done.push(subscriber);
      } catch (err) {
        errors.push(`${subscriber}: ${err instanceof Error ? err.message : String(err)}`);
        this.ctx.log.warn({ err, event: e.name, outboxId: e.id, subscriber }, 'event subscriber failed');
      }
    }
    const now = new Date();
    if (errors.length === 0) {
      await repo.markDispatched(this.ctx.db, e.id, this.owner, done, now);
      return;
    }
    const attempts = e.attempts + 1;
    const isDead = attempts >= this.limits.maxAttempts;
    if (isDead) this.ctx.log.error({ event: e.name, outboxId: e.id, attempts, errors }, 'event set aside after its last attempt');
    await repo.markAttemptFailed(this.ctx.db, e.id, this.owner, {
      done,
      attempts,
      error: errors.join('; ').slice(0, 1000),
      now,
      retryAt: isDead ? null : new Date(now.getTime() + retryDelaySeconds(attempts) * 1000),
    });
  }
}

/** Starts this process's dispatcher; main.ts stops it on shutdown. */
export function startOutboxDispatcher(ctx: AppContext, limits: DispatchLimits = defaultDispatchLimits): OutboxDispatcher {
  const d = new OutboxDispatcher(ctx, limits);
  d.start();
  return d;
}

const KEEP_DISPATCHED_DAYS = 7;

/** Daily, on one process (the lease scheduler): dispatched events older than a week are deleted. */
export const outboxPurgeJob: PeriodicJob = {
  name: 'outbox.purge',
  everyMs: 24 * 3600_000,
  async run(ctx, now) {
    await repo.purgeDispatched(ctx.db, new Date(now.getTime() - KEEP_DISPATCHED_DAYS * 24 * 3600_000));
  },
};
