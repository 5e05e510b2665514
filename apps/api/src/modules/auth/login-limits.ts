import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { AppContext } from '../../platform/context.js';
import { limitAddressOf } from '../../platform/limits/client-address.js';
import { assertNotLocked, clearLimits, findLocks, recordFailure, type LockPolicy } from '../../platform/limits/limits.js';

/**
 * Login limits (ADR 0011): a growing lock per address after LOGIN_RATE_LIMIT failures on any accounts, and per account
 * after LOGIN_ACCOUNT_LOCK_AFTER failures from any addresses. Only failures count; a success clears the account's
 * counter (never the address's, or an attacker could reset it by logging in to an account of their own).
 */
const FORGET_MS = 15 * 60_000;

export const accountLimitKey = (accountId: number) => `login:account:${accountId}`;
const unknownLoginKey = (login: string) => `login:unknown:${crypto.createHash('sha256').update(login.trim().toLowerCase()).digest('base64url')}`;
const addressKey = (ip: string) => `login:address:${limitAddressOf(ip)}`;

function policy(ctx: AppContext, lockAfter: number): LockPolicy {
  const l = ctx.config.limits.login;
  return { lockAfter, lockMs: l.lockMinutes * 60_000, maxLockMs: Math.max(l.lockMinutes, l.lockMaxMinutes) * 60_000, forgetMs: FORGET_MS };
}

/** The limit key of a login: the account's when it exists, else the typed login's (so unknown logins behave alike). */
export const loginLimitKey = (accountId: number | undefined, login: string) => (accountId !== undefined ? accountLimitKey(accountId) : unknownLoginKey(login));

/** Throws RATE_LIMITED (with the retry time) while the account or the address is locked, whatever the password. */
export function assertLoginUnlocked(ctx: AppContext, key: string, ip: string): Promise<void> {
  return assertNotLocked(ctx.db, [key, addressKey(ip)]);
}

export async function recordLoginFailure(ctx: AppContext, key: string, ip: string): Promise<void> {
  const l = ctx.config.limits.login;
  await recordFailure(ctx.db, key, policy(ctx, l.accountLockAfter));
  await recordFailure(ctx.db, addressKey(ip), policy(ctx, l.addressLockAfter));
}

export async function recordLoginSuccess(ctx: AppContext, key: string): Promise<void> {
  await clearLimits(ctx.db, [key]);
}

/** When each of these accounts is locked until (locked accounts only). */
export async function accountLocks(ctx: AppContext, accountIds: number[]): Promise<Map<number, Date>> {
  const locks = await findLocks(ctx.db, accountIds.map(accountLimitKey));
  return new Map(accountIds.filter((id) => locks.has(accountLimitKey(id))).map((id) => [id, locks.get(accountLimitKey(id))!]));
}

/** Clears an account's failures and lock (inside the caller's transaction). Returns whether there was anything to clear. */
export async function unlockAccount(db: Kysely<DB>, accountId: number): Promise<boolean> {
  return (await clearLimits(db, [accountLimitKey(accountId)])) > 0;
}
