import type { ProjectStatus } from '@linli/contracts';

/** The project's moves (ADR 0047): a pure state machine; the service records each step. */
export type ProjectMove = 'approve' | 'reject' | 'claim' | 'start' | 'complete' | 'evaluate';

const moves: Record<ProjectMove, { from: readonly ProjectStatus[]; to: ProjectStatus }> = {
  approve: { from: ['proposed'], to: 'approved' },
  reject: { from: ['proposed'], to: 'rejected' },
  claim: { from: ['approved'], to: 'claimed' },
  start: { from: ['claimed'], to: 'in_progress' },
  complete: { from: ['in_progress'], to: 'completed' },
  evaluate: { from: ['completed', 'evaluated'], to: 'evaluated' },
};

/** The status after a move, or null when the move is not allowed from `status`. */
export function nextProjectStatus(status: ProjectStatus, move: ProjectMove): ProjectStatus | null {
  const m = moves[move];
  return m.from.includes(status) ? m.to : null;
}

/** Whether progress (percent, milestones) may be recorded: once claimed and until completed. */
export const isProgressing = (status: ProjectStatus) => status === 'claimed' || status === 'in_progress';

/** Whether a percent is a whole number from 0 to 100. */
export const isValidPercent = (p: number) => Number.isInteger(p) && p >= 0 && p <= 100;
