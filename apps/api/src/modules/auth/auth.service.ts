import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { hash, verify } from '@node-rs/argon2';
import { passwordRule, type ChangePasswordInput, type LoginInput, type Me, type Role } from '@linli/contracts';
import type { AppContext } from '../../platform/context.js';
import type { Actor } from '../../platform/access/actor.js';
import { AppError, invalidField } from '../../platform/errors.js';
import { writeAudit } from '../../platform/audit/audit.js';
import * as repo from './auth.repository.js';
import * as people from '../people/index.js';
import * as places from '../places/index.js';
import * as orgs from '../orgs/index.js';
import { assertLoginUnlocked, loginLimitKey, recordLoginFailure, recordLoginSuccess } from './login-limits.js';

export const SESSION_COOKIE = 'linli_sid';

/** argon2id with OWASP's minimum (19 MiB, 2 passes). */
export function hashPassword(password: string): Promise<string> {
  return hash(password, { memoryCost: 19456, timeCost: 2, parallelism: 1 });
}

const sessionIdOf = (token: string) => crypto.createHash('sha256').update(token).digest('base64url');

// A dummy hash so that an unknown login costs as much time as a wrong password.
let dummyHash: Promise<string> | undefined;

/** Checks the password and opens a session; the token goes into an http-only cookie. Limited per address and per account (ADR 0011). */
export async function login(ctx: AppContext, input: LoginInput, meta: { ip: string; userAgent?: string; requestId: string }) {
  const account = await people.findLoginAccount(ctx.db, input.login, ctx.pii.hash(input.login));
  const limitKey = loginLimitKey(account?.id, input.login);
  await assertLoginUnlocked(ctx, limitKey, meta.ip);
  if (!account) {
    dummyHash ??= hashPassword('linli-dummy-password');
    await verify(await dummyHash, input.password).catch(() => false);
    await recordLoginFailure(ctx, limitKey, meta.ip);
    throw new AppError('INVALID_CREDENTIALS', 'invalid credentials');
  }
  if (!(await verify(account.password_hash, input.password))) {
    await recordLoginFailure(ctx, limitKey, meta.ip);
    throw new AppError('INVALID_CREDENTIALS', 'invalid credentials');
  }
  await recordLoginSuccess(ctx, limitKey);
  const token = crypto.randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + ctx.config.sessionTtlHours * 3600_000);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertSession(trx, { id: sessionIdOf(token), accountId: account.id, expiresAt, ip: meta.ip, userAgent: meta.userAgent ?? null });
    await writeAudit(trx, { accountId: account.id, requestId: meta.requestId } as Actor, {
      communityId: account.community_id,
      action: 'session.login',
      entityType: 'account',
      entityId: account.id,
    });
  });
  return { token, expiresAt };
}

/** One round trip to the database, for the health check. */
export async function checkDatabase(ctx: AppContext): Promise<void> {
  await repo.pingDatabase(ctx.db);
}

export async function logout(ctx: AppContext, token: string | undefined): Promise<void> {
  if (!token) return;
  await repo.revokeSession(ctx.db, sessionIdOf(token));
}

/** The actor behind a session cookie, or null. */
export async function authenticate(ctx: AppContext, token: string | undefined, requestId: string, locale: Actor['locale']): Promise<Actor | null> {
  if (!token) return null;
  const session = await repo.findOpenSession(ctx.db, sessionIdOf(token));
  if (!session) return null;
  const row = await people.findActiveAccount(ctx.db, session.account_id);
  if (!row) return null;
  const role = row.role as Role;
  const community = row.community_id != null ? (await places.communityRefs(ctx.db, [row.community_id])).get(row.community_id) : undefined;
  let scope: Actor['scope'];
  if (role === 'system_admin') scope = 'all';
  else if (role === 'subdistrict_admin' && row.subdistrict_id != null) scope = await places.communityIdsOfSubdistrict(ctx.db, row.subdistrict_id);
  // A department's contact reaches the communities its organisation serves, and there only what was escalated to it.
  else if (role === 'department_contact') scope = row.organisation_id != null ? await orgs.communitiesServedBy(ctx.db, row.organisation_id) : [];
  else scope = row.community_id != null ? [row.community_id] : [];
  return {
    accountId: row.id,
    role,
    displayName: row.display_name,
    communityId: row.community_id,
    subdistrictId: row.subdistrict_id ?? community?.subdistrict_id ?? null,
    scope,
    organisationId: row.organisation_id ?? null,
    requestId,
    locale,
  };
}

export async function getMe(ctx: AppContext, actor: Actor): Promise<Me> {
  const account = await people.findActiveAccount(ctx.db, actor.accountId);
  if (!account) throw new AppError('UNAUTHENTICATED', 'not logged in');
  const community = account.community_id != null ? (await places.communityRefs(ctx.db, [account.community_id])).get(account.community_id) : undefined;
  const subdistrict = actor.subdistrictId != null ? await places.findSubdistrictRef(ctx.db, actor.subdistrictId) : undefined;
  return {
    id: account.id,
    username: account.username,
    displayName: account.display_name,
    role: account.role as Role,
    communityId: account.community_id,
    communityName: community?.name ?? null,
    subdistrictId: actor.subdistrictId,
    subdistrictName: subdistrict?.name ?? null,
    organisationId: actor.organisationId ?? null,
    locale: account.locale === 'en' ? 'en' : 'zh-CN',
  };
}

/** Changes the actor's password and ends their other sessions. */
export async function changePassword(ctx: AppContext, actor: Actor, input: ChangePasswordInput, keepToken: string | undefined) {
  const account = await people.findPasswordOf(ctx.db, actor.accountId);
  if (!(await verify(account.password_hash, input.currentPassword))) throw invalidField('currentPassword', 'wrong_password');
  const rule = passwordRule(input.newPassword, account.username);
  if (rule) throw invalidField('newPassword', rule);
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction().execute(async (trx) => {
    await people.setPasswordHash(trx, actor.accountId, passwordHash);
    await repo.revokeOtherSessions(trx, actor.accountId, keepToken === undefined ? undefined : sessionIdOf(keepToken));
    await writeAudit(trx, actor, { communityId: actor.communityId, action: 'account.password_changed', entityType: 'account', entityId: actor.accountId });
  });
}

/** Ends every open session of an account (deactivated, or its password reset), in the caller's transaction. */
export async function revokeAccountSessions(db: Kysely<DB>, accountId: number, at: Date): Promise<void> {
  await repo.revokeOtherSessions(db, accountId, undefined, at);
}
