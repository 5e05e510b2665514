import { describe, expect, it } from 'vitest';
import { dateSchema, dateTimeSchema, hasForbiddenCharacter } from './hygiene.js';
import { toFieldIssue } from './common.js';
import { formatFieldIssue } from './i18n.js';

describe('text and date hygiene', () => {
  it('refuses C0 controls, DEL and lone surrogates, and keeps tab, LF, CR and pairs', () => {
    for (const bad of ['\u0000', 'a\u0008', '\u000b', '\u000c', '\u001f', '\u007f', '\ud800', 'x\udc00', '\ud83dx'])
      expect(hasForbiddenCharacter(bad), JSON.stringify(bad)).toBe(true);
    for (const good of ['\t\n\r', '邻里', '\u{1F600}', '\u0080', '\ufffd', '']) expect(hasForbiddenCharacter(good), JSON.stringify(good)).toBe(false);
  });

  it('bounds dates to what a community record holds and names the range', () => {
    expect(dateSchema.safeParse('2026-12-01').success).toBe(true);
    for (const bad of ['0000-01-01', '9999-99-99', '1899-12-31', '2200-01-01', '2026-02-30']) expect(dateSchema.safeParse(bad).success, bad).toBe(false);
    expect(dateTimeSchema.safeParse('2026-12-01T08:00:00+08:00').success).toBe(true);
    expect(dateTimeSchema.safeParse('0000-01-01T00:00:00Z').success).toBe(false);
    const issue = toFieldIssue(dateSchema.safeParse('0000-01-01').error!.issues[0]! as Parameters<typeof toFieldIssue>[0]);
    expect(formatFieldIssue('zh-CN', { ...issue, field: 'from' })).toBe('开始日期须在 1900-01-01 至 2199-12-31 之间');
    expect(formatFieldIssue('en', { ...issue, field: 'birthDate' })).toBe('Date of birth must be between 1900-01-01 and 2199-12-31');
  });
});
