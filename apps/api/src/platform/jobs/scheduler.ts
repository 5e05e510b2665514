import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { AppContext } from '../context.js';

/** A periodic task: SLA reminders, closing unrated tickets, webhook retries, missed check-ins. */
export interface PeriodicJob {
  name: string;
  everyMs: number;
  run(ctx: AppContext, now: Date): Promise<void>;
}

/**
 * Runs periodic jobs from a database lease, so several API processes on one PostgreSQL run each job once per period,
 * and the same code runs on PGlite. A process that dies holding a lease loses it when `locked_until` passes.
 */
export class Scheduler {
  private readonly owner = `${process.pid}-${crypto.randomBytes(4).toString('hex')}`;
  private readonly jobs: PeriodicJob[] = [];
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly ctx: AppContext,
    private readonly tickMs = 15_000,
  ) {}

  register(job: PeriodicJob): void {
    this.jobs.push(job);
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.tick(), this.tickMs);
    this.timer.unref();
    void this.tick();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** Runs every job whose period has passed and whose lease this process wins. Returns the names it ran. */
  async tick(now = new Date()): Promise<string[]> {
    if (this.running) return [];
    const ran: string[] = [];
    const work = (async () => {
      for (const job of this.jobs) {
        if (await this.acquire(job, now)) {
          ran.push(job.name);
          await this.runOne(job, now);
        }
      }
    })();
    this.running = work;
    try {
      await work;
    } finally {
      this.running = undefined;
    }
    return ran;
  }

  private async acquire(job: PeriodicJob, now: Date): Promise<boolean> {
    const { db } = this.ctx;
    await db
      .insertInto('job_leases')
      .values({ name: job.name })
      .onConflict((oc) => oc.column('name').doNothing())
      .execute();
    // The lease lasts one period: the job runs at most once per period, even if it crashed mid-way.
    const until = new Date(now.getTime() + job.everyMs);
    const won = await db
      .updateTable('job_leases')
      .set({ owner: this.owner, locked_until: until, last_started_at: now, run_count: sql`run_count + 1` })
      .where('name', '=', job.name)
      .where('locked_until', '<=', now)
      .returning('name')
      .executeTakeFirst();
    return won !== undefined;
  }

  private async runOne(job: PeriodicJob, now: Date): Promise<void> {
    let error: string | null = null;
    try {
      await job.run(this.ctx, now);
    } catch (err) {
      error = err instanceof Error ? err.message : String(err);
      this.ctx.log.error({ err, job: job.name }, 'periodic job failed');
    }
    await this.ctx.db
      .updateTable('job_leases')
      .set({ last_finished_at: new Date(), last_error: error })
      .where('name', '=', job.name)
      .where('owner', '=', this.owner)
      .execute();
  }
}
