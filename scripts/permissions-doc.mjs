// Writes docs/permissions.md from the permission table in packages/contracts/src/access.ts.
// `node scripts/permissions-doc.mjs` writes the file; `--check` exits 1 when the file is out of date.
import fs from 'node:fs';
import path from 'node:path';
import { tsImport } from 'tsx/esm/api';

const root = path.resolve(import.meta.dirname, '..');
const target = path.join(root, 'docs/permissions.md');
const { renderPermissionsDoc } = await tsImport('../apps/api/src/modules/people/permissions-doc.ts', import.meta.url);
const text = renderPermissionsDoc();

if (process.argv.includes('--check')) {
  const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
  if (current !== text) {
    console.error('docs/permissions.md is out of date: run node scripts/permissions-doc.mjs');
    process.exit(1);
  }
  console.log('docs/permissions.md is up to date');
} else {
  fs.writeFileSync(target, text);
  console.log(`wrote ${path.relative(root, target)}`);
}
