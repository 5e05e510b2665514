import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { voteStatuses } from '@linli/contracts/vote-labels';
import { acceptsBallots, nextVoteStatus, voteActions } from './vote-state.js';

describe('vote state machine', () => {
  it('walks draft → open → closed → published → archived and nothing else', () => {
    expect(nextVoteStatus('draft', 'open')).toBe('open');
    expect(nextVoteStatus('open', 'close')).toBe('closed');
    expect(nextVoteStatus('closed', 'publish')).toBe('published');
    expect(nextVoteStatus('published', 'archive')).toBe('archived');
    expect(nextVoteStatus('draft', 'close')).toBeNull();
    expect(nextVoteStatus('open', 'publish')).toBeNull();
    expect(nextVoteStatus('published', 'open')).toBeNull();
  });
  it('never leaves archived and never goes back to draft', () => {
    fc.assert(
      fc.property(fc.constantFrom(...voteStatuses), fc.constantFrom(...voteActions), (s, a) => {
        const next = nextVoteStatus(s, a);
        if (s === 'archived') expect(next).toBeNull();
        expect(next).not.toBe('draft');
      }),
    );
  });
  it('phone ballots stop at the closing time, paper ones when staff close', () => {
    const v = { status: 'open', opens_at: new Date('2026-12-01T00:00:00Z'), closes_at: new Date('2026-12-10T00:00:00Z') };
    expect(acceptsBallots(v, new Date('2026-12-09T23:59:59Z'), 'phone')).toBe(true);
    expect(acceptsBallots(v, new Date('2026-12-10T00:00:00Z'), 'phone')).toBe(false);
    expect(acceptsBallots(v, new Date('2026-12-10T00:00:00Z'), 'paper')).toBe(true);
    expect(acceptsBallots({ ...v, status: 'closed' }, new Date('2026-12-05T00:00:00Z'), 'paper')).toBe(false);
  });
});
