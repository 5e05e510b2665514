// `npm test`: lint (ESLint + Prettier), type-check, service and route tests, then the browser journeys.
// The engine is PGlite, or the PostgreSQL server named by DATABASE_URL.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const bin = (name) => path.join(root, 'node_modules/.bin', name);
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: process.env });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
console.log(`linli tests on ${process.env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : 'PGlite (embedded)'}`);
// The caches (node_modules/.cache) make a second run take seconds; CI starts without them.
run(bin('eslint'), ['--cache', '--cache-location', 'node_modules/.cache/eslint/', '.']);
run(bin('prettier'), ['--check', '--cache', '--log-level', 'warn', '**/*.{ts,tsx,js,mjs,css}']);
run(bin('tsc'), ['-p', 'apps/api', '--noEmit']);
run(bin('tsc'), ['-p', 'apps/web', '--noEmit']);
run(bin('tsc'), ['-p', 'e2e', '--noEmit']);
run(process.execPath, ['scripts/build.mjs']);
run(bin('vitest'), ['run', ...process.argv.slice(2)]);
