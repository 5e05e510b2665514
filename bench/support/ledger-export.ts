// One ledger export in a fresh process, as the server would run it; prints {"ms","baseRssMb","peakRssMb"} on stdout.
// The bench's own process is no measure of memory: it has just generated the rows.
import { loadConfig } from '../../apps/api/src/config.js';
import { bootContext } from '../../apps/api/src/boot.js';
import { startLedgerExport } from '../../apps/api/src/modules/ledger/ledger.service.js';
import { runBackgroundJobs } from '../../apps/api/test/jobs.js';
import type { Actor } from '../../apps/api/src/platform/access/actor.js';

const actor = JSON.parse(process.env.BENCH_ACTOR ?? 'null') as Actor;
const { ctx, database } = await bootContext(loadConfig());
try {
  const baseRss = process.memoryUsage().rss;
  let peak = baseRss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const t0 = performance.now();
  const job = await startLedgerExport(ctx, actor, {});
  await runBackgroundJobs(ctx);
  const ms = performance.now() - t0;
  clearInterval(sampler);
  const done = await ctx.db.selectFrom('ledger_exports').select(['status', 'processed', 'error']).where('id', '=', job.id).executeTakeFirstOrThrow();
  if (done.status !== 'done') throw new Error(`export ${done.status}: ${done.error}`);
  console.log(JSON.stringify({ ms, processed: done.processed, baseRssMb: baseRss / 1048576, peakRssMb: peak / 1048576 }));
} finally {
  await database.close();
}
