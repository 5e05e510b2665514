import type { Transaction } from 'kysely';
import type { WishAction } from '@linli/contracts';
import type { DB } from '../../platform/db/schema.js';
import type { Actor } from '../../platform/access/actor.js';
import type { CommunityId } from '../../platform/db/scope.js';
import { AppError, invalidField, notFound } from '../../platform/errors.js';
import { nextStatus, type WishFailure } from './wish-state.js';
import * as repo from './wishes.repository.js';

/** A refused step as the API answers it: a claim's own codes, a missing field by name, or the state it met. */
export function failureError(f: WishFailure): AppError {
  switch (f.kind) {
    case 'not_claimable':
      return new AppError('WISH_NOT_CLAIMABLE', 'wish is not open for claims');
    case 'already_claimed':
      return new AppError('WISH_ALREADY_CLAIMED', 'wish has its claimant');
    case 'missing':
      return invalidField(f.field, 'required');
    case 'wrong_state':
      return new AppError('INVALID_STATE', `wish is ${f.status}`);
  }
}

/**
 * Locks the wish, checks the action against the state machine and answers the row and its next status; the caller
 * writes the change and its step in the same transaction. Nothing is written when it throws.
 */
export async function lockForStep(
  trx: Transaction<DB>,
  cid: CommunityId,
  id: number,
  action: WishAction,
  args: { reason?: string | null; note?: string | null } = {},
) {
  const row = await repo.lockWish(trx, cid, id);
  if (!row) throw notFound('wish');
  const r = nextStatus({ status: row.status as never, shared: row.shared, claimCount: Number(row.claim_count), dueOn: null }, action, args);
  if (!r.ok) throw failureError(r.failure);
  return { row, to: r.status };
}

export type { Actor };
