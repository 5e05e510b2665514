// `npm run bench`: prints one JSON line per measure {"name","value","unit"}. Benchmarks never fail; they report.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { freePort, freshStorage, serverEntry } from '../e2e/support/server.js';

export interface Measure {
  name: string;
  value: number;
  unit: string;
}
const print = (m: Measure) => {
  if (Number.isFinite(m.value)) console.log(JSON.stringify(m));
};

/** Starts the built server, returns ms until /api/health answers and its RSS after it settles. */
async function startToHealthy(env: Record<string, string>): Promise<{ ms: number; rssMb: number }> {
  const port = await freePort();
  const t0 = performance.now();
  const proc = spawn(process.execPath, [serverEntry], {
    cwd: path.resolve(import.meta.dirname, '..'),
    env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: 'ignore',
  });
  try {
    for (;;) {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) break;
      } catch {
        /* not up yet */
      }
      if (proc.exitCode !== null) throw new Error('server exited');
      if (performance.now() - t0 > 180_000) throw new Error('server not healthy within 180 s');
      await new Promise((r) => setTimeout(r, 25));
    }
    const ms = performance.now() - t0;
    await new Promise((r) => setTimeout(r, 2000));
    // /proc is Linux only; elsewhere the memory measure is left out rather than guessed.
    const status = fs.existsSync(`/proc/${proc.pid}/status`) ? fs.readFileSync(`/proc/${proc.pid}/status`, 'utf8') : '';
    const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
    return { ms, rssMb: rssKb / 1024 };
  } finally {
    if (proc.exitCode === null && proc.signalCode === null) {
      const exited = new Promise((r) => proc.once('exit', r));
      proc.kill('SIGTERM');
      await exited;
    }
  }
}

async function startupBench(): Promise<Measure[]> {
  // Fresh storage per case: a temp DATA_DIR (PGlite) or a fresh database when DATABASE_URL is set, never the shared one.
  const engine = process.env.DATABASE_URL ? 'postgresql' : 'pglite';
  const out: Measure[] = [];
  const empty = await freshStorage();
  try {
    const a = await startToHealthy({ ...empty.env, LINLI_DEMO: '0' });
    out.push({ name: `startup_to_healthy_empty_first_${engine}`, value: Math.round(a.ms), unit: 'ms' });
    out.push({ name: `memory_rss_at_rest_empty_${engine}`, value: Math.round(a.rssMb), unit: 'MB' });
  } finally {
    await empty.dispose();
  }
  const demo = await freshStorage();
  try {
    const b = await startToHealthy({ ...demo.env, LINLI_DEMO: '1' });
    out.push({ name: `startup_to_healthy_demo_first_${engine}`, value: Math.round(b.ms), unit: 'ms' });
    const c = await startToHealthy({ ...demo.env, LINLI_DEMO: '1' });
    out.push({ name: `startup_to_healthy_demo_warm_${engine}`, value: Math.round(c.ms), unit: 'ms' });
    out.push({ name: `memory_rss_at_rest_demo_${engine}`, value: Math.round(c.rssMb), unit: 'MB' });
  } finally {
    await demo.dispose();
  }
  return out;
}

const only = process.argv[2];
const benches: Array<[string, () => Promise<Measure[]>]> = [['startup', startupBench]];
for (const file of fs
  .readdirSync(import.meta.dirname)
  .filter((f) => f.endsWith('.bench.ts'))
  .sort()) {
  benches.push([file.replace('.bench.ts', ''), async () => ((await import(`./${file}`)) as { run(): Promise<Measure[]> }).run()]);
}
for (const [name, bench] of benches) {
  if (only && name !== only) continue;
  try {
    for (const m of await bench()) print(m);
  } catch (err) {
    console.error(`bench ${name} failed: ${err instanceof Error ? err.stack : String(err)}`);
  }
}
