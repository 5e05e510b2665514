import type { VoteStatus } from '@linli/contracts/vote-labels';

// A vote's life: draft → open → closed → published (公示) → archived. Pure (ADR 0046).
export const voteActions = ['open', 'close', 'publish', 'archive'] as const;
export type VoteAction = (typeof voteActions)[number];

const moves: Record<VoteAction, { from: readonly VoteStatus[]; to: VoteStatus }> = {
  open: { from: ['draft'], to: 'open' },
  close: { from: ['open'], to: 'closed' },
  publish: { from: ['closed'], to: 'published' },
  archive: { from: ['closed', 'published'], to: 'archived' },
};

/** The status after `action`, or null when the vote's status does not allow it. */
export function nextVoteStatus(status: VoteStatus, action: VoteAction): VoteStatus | null {
  const m = moves[action];
  return m.from.includes(status) ? m.to : null;
}

/** Whether a phone ballot counts now: open and before the closing time. Paper ballots count until staff close the vote. */
export function acceptsBallots(v: { status: string; closes_at: Date; opens_at: Date }, now: Date, channel: 'phone' | 'paper'): boolean {
  if (v.status !== 'open') return false;
  return channel === 'paper' || now.getTime() < v.closes_at.getTime();
}
