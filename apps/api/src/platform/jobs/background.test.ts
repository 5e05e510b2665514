import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCommunity, createTestEnv, type TestEnv } from '../../../test/harness.js';
import { JobRunner, defaultRunnerLimits, enqueueJob, findJobOf, type BackgroundJobKind } from './background.js';

describe('background jobs: rows any process can run, see and resume', () => {
  let env: TestEnv;
  let communityId: number;
  const ran: Array<{ subjectId: number; attempt: number }> = [];
  const failed: Array<{ subjectId: number; reason: string }> = [];
  let release: (() => void) | undefined;
  const kind: BackgroundJobKind = {
    kind: 'test.work',
    async run(_ctx, job) {
      ran.push({ subjectId: job.subjectId, attempt: job.attempt });
      if (job.subjectId === 13) throw new Error('bad data in row 13');
      if (job.subjectId === 20) {
        job.progress(5, 10);
        await new Promise<void>((r) => (release = r));
      }
      job.progress(10, 10);
      return { resultFile: `test/${job.subjectId}.txt` };
    },
    async fail(_ctx, job, reason) {
      failed.push({ subjectId: job.subjectId, reason });
    },
  };
  const queue = (subjectId: number, maxAttempts?: number) =>
    env.ctx.db.transaction().execute((trx) => enqueueJob(trx, { kind: kind.kind, subjectId, communityId, actorId: null, maxAttempts }));

  beforeAll(async () => {
    env = await createTestEnv();
    communityId = (await buildCommunity(env.ctx)).id;
  });
  afterAll(async () => env.close());

  it('runs a queued job to its end with its progress and result file, once', async () => {
    await queue(1);
    const runner = new JobRunner(env.ctx, [kind]);
    expect(await runner.drain()).toBe(1);
    expect(await findJobOf(env.ctx.db, kind.kind, 1)).toMatchObject({
      status: 'done',
      progress: 10,
      attempts: 1,
      result_file: 'test/1.txt',
      locked_by: null,
      error: null,
    });
    expect(await runner.drain()).toBe(0);
    expect(ran.filter((r) => r.subjectId === 1)).toEqual([{ subjectId: 1, attempt: 1 }]);
  });

  it('shows progress to everyone while it runs, and keeps a running job from a second runner', async () => {
    await queue(20);
    const a = new JobRunner(env.ctx, [kind], { ...defaultRunnerLimits, progressEveryMs: 0 });
    const b = new JobRunner(env.ctx, [kind]);
    expect(await a.poll()).toBe(1);
    await expect.poll(async () => (await findJobOf(env.ctx.db, kind.kind, 20))?.progress).toBe(5);
    expect(await findJobOf(env.ctx.db, kind.kind, 20)).toMatchObject({ status: 'running', total: 10 });
    expect(await b.poll()).toBe(0);
    release!();
    await a.stop();
    expect(await findJobOf(env.ctx.db, kind.kind, 20)).toMatchObject({ status: 'done', progress: 10 });
  });

  it('fails a job by its own error at once, with the reason, and tells its module', async () => {
    await queue(13);
    await new JobRunner(env.ctx, [kind]).drain();
    expect(await findJobOf(env.ctx.db, kind.kind, 13)).toMatchObject({ status: 'failed', attempts: 1, error: 'bad data in row 13' });
    expect(failed).toEqual([{ subjectId: 13, reason: 'bad data in row 13' }]);
  });

  it('resumes a job whose process died once its lease passed, and fails it with a reason when no attempt is left', async () => {
    const past = new Date(Date.now() - 1000);
    await queue(30);
    await queue(31, 2);
    // Both were claimed by a process that died: running, lease passed; 31 was on its last attempt.
    await env.ctx.db
      .updateTable('background_jobs')
      .set({ status: 'running', locked_by: 'dead-process', locked_until: past, attempts: 1 })
      .where('subject_id', '=', 30)
      .execute();
    await env.ctx.db
      .updateTable('background_jobs')
      .set({ status: 'running', locked_by: 'dead-process', locked_until: past, attempts: 2 })
      .where('subject_id', '=', 31)
      .execute();
    await new JobRunner(env.ctx, [kind]).drain();
    expect(ran.filter((r) => r.subjectId === 30)).toEqual([{ subjectId: 30, attempt: 2 }]);
    expect(await findJobOf(env.ctx.db, kind.kind, 30)).toMatchObject({ status: 'done', attempts: 2 });
    expect(ran.filter((r) => r.subjectId === 31)).toEqual([]);
    expect(await findJobOf(env.ctx.db, kind.kind, 31)).toMatchObject({ status: 'failed', error: 'the process running it stopped 2 time(s); no attempt left' });
    expect(failed.at(-1)).toEqual({ subjectId: 31, reason: 'the process running it stopped 2 time(s); no attempt left' });
  });

  it('leaves a job alone while its lease is alive, even when its process looks silent', async () => {
    await queue(40);
    await env.ctx.db
      .updateTable('background_jobs')
      .set({ status: 'running', locked_by: 'other-process', locked_until: new Date(Date.now() + 60_000), attempts: 1 })
      .where('subject_id', '=', 40)
      .execute();
    expect(await new JobRunner(env.ctx, [kind]).drain()).toBe(0);
    expect(await findJobOf(env.ctx.db, kind.kind, 40)).toMatchObject({ status: 'running', locked_by: 'other-process' });
  });
});
