import { loadConfig } from './config.js';
import { bootContext } from './boot.js';
import { buildApp } from './app.js';
import { seedDemo } from './demo/seed.js';
import { Scheduler } from './platform/jobs/scheduler.js';
import { startJobRunner } from './platform/jobs/background.js';
import { startOutboxDispatcher } from './platform/outbox/dispatcher.js';
import { prepareFirstAdminSetup } from './modules/people/index.js';
import { moduleBackgroundJobs, moduleJobs, moduleSubscribers, moduleWorkers } from './modules/index.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const { ctx, database } = await bootContext(config);
  if (config.demo) await seedDemo(ctx);
  await prepareFirstAdminSetup(ctx);
  const app = await buildApp(ctx);
  for (const subscribe of moduleSubscribers) subscribe(ctx);
  const scheduler = new Scheduler(ctx);
  for (const job of moduleJobs) scheduler.register(job);
  let closing = false;
  let workers: Array<{ stop(): Promise<void> }> = [];
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    ctx.log.info({ signal }, 'shutting down');
    await scheduler.stop();
    await Promise.all(workers.map((w) => w.stop()));
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.http.port, host: config.http.host });
  // LINLI_WORKERS=0: this process only serves HTTP; what it queues (events, jobs, deliveries) is run by the others.
  if (config.runWorkers) {
    scheduler.start();
    workers = [startOutboxDispatcher(ctx), startJobRunner(ctx, moduleBackgroundJobs), ...moduleWorkers.map((start) => start(ctx))];
  }
  ctx.log.info({ database: ctx.engine, port: config.http.port, workers: config.runWorkers }, 'Linli is ready');
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
