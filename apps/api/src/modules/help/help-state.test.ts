import { describe, expect, it } from 'vitest';
import { maskName, nextHelpStatus, statusAfterAction } from './help-state.js';

describe('help need states', () => {
  it('moves open → in_progress → closed and reopens', () => {
    expect(nextHelpStatus('open', 'start')).toEqual({ to: 'in_progress', event: 'started' });
    expect(nextHelpStatus('in_progress', 'close')).toEqual({ to: 'closed', event: 'closed' });
    expect(nextHelpStatus('open', 'close')).toEqual({ to: 'closed', event: 'closed' });
    expect(nextHelpStatus('closed', 'reopen')).toEqual({ to: 'in_progress', event: 'reopened' });
    expect(nextHelpStatus('closed', 'start')).toBeNull();
    expect(nextHelpStatus('in_progress', 'start')).toBeNull();
    expect(nextHelpStatus('open', 'reopen')).toBeNull();
  });
  it('an action starts an open need and is refused on a closed one', () => {
    expect(statusAfterAction('open')).toBe('in_progress');
    expect(statusAfterAction('in_progress')).toBe('in_progress');
    expect(statusAfterAction('closed')).toBeNull();
  });
  it('masks a name to its first character', () => {
    expect(maskName('王秀兰')).toBe('王**');
    expect(maskName('李明')).toBe('李*');
    expect(maskName('张')).toBe('张*');
  });
});
