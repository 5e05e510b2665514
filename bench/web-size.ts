// Prints the JavaScript each web entry loads before the page can run: the entry script of its HTML, its
// modulepreloads and every chunk they import statically (lazy routes are left out), raw and gzip-compressed.
// Run after a build: `npx vite build apps/web && npx tsx bench/web-size.ts`.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const dist = path.resolve(import.meta.dirname, '../apps/web/dist');

/** Static imports of a built chunk: `import ... from "./x.js"` and bare `import "./x.js"`, not `import("./x.js")`. */
function staticImports(file: string): string[] {
  const code = fs.readFileSync(file, 'utf8');
  const out = new Set<string>();
  for (const m of code.matchAll(/(?:^|[;\s}])import\s*(?:[\w$*{}\s,]+from\s*)?["']([^"']+\.js)["']/g)) out.add(path.resolve(path.dirname(file), m[1]!));
  return [...out];
}

/** The JS an HTML page loads before anything lazy: its module scripts, its modulepreloads and what they import. */
export function firstLoad(html: string): string[] {
  const page = fs.readFileSync(path.join(dist, html), 'utf8');
  const queue = [...page.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => path.join(dist, m[1]!));
  const seen = new Set<string>();
  while (queue.length) {
    const f = queue.shift()!;
    if (seen.has(f)) continue;
    seen.add(f);
    queue.push(...staticImports(f));
  }
  return [...seen];
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
export function measure(files: string[]) {
  let raw = 0;
  let gz = 0;
  for (const f of files) {
    const b = fs.readFileSync(f);
    raw += b.length;
    gz += zlib.gzipSync(b, { level: 9 }).length;
  }
  return { raw, gz };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const html of ['index.html', 'h5.html']) {
    const files = firstLoad(html);
    const { raw, gz } = measure(files);
    console.log(`${html.padEnd(11)} first load: ${files.length} JS files, ${kb(raw)} raw, ${kb(gz)} gzip`);
    for (const f of files) console.log(`  ${path.basename(f).padEnd(40)} ${kb(measure([f]).gz)} gzip`);
  }
  const all = fs
    .readdirSync(path.join(dist, 'assets'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => path.join(dist, 'assets', f));
  const { raw, gz } = measure(all);
  console.log(`all JS: ${all.length} files, ${kb(raw)} raw, ${kb(gz)} gzip`);
}
