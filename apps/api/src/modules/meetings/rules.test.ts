import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { meetingActions, meetingStatuses } from '@linli/contracts/meeting-labels';
import { allowedFrom, canEdit, nextStatus } from './meeting-state.js';
import { planRotation } from './rotation-plan.js';

describe('meeting state machine', () => {
  it('goes planned → held → minuted, or planned → cancelled', () => {
    expect(nextStatus('planned', 'hold')).toEqual({ ok: true, status: 'held' });
    expect(nextStatus('held', 'close', { minutes: '议了三件事' })).toEqual({ ok: true, status: 'minuted' });
    expect(nextStatus('planned', 'cancel', { reason: '下雨' })).toEqual({ ok: true, status: 'cancelled' });
  });
  it('refuses closing without minutes and cancelling without a reason', () => {
    expect(nextStatus('held', 'close', { minutes: '  ' })).toEqual({ ok: false, failure: { kind: 'missing', field: 'minutes' } });
    expect(nextStatus('planned', 'cancel', {})).toEqual({ ok: false, failure: { kind: 'missing', field: 'reason' } });
  });
  it('never leaves a final state, and every move starts from an allowed state', () => {
    fc.assert(
      fc.property(fc.constantFrom(...meetingStatuses), fc.constantFrom(...meetingActions), (status, action) => {
        const r = nextStatus(status, action, { reason: 'r', minutes: 'm' });
        expect(r.ok).toBe(allowedFrom[action].includes(status));
        if (status === 'minuted' || status === 'cancelled') expect(r.ok).toBe(false);
      }),
    );
  });
  it('lets follow-ups be done after the minutes are closed, but nothing else', () => {
    expect(canEdit('minuted', 'followUpDone')).toBe(true);
    expect(canEdit('minuted', 'agenda')).toBe(false);
    expect(canEdit('planned', 'outcome')).toBe(false);
    expect(canEdit('cancelled', 'attendance')).toBe(false);
  });
});

describe('rotation plan', () => {
  it('visits each compound once, every interval, at the same Beijing time', () => {
    const slots = planRotation({ compoundIds: [5, 6, 7, 5], startsOn: '2026-03-04', intervalDays: 14, startTime: '09:30', durationMinutes: 90 });
    expect(slots.map((s) => [s.seq, s.compoundId, s.date])).toEqual([
      [1, 5, '2026-03-04'],
      [2, 6, '2026-03-18'],
      [3, 7, '2026-04-01'],
    ]);
    expect(slots[0]!.startsAt.toISOString()).toBe('2026-03-04T01:30:00.000Z');
    expect(slots[0]!.endsAt.toISOString()).toBe('2026-03-04T03:00:00.000Z');
  });
  it('is deterministic and keeps the weekday of the first date', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 20 }), fc.constantFrom(7, 14, 21), (ids, interval) => {
        const p = { compoundIds: ids, startsOn: '2026-03-04', intervalDays: interval, startTime: '19:00', durationMinutes: 60 };
        const a = planRotation(p);
        expect(planRotation(p)).toEqual(a);
        for (const s of a) expect(new Date(`${s.date}T00:00:00Z`).getUTCDay()).toBe(3);
      }),
    );
  });
});
