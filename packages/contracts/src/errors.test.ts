import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorCodes, errorStatus } from './errors.js';
import { errorMessages, formatFieldIssue, locales } from './i18n.js';

describe('error codes', () => {
  it('docs/errors.md lists every code with its status, and nothing else', () => {
    const doc = fs.readFileSync(path.resolve(import.meta.dirname, '../../../docs/errors.md'), 'utf8');
    const rows = [...doc.matchAll(/^\| `([A-Z_]+)` +\| (\d{3}) +\|/gm)].map((m) => [m[1], Number(m[2])]);
    expect(rows).toEqual(errorCodes.map((c) => [c, errorStatus[c]]));
  });

  it('has a message in every locale for every code', () => {
    for (const locale of locales) for (const code of errorCodes) expect(errorMessages[locale][code]).toMatch(/\S/);
  });

  it('names the field in the user language', () => {
    expect(formatFieldIssue('zh-CN', { field: 'phone', rule: 'invalid_phone' })).toBe('手机号不是有效的手机号（11 位，以 1 开头）');
    expect(formatFieldIssue('en', { field: 'rows.3.name', rule: 'too_long', params: { max: 40 } })).toBe('Name must be at most 40 characters');
  });
});
