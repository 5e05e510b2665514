import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { passwordRule, type FirstAdminInput } from '@linli/contracts';
import type { AppContext } from '../../platform/context.js';
import type { Actor } from '../../platform/access/actor.js';
import { AppError, invalidField } from '../../platform/errors.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { hashPassword } from '../auth/index.js';
import * as repo from './first-admin.repository.js';

const tokenHashOf = (token: string) => crypto.createHash('sha256').update(token).digest('base64url');
export const setupTokenFile = (ctx: AppContext) => path.join(ctx.config.db.dataDir, 'setup-token');

/**
 * At start: while no account exists, issues a new one-time setup token (only its hash is stored, replacing any earlier
 * one), writes it to DATA_DIR/setup-token (readable by the owner only) and logs it. Once an account exists, clears both.
 * Returns the token, or null.
 */
export async function prepareFirstAdminSetup(ctx: AppContext): Promise<string | null> {
  if (await repo.hasAnyAccount(ctx.db)) {
    await repo.clearSetupTokens(ctx.db);
    fs.rmSync(setupTokenFile(ctx), { force: true });
    return null;
  }
  const token = crypto.randomBytes(24).toString('base64url');
  await ctx.db.transaction().execute((trx) => repo.replaceSetupToken(trx, tokenHashOf(token)));
  const file = setupTokenFile(ctx);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${token}\n`, { mode: 0o600 });
  ctx.log.warn({ file }, `No account exists yet. Open /setup in the console and enter the setup token ${token} to create the first system administrator.`);
  return token;
}

/** Whether the installation still waits for its first administrator. */
export async function isSetupNeeded(ctx: AppContext): Promise<boolean> {
  return !(await repo.hasAnyAccount(ctx.db));
}

/**
 * Creates the first system administrator: only while no account exists and only with the setup token printed at start.
 * The token rows are locked first, so two simultaneous attempts run one after the other and the second finds an account.
 */
export async function createFirstAdmin(ctx: AppContext, input: FirstAdminInput, meta: { requestId: string }): Promise<{ id: number; username: string }> {
  const rule = passwordRule(input.password, input.username);
  if (rule) throw invalidField('password', rule);
  const passwordHash = await hashPassword(input.password);
  const given = Buffer.from(tokenHashOf(input.setupToken));
  const created = await ctx.db.transaction().execute(async (trx) => {
    const hashes = await repo.lockSetupTokens(trx);
    if (await repo.hasAnyAccount(trx)) throw new AppError('INVALID_STATE', 'the first administrator already exists');
    if (!hashes.some((h) => h.length === given.length && crypto.timingSafeEqual(Buffer.from(h), given))) throw invalidField('setupToken', 'wrong_setup_token');
    const account = await repo.insertSystemAdmin(trx, { username: input.username, display_name: input.displayName, password_hash: passwordHash });
    await repo.clearSetupTokens(trx);
    await writeAudit(trx, { accountId: account.id, requestId: meta.requestId } as Actor, {
      communityId: null,
      action: 'account.first_admin_created',
      entityType: 'account',
      entityId: account.id,
      changes: { username: input.username, displayName: input.displayName, role: 'system_admin' },
    });
    return account;
  });
  fs.rmSync(setupTokenFile(ctx), { force: true });
  return created;
}
