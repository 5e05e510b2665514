import type { HelpEventKind, HelpStatus } from '@linli/contracts';

/** The steps of a help need: open → in_progress → closed, and back to in_progress when help is needed again. */
export type HelpStep = 'start' | 'close' | 'reopen';

const moves: Record<HelpStep, { from: readonly HelpStatus[]; to: HelpStatus; event: HelpEventKind }> = {
  start: { from: ['open'], to: 'in_progress', event: 'started' },
  close: { from: ['open', 'in_progress'], to: 'closed', event: 'closed' },
  reopen: { from: ['closed'], to: 'in_progress', event: 'reopened' },
};

/** The status a step leads to and its timeline kind, or null when the step is not allowed from `status`. */
export function nextHelpStatus(status: HelpStatus, step: HelpStep): { to: HelpStatus; event: HelpEventKind } | null {
  const m = moves[step];
  return m.from.includes(status) ? { to: m.to, event: m.event } : null;
}

/** Recording what was done starts the help of an open need. */
export function statusAfterAction(status: HelpStatus): HelpStatus | null {
  if (status === 'closed') return null;
  return 'in_progress';
}

/** 张三丰 → 张** ; a list never shows a helped person's full name. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return '*';
  return chars[0] + '*'.repeat(Math.max(1, chars.length - 1));
}
