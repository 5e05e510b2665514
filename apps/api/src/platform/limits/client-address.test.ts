import { describe, expect, it } from 'vitest';
import { limitAddressOf } from './client-address.js';
import { lockDurationMs } from './limits.js';

describe('limit keys and lock durations', () => {
  it('keys IPv4 as is, IPv4-mapped as IPv4, IPv6 by its /64', () => {
    expect(limitAddressOf('203.0.113.7')).toBe('203.0.113.7');
    expect(limitAddressOf('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(limitAddressOf('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(limitAddressOf('2001:0db8:0001:0002:ffff:0:0:9')).toBe('2001:db8:1:2::/64');
    expect(limitAddressOf('::1')).toBe('0:0:0:0::/64');
  });

  it('locks after the threshold and doubles up to the cap', () => {
    const policy = { lockAfter: 5, lockMs: 60_000, maxLockMs: 3_600_000 };
    expect([4, 5, 6, 7, 12, 1000].map((n) => lockDurationMs(n, policy))).toEqual([0, 60_000, 120_000, 240_000, 3_600_000, 3_600_000]);
  });
});
