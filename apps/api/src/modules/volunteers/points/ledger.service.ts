import type { PointsRules } from '@linli/contracts';
import type { Transaction } from 'kysely';
import type { AppContext } from '../../../platform/context.js';
import type { DB } from '../../../platform/db/schema.js';
import type { PointsEntryKind } from '../../../platform/db/schema/points.js';
import type { CommunityId } from '../../../platform/db/scope.js';
import { AppError } from '../../../platform/errors.js';
import * as repo from './ledger.repository.js';
import { accounts, defaultPointsRules, roundPoints } from './rules.js';

/** One movement of a volunteer's points: `delta` > 0 comes in from `counter`, < 0 goes out to it. */
export interface Movement {
  volunteerId: number;
  kind: PointsEntryKind;
  delta: number;
  /** The other side: community_pool, perk:<id>, expired. */
  counter: string;
  reason: string;
  /** The account that made it; null for the rules (system). */
  authorId: number | null;
  source?: { kind: string; id: number | null } | null;
  reversesEntryId?: number | null;
  occurredAt?: Date;
}

/**
 * Posts one movement as a double entry (debit and credit account on one row), inside the caller's transaction. It
 * takes the volunteer's lock first; a movement out is refused with POINTS_INSUFFICIENT when the sum of the ledger is
 * lower, so the balance never goes below zero, whatever runs at the same time.
 */
export async function post(trx: Transaction<DB>, communityId: CommunityId, m: Movement): Promise<number> {
  const delta = roundPoints(m.delta);
  if (delta === 0) throw new Error('a points movement moves something');
  await repo.lockVolunteer(trx, m.volunteerId);
  if (delta < 0) {
    const balance = await repo.balanceOf(trx, communityId, m.volunteerId);
    if (balance + delta < -1e-9) {
      throw new AppError('POINTS_INSUFFICIENT', 'points balance too low', {
        balance,
        needed: -delta,
        fields: [{ field: 'amount', rule: 'too_big', params: { max: balance } }],
      });
    }
  }
  const own = accounts.volunteer(m.volunteerId);
  return repo.insertEntry(trx, communityId, {
    volunteer_id: m.volunteerId,
    kind: m.kind,
    debit_account: delta > 0 ? m.counter : own,
    credit_account: delta > 0 ? own : m.counter,
    amount: Math.abs(delta),
    delta,
    reason: m.reason,
    author_id: m.authorId,
    source_kind: m.source?.kind ?? null,
    source_id: m.source?.id ?? null,
    reverses_entry_id: m.reversesEntryId ?? null,
    ...(m.occurredAt ? { occurred_at: m.occurredAt } : {}),
  });
}

export async function rulesOf(ctx: Pick<AppContext, 'db'> | { db: Transaction<DB> }, communityId: CommunityId): Promise<PointsRules> {
  const row = await repo.findRules(ctx.db, communityId);
  if (!row) return defaultPointsRules;
  return {
    pointsPerHour: Number(row.points_per_hour),
    hourCapPerActivity: row.hour_cap_per_activity == null ? null : Number(row.hour_cap_per_activity),
    pointsPerWish: row.points_per_wish,
    roleBonus: typeof row.role_bonus === 'string' ? (JSON.parse(row.role_bonus) as Record<string, number>) : row.role_bonus,
    expiryMonths: row.expiry_months,
    redemptionValidDays: row.redemption_valid_days,
  };
}
