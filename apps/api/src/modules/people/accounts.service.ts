import {
  passwordRule,
  type Account,
  type AccountListQuery,
  type CreateAccountInput,
  type Page,
  type ResetPasswordInput,
  type UpdateAccountInput,
} from '@linli/contracts';
import type { AppContext } from '../../platform/context.js';
import { authorize, canSeeCommunity, resolveCommunityId, scopeIds, type Actor } from '../../platform/access/actor.js';
import { AppError, forbidden, invalidField, notFound } from '../../platform/errors.js';
import { diff, writeAudit } from '../../platform/audit/audit.js';
import { maskPhone } from '../../platform/crypto/pii.js';
import { accountLocks, hashPassword, revokeAccountSessions, unlockAccount as clearAccountLock } from '../auth/index.js';
import * as places from '../places/index.js';
import * as orgs from '../orgs/index.js';
import * as repo from './accounts.repository.js';
import { presentAccount } from './people.presenter.js';
import { canAssignRole, isSelfLockout, placeAccount } from './account-rules.js';
import { uniqueAs } from '../../platform/errors.js';

/** Accounts a caller sees: a system admin all, a subdistrict admin those of their subdistrict, a secretary those of her community. */
function accountScope(actor: Actor): repo.AccountScope {
  return { communityIds: scopeIds(actor), subdistrictId: actor.role === 'subdistrict_admin' ? actor.subdistrictId : null };
}

export async function listAccounts(ctx: AppContext, actor: Actor, query: AccountListQuery): Promise<Page<Account>> {
  authorize(actor, 'accounts.read');
  if (query.communityId !== undefined && !canSeeCommunity(actor, query.communityId)) throw notFound('community');
  const q = query.q?.trim() || undefined;
  const { total, rows } = await repo.listAccounts(
    ctx.db,
    accountScope(actor),
    {
      communityId: query.communityId,
      role: query.role,
      isActive: query.isActive === undefined ? undefined : query.isActive === 'true',
      q,
      phoneHash: q && /^1\d{10}$/.test(q) ? ctx.pii.hash(q) : undefined,
    },
    { offset: (query.page - 1) * query.pageSize, limit: query.pageSize, sort: query.sort, order: query.order },
  );
  const locks = await accountLocks(
    ctx,
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => presentAccount(r, locks.get(r.id))), total, page: query.page, pageSize: query.pageSize };
}

async function getAccount(ctx: AppContext, actor: Actor, id: number) {
  const row = await repo.findAccount(ctx.db, accountScope(actor), id);
  if (!row) throw notFound('account');
  return row;
}

/**
 * Creates a login. A secretary creates community roles in her own community only; a system admin creates any role
 * anywhere. The password is stored as an argon2id hash, the phone encrypted (it is also a login name).
 */
export async function createAccount(ctx: AppContext, actor: Actor, input: CreateAccountInput): Promise<Account> {
  authorize(actor, 'accounts.manage');
  if (!canAssignRole(actor.role, input.role)) throw forbidden(`role ${actor.role} may not create ${input.role}`);
  let communityId: number | null = null;
  let subdistrictId = input.subdistrictId ?? null;
  if (input.role !== 'system_admin' && input.role !== 'subdistrict_admin' && input.role !== 'department_contact') {
    communityId = actor.role === 'system_admin' ? (input.communityId ?? null) : resolveCommunityId(actor, input.communityId);
  }
  if (input.communityId != null) {
    const community = (await places.communityRefs(ctx.db, [input.communityId])).get(input.communityId);
    if (!community || !canSeeCommunity(actor, community.id)) throw invalidField('communityId', 'not_found');
    if (input.role === 'subdistrict_admin') subdistrictId ??= community.subdistrict_id;
  }
  if (subdistrictId != null && !(await places.findSubdistrictRef(ctx.db, subdistrictId))) throw invalidField('subdistrictId', 'not_found');
  const placement = placeAccount(input.role, { communityId, subdistrictId });
  if ('missing' in placement) throw invalidField(placement.missing, 'required');

  const organisationId = await contactOrganisation(ctx, input.role, input.organisationId ?? null, placement.communityId);
  const rule = passwordRule(input.password, input.username);
  if (rule) throw invalidField('password', rule);
  if (await repo.findAccountIdByUsername(ctx.db, input.username)) throw taken('username');
  const phone = ctx.pii.seal(input.phone ?? null, maskPhone);
  if (phone.hash && (await repo.findAccountIdByPhoneHash(ctx.db, phone.hash))) throw taken('phone');
  const passwordHash = await hashPassword(input.password);

  const id = await ctx.db.transaction().execute(async (trx) => {
    const row = await repo
      .insertAccount(trx, placement.communityId, {
        username: input.username,
        display_name: input.displayName,
        role: input.role,
        password_hash: passwordHash,
        subdistrict_id: placement.subdistrictId,
        organisation_id: organisationId,
        phone_enc: phone.enc,
        phone_masked: phone.masked,
        phone_hash: phone.hash,
      })
      .catch(uniqueAs('username'));
    await writeAudit(trx, actor, {
      communityId: placement.communityId,
      action: 'account.created',
      entityType: 'account',
      entityId: row.id,
      changes: { username: input.username, displayName: input.displayName, role: input.role, phone: phone.masked, ...placement, organisationId },
    });
    return row.id;
  });
  return presentAccount(await getAccount(ctx, actor, id));
}

/**
 * A contact account belongs to exactly one organisation (ADR 0027): a department's contact to a department or a
 * subdistrict office, a partner contact to a property company or partner unit of its own community. Others have none.
 */
async function contactOrganisation(ctx: AppContext, role: CreateAccountInput['role'], organisationId: number | null, communityId: number | null) {
  if (role !== 'department_contact' && role !== 'partner_contact') return null;
  if (organisationId == null) throw invalidField('organisationId', 'required');
  const org = (await orgs.organisationsByIds(ctx.db, [organisationId])).get(organisationId);
  const fits =
    org &&
    !org.archived_at &&
    (role === 'department_contact'
      ? org.kind === 'department' || org.kind === 'subdistrict_office'
      : (org.kind === 'property_company' || org.kind === 'partner_unit') && org.community_id === communityId);
  if (!fits) throw invalidField('organisationId', 'not_found');
  return organisationId;
}

const taken = (field: string) => new AppError('CONFLICT', `${field} taken`, { fields: [{ field, rule: 'taken' }] });

/** Renames, re-roles, deactivates or reactivates an account. Deactivating ends its sessions. */
export async function updateAccount(ctx: AppContext, actor: Actor, id: number, input: UpdateAccountInput): Promise<Account> {
  authorize(actor, 'accounts.manage');
  const before = presentAccount(await getAccount(ctx, actor, id));
  // A secretary sees no platform account (they sit in no community), so this guards a system admin's own rules only.
  if (!canAssignRole(actor.role, before.role)) throw notFound('account');
  if (input.role !== undefined && !canAssignRole(actor.role, input.role)) throw forbidden(`role ${actor.role} may not grant ${input.role}`);
  if (isSelfLockout(actor.accountId, id, input, before.role)) throw forbidden('may not deactivate or re-role oneself');

  let placement: { communityId: number | null; subdistrictId: number | null } | undefined;
  const contact = (r: string) => r === 'department_contact' || r === 'partner_contact';
  // A contact's organisation is given when the account is made; re-roling into or out of a contact role is refused.
  if (input.role !== undefined && input.role !== before.role && (contact(input.role) || contact(before.role))) throw invalidField('role', 'invalid_option');
  if (input.role !== undefined && input.role !== before.role) {
    let subdistrictId = before.subdistrictId;
    if (input.role === 'subdistrict_admin' && subdistrictId == null && before.communityId != null) {
      subdistrictId = (await places.communityRefs(ctx.db, [before.communityId])).get(before.communityId)?.subdistrict_id ?? null;
    }
    const placed = placeAccount(input.role, { communityId: before.communityId, subdistrictId });
    if ('missing' in placed) throw invalidField(placed.missing, 'required');
    placement = placed;
  }

  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateAccount(trx, before.communityId, id, {
      display_name: input.displayName,
      role: input.role,
      is_active: input.isActive,
      community_id: placement?.communityId,
      subdistrict_id: placement?.subdistrictId,
    });
    if (input.isActive === false) await revokeAccountSessions(trx, id, new Date());
    await writeAudit(trx, actor, {
      communityId: before.communityId,
      action: input.isActive === false && before.isActive ? 'account.deactivated' : 'account.updated',
      entityType: 'account',
      entityId: id,
      changes: { ...diff(before, input), ...(placement ? diff(before, placement) : {}) },
    });
  });
  return presentAccount(await getAccount(ctx, actor, id), (await accountLocks(ctx, [id])).get(id));
}

/** Sets a new password for someone who forgot theirs, and ends their sessions. */
export async function resetPassword(ctx: AppContext, actor: Actor, id: number, input: ResetPasswordInput): Promise<void> {
  authorize(actor, 'accounts.manage');
  const before = await getAccount(ctx, actor, id);
  if (!canAssignRole(actor.role, before.role as Account['role'])) throw notFound('account');
  const rule = passwordRule(input.newPassword, before.username);
  if (rule) throw invalidField('newPassword', rule);
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateAccount(trx, before.community_id, id, { password_hash: passwordHash, password_changed_at: new Date() });
    await revokeAccountSessions(trx, id, new Date());
    await writeAudit(trx, actor, { communityId: before.community_id, action: 'account.password_reset', entityType: 'account', entityId: id });
  });
}

/** Lifts the lock that failed logins put on an account, and forgets its failures; audited. */
export async function unlockAccount(ctx: AppContext, actor: Actor, id: number): Promise<Account> {
  authorize(actor, 'accounts.manage');
  const before = await getAccount(ctx, actor, id);
  if (!canAssignRole(actor.role, before.role as Account['role'])) throw notFound('account');
  const lockedUntil = (await accountLocks(ctx, [id])).get(id) ?? null;
  await ctx.db.transaction().execute(async (trx) => {
    const cleared = await clearAccountLock(trx, id);
    if (!cleared) return;
    await writeAudit(trx, actor, {
      communityId: before.community_id,
      action: 'account.unlocked',
      entityType: 'account',
      entityId: id,
      changes: { lockedUntil: lockedUntil?.toISOString() ?? null },
    });
  });
  return presentAccount(before);
}
