import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { permissions, roles } from '@linli/contracts';
import { renderPermissionsDoc } from './permissions-doc.js';

const docPath = path.resolve(import.meta.dirname, '../../../../../docs/permissions.md');

describe('docs/permissions.md', () => {
  it('is what the permission table generates (run node scripts/permissions-doc.mjs after changing access.ts)', () => {
    expect(fs.readFileSync(docPath, 'utf8')).toBe(renderPermissionsDoc());
  });

  it('has one row per permission with a mark exactly where the table grants it', () => {
    const rows = [...renderPermissionsDoc().matchAll(/^\| `([a-zA-Z0-9.]+)` \|(.*)\|$/gm)];
    expect(rows.map((m) => m[1])).toEqual(Object.keys(permissions));
    for (const [, perm, cells] of rows) {
      const granted = cells!
        .split('|')
        .map((c, i) => (c.trim() === '✓' ? roles[i] : null))
        .filter(Boolean);
      expect(granted).toEqual(roles.filter((r) => (permissions[perm as keyof typeof permissions] as readonly string[]).includes(r)));
    }
  });
});
