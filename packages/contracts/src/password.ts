import { z } from 'zod';
import { commonPasswords } from './common-passwords.js';

export const PASSWORD_MIN_LENGTH = 10;

/**
 * The one password rule, used wherever a password is set (account creation, admin reset, change of one's own password,
 * the first administrator). Returns the failed field rule, or null. The username rule applies when a username is known.
 */
export function passwordRule(password: string, username?: string | null): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return 'password_too_short';
  const lower = password.toLowerCase();
  // A few repeated characters ("aaaaaaaaaa", "1212121212") are as guessable as the listed ones.
  if (commonPasswords.has(lower) || new Set(lower).size < 4) return 'password_common';
  const name = username?.trim().toLowerCase();
  if (name && name.length >= 3 && lower.includes(name)) return 'password_contains_username';
  return null;
}

/** A new password: at least 10 characters and not a common one. The username rule is added where it is known. */
export const passwordSchema = z
  .string()
  .max(128)
  .superRefine((value, ctx) => {
    const rule = passwordRule(value);
    if (rule) ctx.addIssue({ code: 'custom', message: rule, params: { rule } });
  });

/** Adds the "must not contain the username" rule to an object schema holding both fields. */
export function refinePasswordAgainstUsername<T extends { username: string; password: string }>(value: T, ctx: z.RefinementCtx): void {
  if (typeof value.password !== 'string' || typeof value.username !== 'string') return;
  if (passwordRule(value.password) === null && passwordRule(value.password, value.username) === 'password_contains_username') {
    ctx.addIssue({ code: 'custom', path: ['password'], message: 'password_contains_username', params: { rule: 'password_contains_username' } });
  }
}
