import { describe, expect, it } from 'vitest';
import { wishActions, wishStatuses, type WishStatus } from '@linli/contracts';
import { allowedFrom, isExpired, nextStatus, publicInitial, reminderDue, type WishState } from './wish-state.js';

const s = (status: WishStatus, over: Partial<WishState> = {}): WishState => ({ status, shared: false, claimCount: 0, dueOn: null, ...over });

describe('wish state machine', () => {
  it('walks the happy path draft → published → claimed → fulfilled → confirmed', () => {
    expect(nextStatus(s('draft'), 'publish')).toEqual({ ok: true, status: 'published' });
    expect(nextStatus(s('published'), 'claim')).toEqual({ ok: true, status: 'claimed' });
    expect(nextStatus(s('claimed', { claimCount: 1 }), 'fulfil', { note: '送到了' })).toEqual({ ok: true, status: 'fulfilled' });
    expect(nextStatus(s('fulfilled'), 'confirm')).toEqual({ ok: true, status: 'confirmed' });
  });

  it('refuses claims on wishes that are not open, and a second claim where one is allowed', () => {
    for (const st of ['draft', 'withdrawn', 'expired', 'fulfilled', 'confirmed'] as const)
      expect(nextStatus(s(st), 'claim')).toEqual({ ok: false, failure: { kind: 'not_claimable' } });
    expect(nextStatus(s('claimed', { claimCount: 1 }), 'claim')).toEqual({ ok: false, failure: { kind: 'already_claimed' } });
    expect(nextStatus(s('claimed', { claimCount: 2, shared: true }), 'claim')).toEqual({ ok: true, status: 'claimed' });
  });

  it('needs a reason to send back or withdraw, a note to fulfil', () => {
    expect(nextStatus(s('draft'), 'send_back', { reason: ' ' })).toEqual({ ok: false, failure: { kind: 'missing', field: 'reason' } });
    expect(nextStatus(s('draft'), 'send_back', { reason: '请写清楚尺码' })).toEqual({ ok: true, status: 'draft' });
    expect(nextStatus(s('claimed'), 'withdraw', {})).toEqual({ ok: false, failure: { kind: 'missing', field: 'reason' } });
    expect(nextStatus(s('claimed'), 'fulfil', {})).toEqual({ ok: false, failure: { kind: 'missing', field: 'note' } });
  });

  it('withdraws and expires only from open states; terminal states accept nothing', () => {
    for (const status of wishStatuses)
      for (const action of wishActions) {
        const r = nextStatus(s(status, { shared: true }), action, { reason: 'r', note: 'n' });
        expect(r.ok, `${action} from ${status}`).toBe(allowedFrom[action].includes(status));
      }
    expect(allowedFrom.withdraw).toEqual(['draft', 'published', 'claimed']);
    expect(allowedFrom.expire).toEqual(['published']);
  });

  it('expires published wishes past their due day, and reminds claimants two days before and on it', () => {
    expect(isExpired({ status: 'published', dueOn: '2026-05-01' }, '2026-05-02')).toBe(true);
    expect(isExpired({ status: 'published', dueOn: '2026-05-01' }, '2026-05-01')).toBe(false);
    expect(isExpired({ status: 'claimed', dueOn: '2026-05-01' }, '2026-06-01')).toBe(false);
    expect(reminderDue({ status: 'claimed', dueOn: '2026-05-10' }, '2026-05-07')).toBeNull();
    expect(reminderDue({ status: 'claimed', dueOn: '2026-05-10' }, '2026-05-08')).toBe('due_soon');
    expect(reminderDue({ status: 'claimed', dueOn: '2026-05-10' }, '2026-05-10')).toBe('due');
    expect(reminderDue({ status: 'published', dueOn: '2026-05-10' }, '2026-05-10')).toBeNull();
  });

  it('shows an initial, never the name', () => {
    expect(publicInitial('王秀英')).toBe('王**');
    expect(publicInitial('  ')).toBe('居民');
    expect(publicInitial('anna')).toBe('A.');
  });
});
