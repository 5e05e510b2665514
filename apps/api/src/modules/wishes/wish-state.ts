import type { WishAction, WishStatus } from '@linli/contracts';

/** The part of a wish the state machine reads (ADR 0036). */
export interface WishState {
  status: WishStatus;
  shared: boolean;
  claimCount: number;
  dueOn: string | null;
}

export type WishFailure =
  { kind: 'not_claimable' } | { kind: 'already_claimed' } | { kind: 'wrong_state'; status: WishStatus } | { kind: 'missing'; field: 'reason' | 'note' };

/** Which states each action starts from. A shared wish takes more claims while claimed. */
export const allowedFrom: Record<WishAction, readonly WishStatus[]> = {
  raise: [],
  send_back: ['draft'],
  publish: ['draft'],
  claim: ['published', 'claimed'],
  fulfil: ['claimed'],
  confirm: ['fulfilled'],
  withdraw: ['draft', 'published', 'claimed'],
  expire: ['published'],
};

/**
 * The status after an action, or why it is refused. Pure. Claims are refused with their own errors (the resident's
 * wish is not open; a second claim where one is allowed), the rest with the state they met.
 */
export function nextStatus(
  s: WishState,
  action: WishAction,
  args: { reason?: string | null; note?: string | null } = {},
): { ok: true; status: WishStatus } | { ok: false; failure: WishFailure } {
  if (action === 'claim') {
    if (!allowedFrom.claim.includes(s.status)) return { ok: false, failure: { kind: 'not_claimable' } };
    if (!s.shared && s.claimCount > 0) return { ok: false, failure: { kind: 'already_claimed' } };
    return { ok: true, status: 'claimed' };
  }
  if (!allowedFrom[action].includes(s.status)) return { ok: false, failure: { kind: 'wrong_state', status: s.status } };
  const blank = (v: string | null | undefined) => !v || !v.trim();
  switch (action) {
    case 'send_back':
      return blank(args.reason) ? { ok: false, failure: { kind: 'missing', field: 'reason' } } : { ok: true, status: 'draft' };
    case 'withdraw':
      return blank(args.reason) ? { ok: false, failure: { kind: 'missing', field: 'reason' } } : { ok: true, status: 'withdrawn' };
    case 'publish':
      return { ok: true, status: 'published' };
    case 'fulfil':
      return blank(args.note) ? { ok: false, failure: { kind: 'missing', field: 'note' } } : { ok: true, status: 'fulfilled' };
    case 'confirm':
      return { ok: true, status: 'confirmed' };
    case 'expire':
      return { ok: true, status: 'expired' };
    case 'raise':
      return { ok: false, failure: { kind: 'wrong_state', status: s.status } };
  }
}

/** Past its due date (a Beijing calendar day) and still unclaimed: the expiry job closes it. */
export function isExpired(s: Pick<WishState, 'status' | 'dueOn'>, today: string): boolean {
  return s.status === 'published' && s.dueOn !== null && s.dueOn < today;
}

/** Which reminder a claimed wish is due for on `today`: two days before its due date, and on it (each once). */
export function reminderDue(s: Pick<WishState, 'status' | 'dueOn'>, today: string): 'due_soon' | 'due' | null {
  if (s.status !== 'claimed' || !s.dueOn) return null;
  if (today >= s.dueOn) return 'due';
  const soon = new Date(`${s.dueOn}T00:00:00Z`);
  soon.setUTCDate(soon.getUTCDate() - 2);
  return today >= soon.toISOString().slice(0, 10) ? 'due_soon' : null;
}

/** What the public sees instead of the resident's name: the surname and two stars (王**), never the full name. */
export function publicInitial(name: string): string {
  const first = [...name.trim()][0];
  if (!first) return '居民';
  return /[\u4e00-\u9fff]/.test(first) ? `${first}**` : `${first.toUpperCase()}.`;
}
