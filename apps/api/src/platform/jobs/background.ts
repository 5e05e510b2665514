import crypto from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { AppContext } from '../context.js';
import type { DB } from '../db/schema.js';
import * as repo from './background.repository.js';

/** What a running job knows of itself, and how it reports progress (never awaited: it cannot block the job's transaction). */
export interface RunningJob {
  id: number;
  subjectId: number;
  communityId: number | null;
  actorId: number | null;
  /** 1 on the first run; more when the job is resumed after its process died. */
  attempt: number;
  progress(done: number, total?: number): void;
}

/** One kind of background work: a module's import, export … The module keeps its own record (`subjectId`) of what the user asked for. */
export interface BackgroundJobKind {
  kind: string;
  /** Does the work; must be safe to run again from the start (a resumed job does). Answers a file under FILES_DIR, if any. */
  run(ctx: AppContext, job: RunningJob): Promise<{ resultFile?: string } | void>;
  /** The job failed for good (its error, or its process died on every attempt): close the module's record with the reason. */
  fail(ctx: AppContext, job: { subjectId: number; communityId: number | null }, reason: string): Promise<void>;
}

/** Queues a job in the caller's transaction, so the request that asks for it and the job commit together. */
export function enqueueJob(
  trx: Transaction<DB>,
  v: { kind: string; subjectId: number; communityId: number | null; actorId: number | null; total?: number | null; maxAttempts?: number },
) {
  return repo.insertJob(trx, v);
}

/** The job row of a module's record: status and progress as every process sees them. */
export function findJobOf(db: Kysely<DB>, kind: string, subjectId: number) {
  return repo.findJobOf(db, kind, subjectId);
}

export interface RunnerLimits {
  pollMs: number;
  /** Jobs at a time in this process. */
  concurrency: number;
  /** A lease not renewed for this long is taken as a dead process. */
  leaseMs: number;
  /** Progress is written at most this often per job. */
  progressEveryMs: number;
}

export const defaultRunnerLimits: RunnerLimits = { pollMs: 1000, concurrency: 2, leaseMs: 60_000, progressEveryMs: 500 };

/**
 * Runs background jobs from their database rows (ADR 0021). Every process runs one; a job is leased to one process,
 * which renews the lease while it works. A job whose process died is resumed by another process once its lease passes,
 * or failed with a reason when it has no attempt left.
 */
export class JobRunner {
  private readonly owner = `${process.pid}-${crypto.randomBytes(4).toString('hex')}`;
  private readonly kinds: Map<string, BackgroundJobKind>;
  private readonly active = new Map<number, Promise<void>>();
  private timer: NodeJS.Timeout | undefined;
  private heartbeat: NodeJS.Timeout | undefined;
  private isPolling = false;

  constructor(
    private readonly ctx: AppContext,
    kinds: BackgroundJobKind[],
    private readonly limits: RunnerLimits = defaultRunnerLimits,
  ) {
    this.kinds = new Map(kinds.map((k) => [k.kind, k]));
  }

  start(): void {
    if (this.timer) return;
    const log = (err: unknown) => this.ctx.log.error({ err }, 'background job poll failed');
    this.timer = setInterval(() => void this.poll().catch(log), this.limits.pollMs).unref();
    this.heartbeat = setInterval(() => void this.renewLeases().catch(log), this.limits.leaseMs / 4).unref();
    void this.poll().catch(log);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    clearInterval(this.heartbeat);
    this.timer = this.heartbeat = undefined;
    await Promise.allSettled([...this.active.values()]);
  }

  /** Fails abandoned jobs, claims what this process has room for and starts them; answers how many it started. */
  async poll(now = new Date()): Promise<number> {
    if (this.isPolling) return 0;
    this.isPolling = true;
    try {
      for (const row of await repo.failAbandonedJobs(this.ctx.db, now, [...this.active.keys()])) {
        this.ctx.log.error({ job: row.id, kind: row.kind }, 'background job abandoned');
        await this.kinds.get(row.kind)?.fail(this.ctx, { subjectId: row.subject_id, communityId: row.community_id }, row.error ?? 'abandoned');
      }
      const claimed = await repo.claimJobs(this.ctx.db, {
        kinds: [...this.kinds.keys()],
        owner: this.owner,
        now,
        until: new Date(now.getTime() + this.limits.leaseMs),
        limit: this.limits.concurrency - this.active.size,
        busyIds: [...this.active.keys()],
      });
      for (const row of claimed) {
        const work = this.runOne(row).finally(() => this.active.delete(row.id));
        this.active.set(row.id, work);
      }
      return claimed.length;
    } finally {
      this.isPolling = false;
    }
  }

  /** Runs jobs until none is left to claim (tests and one-shot runs); answers how many it ran. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const started = await this.poll();
      await Promise.allSettled([...this.active.values()]);
      if (started === 0 && this.active.size === 0) return total;
      total += started;
    }
  }

  private async renewLeases(): Promise<void> {
    const now = new Date();
    await repo.extendLeases(this.ctx.db, this.owner, [...this.active.keys()], now, new Date(now.getTime() + this.limits.leaseMs));
  }

  private async runOne(row: repo.BackgroundJobRow): Promise<void> {
    const kind = this.kinds.get(row.kind)!;
    let latest = row.progress;
    let total = row.total;
    let lastWrite = 0;
    let writing: Promise<unknown> = Promise.resolve();
    const job: RunningJob = {
      id: row.id,
      subjectId: row.subject_id,
      communityId: row.community_id,
      actorId: row.actor_id,
      attempt: row.attempts,
      progress: (done, all) => {
        latest = done;
        if (all !== undefined) total = all;
        const now = Date.now();
        if (now - lastWrite < this.limits.progressEveryMs) return;
        lastWrite = now;
        // Chained and not awaited: inside a job's long transaction on PGlite (one connection) an awaited write would wait forever.
        writing = writing
          .then(() => repo.recordProgress(this.ctx.db, row.id, this.owner, latest, total))
          .catch((err) => this.ctx.log.warn({ err, job: row.id }, 'progress not recorded'));
      },
    };
    let result: { resultFile?: string } | void;
    try {
      result = await kind.run(this.ctx, job);
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      this.ctx.log.error({ err, job: row.id, kind: row.kind }, 'background job failed');
      await writing;
      // A job that fails by its own error is not retried: the same data would fail the same way.
      if (await repo.finishJob(this.ctx.db, row.id, this.owner, { status: 'failed', error: reason.slice(0, 1000), now: new Date() })) {
        await kind.fail(this.ctx, { subjectId: row.subject_id, communityId: row.community_id }, reason);
      }
      return;
    }
    await writing;
    const finished = await repo.finishJob(this.ctx.db, row.id, this.owner, {
      status: 'done',
      resultFile: result?.resultFile ?? null,
      progress: latest,
      now: new Date(),
    });
    if (!finished) this.ctx.log.warn({ job: row.id }, 'background job finished after losing its lease');
  }
}

/** Starts this process's job runner; main.ts stops it on shutdown. */
export function startJobRunner(ctx: AppContext, kinds: BackgroundJobKind[], limits: RunnerLimits = defaultRunnerLimits): JobRunner {
  const runner = new JobRunner(ctx, kinds, limits);
  runner.start();
  return runner;
}
