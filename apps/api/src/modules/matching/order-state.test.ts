import { describe, expect, it } from 'vitest';
import { orderMove } from './order-state.js';

describe('match order steps', () => {
  it('follows sent → accepted → done → rated, with decline and withdraw', () => {
    expect(orderMove('sent', 'accept')).toEqual({ allowed: true, to: 'accepted', by: 'claimant' });
    expect(orderMove('sent', 'decline')).toEqual({ allowed: true, to: 'declined', by: 'claimant' });
    expect(orderMove('accepted', 'done')).toEqual({ allowed: true, to: 'done', by: 'claimant' });
    expect(orderMove('done', 'rate')).toEqual({ allowed: true, to: 'rated', by: 'staff' });
    expect(orderMove('accepted', 'cancel').allowed).toBe(true);
    expect(orderMove('sent', 'done').allowed).toBe(false);
    expect(orderMove('declined', 'accept').allowed).toBe(false);
    expect(orderMove('done', 'cancel').allowed).toBe(false);
    expect(orderMove('rated', 'rate').allowed).toBe(false);
  });
});
