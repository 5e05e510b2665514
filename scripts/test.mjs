// `npm test`: lint (ESLint + Prettier), type-check, service and route tests, then the browser journeys.
// The engine is PGlite, or the PostgreSQL server named by DATABASE_URL.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const bin = (name) => path.join(root, 'node_modules/.bin', name);
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: process.env });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
/** Runs commands at once; each one's output is printed whole when it ends; exits if any failed. */
async function runAll(commands) {
  const codes = await Promise.all(
    commands.map(
      ([cmd, args]) =>
        new Promise((resolve) => {
          const child = spawn(cmd, args, { cwd: root, env: process.env });
          const out = [];
          child.stdout.on('data', (d) => out.push(d));
          child.stderr.on('data', (d) => out.push(d));
          child.on('close', (code) => {
            process.stdout.write(Buffer.concat(out));
            resolve(code ?? 1);
          });
        }),
    ),
  );
  const failed = codes.find((c) => c !== 0);
  if (failed !== undefined) process.exit(failed);
}
console.log(`linli tests on ${process.env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : 'PGlite (embedded)'}`);
// The caches (node_modules/.cache) make a second run take seconds; CI starts without them.
run(bin('eslint'), ['--cache', '--cache-location', 'node_modules/.cache/eslint/', '.']);
run(bin('prettier'), ['--check', '--cache', '--log-level', 'warn', '**/*.{ts,tsx,js,mjs,css}']);
// The three type-checks side by side, each remembering what it checked (so CI's second run takes seconds).
await runAll(
  ['api', 'web', 'e2e'].map((name) => [
    bin('tsc'),
    ['-p', name === 'e2e' ? 'e2e' : `apps/${name}`, '--noEmit', '--incremental', '--tsBuildInfoFile', `node_modules/.cache/tsc/${name}.tsbuildinfo`],
  ]),
);
run(process.execPath, ['scripts/build.mjs']);
run(bin('vitest'), ['run', ...process.argv.slice(2)]);
