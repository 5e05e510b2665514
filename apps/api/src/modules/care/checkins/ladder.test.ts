import { describe, expect, it } from 'vitest';
import { awayIssue, defaultLadder, dueAtOf, dueSteps, isAwayOn, ladderIssue, nextStepAt, statusOf } from './ladder.js';

describe('check-in rules', () => {
  it('closes the window at the person’s Beijing time', () => {
    expect(dueAtOf('2026-12-02', '10:00').toISOString()).toBe('2026-12-02T02:00:00.000Z');
    expect(dueAtOf('2026-12-02', '07:30').toISOString()).toBe('2026-12-01T23:30:00.000Z');
  });

  it('times each step from the window, and a late sweep takes every step whose time has come', () => {
    const due = dueAtOf('2026-12-02', '10:00');
    const at = (m: number) => new Date(due.getTime() + m * 60_000);
    expect(nextStepAt(due, defaultLadder, 0)).toEqual(due);
    expect(nextStepAt(due, defaultLadder, 1)).toEqual(at(30));
    expect(nextStepAt(due, defaultLadder, 5)).toBeNull();
    expect(dueSteps(due, defaultLadder, 0, at(-1))).toEqual([]);
    expect(dueSteps(due, defaultLadder, 0, at(0)).map((s) => s.kind)).toEqual(['recipient']);
    expect(dueSteps(due, defaultLadder, 1, at(29))).toEqual([]);
    expect(dueSteps(due, defaultLadder, 1, at(65)).map((s) => s.kind)).toEqual(['helper', 'family']);
    expect(dueSteps(due, defaultLadder, 0, at(500)).map((s) => s.index)).toEqual([0, 1, 2, 3, 4]);
  });

  it('refuses a ladder with a repeated step, minutes that do not grow, or a ticket before the end', () => {
    expect(ladderIssue(defaultLadder)).toBeNull();
    expect(
      ladderIssue({
        steps: [
          { kind: 'helper', afterMinutes: 0 },
          { kind: 'helper', afterMinutes: 10 },
        ],
      }),
    ).toEqual({ field: 'steps.1.kind', rule: 'repeated' });
    expect(
      ladderIssue({
        steps: [
          { kind: 'helper', afterMinutes: 10 },
          { kind: 'family', afterMinutes: 10 },
        ],
      }),
    ).toEqual({ field: 'steps.1.afterMinutes', rule: 'invalid' });
    expect(
      ladderIssue({
        steps: [
          { kind: 'visit_ticket', afterMinutes: 0 },
          { kind: 'family', afterMinutes: 10 },
        ],
      }),
    ).toEqual({ field: 'steps.0.kind', rule: 'invalid' });
  });

  it('pauses on the days of an away notice, inclusive, and refuses one that ends before it starts', () => {
    const a = { startsOn: '2026-12-01', endsOn: '2026-12-03' };
    expect(['2026-11-30', '2026-12-01', '2026-12-03', '2026-12-04'].map((d) => isAwayOn(d, a))).toEqual([false, true, true, false]);
    expect(isAwayOn('2026-12-02', { ...a, cancelled: true })).toBe(false);
    expect(awayIssue(a)).toBeNull();
    expect(awayIssue({ startsOn: '2026-12-03', endsOn: '2026-12-02' })).toEqual({ field: 'endsOn', rule: 'before_start' });
  });

  it('tells done, pending, missed and away apart', () => {
    const dueAt = new Date('2026-12-02T02:00:00Z');
    const before = new Date('2026-12-02T01:00:00Z');
    const after = new Date('2026-12-02T03:00:00Z');
    expect(statusOf({ status: 'open', checkedInAt: null, dueAt }, before)).toBe('pending');
    expect(statusOf({ status: 'open', checkedInAt: null, dueAt }, after)).toBe('missed');
    expect(statusOf({ status: 'done', checkedInAt: after, dueAt }, after)).toBe('done');
    expect(statusOf({ status: 'away', checkedInAt: null, dueAt }, after)).toBe('away');
  });
});
