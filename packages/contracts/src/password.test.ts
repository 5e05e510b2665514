import { describe, expect, it } from 'vitest';
import { formatFieldIssue } from './i18n.js';
import { commonPasswords } from './common-passwords.js';
import { changePasswordSchema } from './auth.js';
import { createAccountSchema, resetPasswordSchema } from './people.js';
import { passwordRule } from './password.js';

const rulesOf = (result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; params?: unknown }> } }) =>
  result.error?.issues.map((i) => `${i.path.join('.')}:${(i.params as { rule?: string } | undefined)?.rule ?? '?'}`) ?? [];

describe('password policy', () => {
  it('ships a few thousand common passwords, Chinese favourites included', () => {
    expect(commonPasswords.size).toBeGreaterThanOrEqual(3000);
    for (const p of ['12345678', '88888888', '1qaz2wsx', 'woaini1314', 'a123456789', 'qwertyuiop', '1qaz2wsx3edc']) expect(commonPasswords.has(p)).toBe(true);
  });

  it('refuses short, common, repetitive and username-bearing passwords', () => {
    expect(passwordRule('12345678')).toBe('password_too_short');
    expect(passwordRule('aaaaaaaa')).toBe('password_too_short');
    expect(passwordRule('a123456789')).toBe('password_common');
    expect(passwordRule('Woaini1314')).toBe('password_common');
    expect(passwordRule('1qaz2wsx3edc')).toBe('password_common');
    expect(passwordRule('aaaaaaaaaaaa')).toBe('password_common');
    expect(passwordRule('1212121212')).toBe('password_common');
    expect(passwordRule('wang.grid-2026', 'Wang.Grid')).toBe('password_contains_username');
    expect(passwordRule('wang.grid-2026', 'li.lei')).toBeNull();
    expect(passwordRule('granite-lantern-41')).toBeNull();
  });

  it('is the rule of every schema that sets a password', () => {
    expect(rulesOf(changePasswordSchema.safeParse({ currentPassword: 'x', newPassword: '12345678' }))).toEqual(['newPassword:password_too_short']);
    expect(rulesOf(resetPasswordSchema.safeParse({ newPassword: 'a123456789' }))).toEqual(['newPassword:password_common']);
    const base = { displayName: '王', role: 'volunteer' };
    expect(rulesOf(createAccountSchema.safeParse({ ...base, username: 'wanggrid', password: 'wanggrid-2026!' }))).toEqual([
      'password:password_contains_username',
    ]);
    expect(createAccountSchema.safeParse({ ...base, username: 'wanggrid', password: 'granite-lantern-41' }).success).toBe(true);
  });

  it('explains each refusal in both languages', () => {
    expect(formatFieldIssue('zh-CN', { field: 'password', rule: 'password_too_short' })).toBe('密码至少 10 位');
    expect(formatFieldIssue('zh-CN', { field: 'newPassword', rule: 'password_common' })).toBe('新密码太常见，请换一个');
    expect(formatFieldIssue('zh-CN', { field: 'password', rule: 'password_contains_username' })).toBe('密码不能包含用户名');
    expect(formatFieldIssue('en', { field: 'password', rule: 'password_common' })).toBe('Password is too common; please choose another');
  });
});
