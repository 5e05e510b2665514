import type { MatchOrderAction, MatchOrderStatus } from '@linli/contracts';

/**
 * An order's steps (居民点单 → 社区派单 → 单位/党员接单 → 群众评单): the claimant accepts or declines a sent order and
 * marks an accepted one done; staff record the resident's rating of a done order, or withdraw one not yet done.
 */
const moves: Record<MatchOrderAction, { from: readonly MatchOrderStatus[]; to: MatchOrderStatus; by: 'claimant' | 'staff' }> = {
  accept: { from: ['sent'], to: 'accepted', by: 'claimant' },
  decline: { from: ['sent'], to: 'declined', by: 'claimant' },
  done: { from: ['accepted'], to: 'done', by: 'claimant' },
  rate: { from: ['done'], to: 'rated', by: 'staff' },
  cancel: { from: ['sent', 'accepted'], to: 'cancelled', by: 'staff' },
};

export function orderMove(status: MatchOrderStatus, action: MatchOrderAction) {
  const m = moves[action];
  return { allowed: m.from.includes(status), to: m.to, by: m.by };
}
