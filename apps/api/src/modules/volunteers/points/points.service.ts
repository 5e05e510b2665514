import type { AdjustPointsInput, MyPoints, PointsRules, PointsStatement } from '@linli/contracts';
import type { AppContext } from '../../../platform/context.js';
import type { CommunityId } from '../../../platform/db/scope.js';
import { authorize, resolveCommunityId, type Actor } from '../../../platform/access/actor.js';
import { writeAudit } from '../../../platform/audit/audit.js';
import { AppError, invalidField } from '../../../platform/errors.js';
import { beijingDate } from '../../../platform/time.js';
import { accountNames } from '../../people/index.js';
import * as repo from './ledger.repository.js';
import { post, rulesOf } from './ledger.service.js';
import { holderIn, ownHolder, readableHolder } from './holders.js';
import { presentEntry } from './points.presenter.js';
import { accounts, monthBounds, roundPoints } from './rules.js';

export async function getPointsRules(ctx: AppContext, actor: Actor, communityId?: number): Promise<PointsRules> {
  authorize(actor, 'perks.read');
  return rulesOf(ctx, resolveCommunityId(actor, communityId));
}

/** Sets the community's earning rules and expiry; audited with what changed. */
export async function savePointsRules(ctx: AppContext, actor: Actor, input: PointsRules & { communityId?: number }): Promise<PointsRules> {
  authorize(actor, 'points.configure');
  const cid = resolveCommunityId(actor, input.communityId);
  const before = await rulesOf(ctx, cid);
  const { communityId: _c, ...rules } = input;
  for (const [kind, n] of Object.entries(rules.roleBonus)) if (!/^[a-z_]{2,40}$/.test(kind) || !(n >= 0)) throw invalidField('roleBonus', 'invalid');
  await ctx.db.transaction().execute(async (trx) => {
    await repo.saveRules(
      trx,
      cid,
      {
        points_per_hour: rules.pointsPerHour,
        hour_cap_per_activity: rules.hourCapPerActivity,
        points_per_wish: rules.pointsPerWish,
        role_bonus: JSON.stringify(rules.roleBonus),
        expiry_months: rules.expiryMonths,
        redemption_valid_days: rules.redemptionValidDays,
      },
      actor.accountId,
    );
    await writeAudit(trx, actor, {
      communityId: cid,
      action: 'points_rules.updated',
      entityType: 'community',
      entityId: cid,
      changes: { from: before, to: rules },
    });
  });
  return rulesOf(ctx, cid);
}

export async function getBalance(ctx: AppContext, actor: Actor, q: { volunteerId?: number; communityId?: number }) {
  const cid = resolveCommunityId(actor, q.communityId);
  const holder = await readableHolder(ctx.db, cid, actor, q.volunteerId);
  return { volunteerId: holder.id, volunteerName: holder.name, balance: await repo.balanceOf(ctx.db, cid, holder.id) };
}

/** A month's statement: the opening balance, the month's entries in order, and the closing balance. */
export async function statementOf(ctx: AppContext, cid: CommunityId, holder: { id: number; name: string }, month: string): Promise<PointsStatement> {
  const { from, to } = monthBounds(month);
  const [opening, rows, now] = await Promise.all([
    repo.balanceOf(ctx.db, cid, holder.id, from),
    repo.listEntries(ctx.db, cid, holder.id, from, to),
    repo.balanceOf(ctx.db, cid, holder.id),
  ]);
  const authors = await accountNames(ctx.db, [...new Set(rows.map((r) => r.author_id).filter((x): x is number => x != null))]);
  const entries = rows.map((r) => presentEntry(r, authors));
  const earned = roundPoints(entries.filter((e) => e.delta > 0).reduce((s, e) => s + e.delta, 0));
  const spent = roundPoints(-entries.filter((e) => e.delta < 0).reduce((s, e) => s + e.delta, 0));
  return {
    volunteerId: holder.id,
    volunteerName: holder.name,
    month,
    openingBalance: opening,
    earned,
    spent,
    closingBalance: roundPoints(opening + earned - spent),
    balanceNow: now,
    entries,
  };
}

export async function getStatement(ctx: AppContext, actor: Actor, q: { volunteerId?: number; month?: string; communityId?: number }) {
  const cid = resolveCommunityId(actor, q.communityId);
  const holder = await readableHolder(ctx.db, cid, actor, q.volunteerId);
  return statementOf(ctx, cid, holder, q.month ?? beijingDate(new Date()).slice(0, 7));
}

/** The phone page: the actor's own balance and a month's statement (none when they are not a volunteer here). */
export async function myPoints(ctx: AppContext, actor: Actor, month?: string): Promise<MyPoints> {
  authorize(actor, 'points.own');
  const cid = resolveCommunityId(actor);
  const own = await ownHolder(ctx.db, cid, actor);
  if (!own) return { volunteerId: null, balance: 0, statement: null };
  const statement = await statementOf(ctx, cid, own, month ?? beijingDate(new Date()).slice(0, 7));
  return { volunteerId: own.id, balance: statement.balanceNow, statement };
}

/** Staff add or take away points with a reason (points.adjust); a take-away never goes below zero. */
export async function adjustPoints(ctx: AppContext, actor: Actor, input: AdjustPointsInput) {
  authorize(actor, 'points.adjust');
  const cid = resolveCommunityId(actor, input.communityId);
  const holder = await holderIn(ctx.db, cid, input.volunteerId);
  const entryId = await ctx.db.transaction().execute(async (trx) => {
    const id = await post(trx, cid, {
      volunteerId: holder.id,
      kind: 'adjusted',
      delta: input.amount,
      counter: accounts.pool,
      reason: input.reason,
      authorId: actor.accountId,
      source: { kind: 'adjustment', id: null },
    });
    await writeAudit(trx, actor, {
      communityId: cid,
      action: 'points.adjusted',
      entityType: 'volunteer',
      entityId: holder.id,
      changes: { entryId: id, amount: input.amount },
      reason: input.reason,
    });
    return id;
  });
  if (!entryId) throw new AppError('INTERNAL', 'no entry');
  return { entryId, ...(await getBalance(ctx, actor, { volunteerId: holder.id, communityId: cid })) };
}
