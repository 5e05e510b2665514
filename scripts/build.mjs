// Builds what `npm start` serves: the API bundle (esbuild) and the web app (Vite), skipping what is up to date.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const root = path.resolve(import.meta.dirname, '..');
const newest = (dir) => {
  let t = 0;
  if (!fs.existsSync(dir)) return t;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name === 'dist') continue;
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
};
// The newest source time each output was built from; an edit made during a build is newer and rebuilds next time.
const stamp = (file) => {
  try {
    return JSON.parse(fs.readFileSync(`${file}.stamp`, 'utf8')).src;
  } catch {
    return 0;
  }
};
const writeStamp = (file, src) => fs.writeFileSync(`${file}.stamp`, JSON.stringify({ src }));
const contracts = newest(path.join(root, 'packages/contracts/src'));
const force = process.argv.includes('--force');

const apiOut = path.join(root, 'apps/api/dist/main.js');
const apiSrc = Math.max(newest(path.join(root, 'apps/api/src')), newest(path.join(root, 'apps/api/migrations')), contracts);
if (force || !fs.existsSync(apiOut) || stamp(apiOut) < apiSrc) {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'apps/api/package.json'), 'utf8'));
  const external = Object.keys(pkg.dependencies).filter((d) => !d.startsWith('@linli/'));
  await build({
    entryPoints: [path.join(root, 'apps/api/src/main.ts')],
    outfile: apiOut,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: true,
    external,
    logLevel: 'warning',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  writeStamp(apiOut, apiSrc);
  console.log('built apps/api/dist/main.js');
}

const webOut = path.join(root, 'apps/web/dist/index.html');
const webSrc = Math.max(newest(path.join(root, 'apps/web')), contracts);
if (fs.existsSync(path.join(root, 'apps/web/vite.config.ts')) && (force || !fs.existsSync(webOut) || stamp(webOut) < webSrc)) {
  execFileSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: path.join(root, 'apps/web'),
    stdio: 'inherit',
    // Always a production build: run from a test (NODE_ENV=test), vite would bundle React's development build.
    env: { ...process.env, NODE_ENV: 'production' },
  });
  const { files, raw, br } = precompress(path.join(root, 'apps/web/dist'));
  writeStamp(webOut, webSrc);
  console.log(`built apps/web/dist (${files} files precompressed: ${kb(raw)} KB → ${kb(br)} KB brotli)`);
}

// Brotli and gzip copies beside each text file, sent by the server as they are (ADR 0026): compressed once at
// build at the highest levels, never per request.
function precompress(dir) {
  const total = { files: 0, raw: 0, br: 0 };
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      const sub = precompress(p);
      for (const k of Object.keys(total)) total[k] += sub[k];
      continue;
    }
    if (!/\.(js|mjs|css|html|svg|json|txt)$/.test(e.name)) continue;
    const data = fs.readFileSync(p);
    if (data.length < 1024) continue;
    const br = zlib.brotliCompressSync(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length } });
    fs.writeFileSync(`${p}.br`, br);
    fs.writeFileSync(`${p}.gz`, zlib.gzipSync(data, { level: 9 }));
    total.files += 1;
    total.raw += data.length;
    total.br += br.length;
  }
  return total;
}
function kb(n) {
  return Math.round(n / 1024);
}
