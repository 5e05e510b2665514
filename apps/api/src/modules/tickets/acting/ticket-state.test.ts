import fc from 'fast-check';
import { ticketActions, type TicketAction } from '@linli/contracts';
import { describe, expect, it } from 'vitest';
import { allowedFrom, transition, type TicketState, type TransitionArgs } from './ticket-state.js';

const fresh = (): TicketState => ({
  status: 'submitted',
  firstResponseAt: null,
  resolvedAt: null,
  closedAt: null,
  closeReason: null,
  reopenCount: 0,
  rating: null,
  assigneeKind: null,
  assigneeId: null,
  escalatedToPartnerId: null,
  escalationDueAt: null,
  mergedIntoId: null,
  resultText: null,
  resolutionDueAt: new Date('2026-12-08T08:00:00Z'),
  dispatchDueAt: null,
  dispatchNote: null,
});
const fullArgs: TransitionArgs = { note: '说明', assigneeId: 7, partnerId: 3, rating: 'satisfied', mergeIntoId: 99 };

describe('ticket state machine', () => {
  it('closes an unrated ticket as unrated, only from resolved, keeping no rating', () => {
    const now = new Date('2026-12-01T08:00:00Z');
    const resolved: TicketState = { ...fresh(), status: 'resolved', resolvedAt: new Date('2026-11-20T08:00:00Z'), resultText: '已修好' };
    const r = transition(resolved, 'close', { unratedTimeout: true }, { now, reopenLimit: 2 });
    expect(r).toEqual({ ok: true, state: { ...resolved, status: 'closed', closedAt: now, closeReason: 'unrated_timeout', rating: null } });
    expect(transition({ ...resolved, status: 'assigned' }, 'close', { unratedTimeout: true }, { now, reopenLimit: 2 })).toMatchObject({ ok: false });
  });

  it('follows the closed loop of DESIGN §6', () => {
    let s = fresh();
    const step = (a: TicketAction, args: TransitionArgs = fullArgs, at = new Date()) => {
      const r = transition(s, a, args, { now: at, reopenLimit: 2 });
      if (!r.ok) throw new Error(`${a} refused: ${JSON.stringify(r.failure)}`);
      s = r.state;
      return s.status;
    };
    expect(step('accept')).toBe('accepted');
    expect(step('assign')).toBe('assigned');
    expect(step('start')).toBe('in_progress');
    expect(step('escalate')).toBe('escalated');
    expect(step('respond')).toBe('in_progress');
    expect(step('resolve')).toBe('resolved');
    expect(step('rate', { rating: 'dissatisfied' })).toBe('assigned');
    expect(s.reopenCount).toBe(1);
    step('start');
    step('resolve');
    expect(step('rate', { rating: 'basically_satisfied' })).toBe('closed');
    expect(s.closeReason).toBe('rated');
    const refused = transition(s, 'resolve', fullArgs, { now: new Date(), reopenLimit: 2 });
    expect(refused).toEqual({ ok: false, failure: { kind: 'closed' } });
  });

  it('answers on the spot, refuses missing reasons, and sends a ticket past the reopen limit to review, not to closed', () => {
    const spot = transition(fresh(), 'answer_on_spot', { note: '已现场答复' }, { now: new Date(), reopenLimit: 1 });
    expect(spot.ok && spot.state.status).toBe('resolved');
    expect(transition(fresh(), 'reject', {}, { now: new Date(), reopenLimit: 1 })).toEqual({ ok: false, failure: { kind: 'missing', field: 'note' } });
    const resolved: TicketState = { ...fresh(), status: 'resolved', reopenCount: 1, firstResponseAt: new Date(), resolvedAt: new Date(), assigneeId: 7 };
    const r = transition(resolved, 'rate', { rating: 'dissatisfied' }, { now: new Date(), reopenLimit: 1 });
    expect(r.ok && [r.state.status, r.state.closeReason, r.state.rating, r.state.closedAt]).toEqual(['reviewing', null, 'dissatisfied', null]);
  });

  it('a dispatch carries its deadline and instruction; a deadline in the past is refused', () => {
    const now = new Date('2026-12-01T08:00:00Z');
    const accepted: TicketState = { ...fresh(), status: 'accepted', firstResponseAt: now };
    const due = new Date('2026-12-03T08:00:00Z');
    const r = transition(accepted, 'assign', { assigneeId: 7, dueAt: due, note: '先联系物业' }, { now, reopenLimit: 2 });
    expect(r.ok && [r.state.dispatchDueAt, r.state.dispatchNote, r.state.resolutionDueAt]).toEqual([due, '先联系物业', accepted.resolutionDueAt]);
    const byDefault = transition(accepted, 'assign', { assigneeId: 7 }, { now, reopenLimit: 2 });
    expect(byDefault.ok && byDefault.state.dispatchDueAt).toEqual(accepted.resolutionDueAt);
    const past = transition(accepted, 'assign', { assigneeId: 7, dueAt: new Date('2026-12-01T07:59:00Z') }, { now, reopenLimit: 2 });
    expect(past).toEqual({ ok: false, failure: { kind: 'past', field: 'dueAt' } });
  });

  it('a dissatisfied rating sends the ticket back to the one who answered it on the spot, with a new deadline', () => {
    const now = new Date('2026-12-01T08:00:00Z');
    const spot = transition(fresh(), 'answer_on_spot', { note: '已现场答复', actorAccountId: 42 }, { now, reopenLimit: 2 });
    if (!spot.ok) throw new Error('refused');
    expect([spot.state.assigneeKind, spot.state.assigneeId]).toEqual(['account', 42]);
    const rework = new Date('2026-12-08T08:00:00Z');
    const r = transition(spot.state, 'rate', { rating: 'dissatisfied', reworkDueAt: rework }, { now, reopenLimit: 2 });
    expect(r.ok && [r.state.status, r.state.assigneeId, r.state.reopenCount, r.state.resolutionDueAt, r.state.dispatchDueAt]).toEqual([
      'assigned',
      42,
      1,
      rework,
      rework,
    ]);
    // With nobody to send it to (an old ticket answered before answerers were kept), it goes to review.
    const nobody = transition({ ...fresh(), status: 'resolved', resolvedAt: now }, 'rate', { rating: 'dissatisfied' }, { now, reopenLimit: 2 });
    expect(nobody.ok && nobody.state.status).toBe('reviewing');
  });

  it('from review the secretary closes as dissatisfied (不满意结案) or sends it back with a new dispatch', () => {
    const now = new Date('2026-12-01T08:00:00Z');
    const review: TicketState = { ...fresh(), status: 'reviewing', rating: 'dissatisfied', reopenCount: 2, assigneeId: 7, assigneeKind: 'account' };
    const closed = transition(review, 'close', { rating: 'satisfied' }, { now, reopenLimit: 2 });
    expect(closed.ok && [closed.state.status, closed.state.closeReason, closed.state.rating]).toEqual(['closed', 'dissatisfied_limit', 'dissatisfied']);
    const due = new Date('2026-12-05T08:00:00Z');
    const back = transition(review, 'assign', { assigneeId: 9, dueAt: due }, { now, reopenLimit: 2 });
    expect(back.ok && [back.state.status, back.state.assigneeId, back.state.resolutionDueAt, back.state.reopenCount]).toEqual(['assigned', 9, due, 2]);
    for (const a of ['rate', 'resolve', 'start', 'merge'] as const) expect(transition(review, a, fullArgs, { now, reopenLimit: 2 }).ok).toBe(false);
  });

  it('keeps its invariants over any sequence of actions', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...ticketActions), fc.constantFrom<Array<TransitionArgs>>(fullArgs, {}, { ...fullArgs, rating: 'dissatisfied' })), {
          maxLength: 40,
        }),
        (steps) => {
          let s = fresh();
          let t = Date.UTC(2026, 0, 1);
          let firstResponse: Date | null = null;
          for (const [action, args] of steps) {
            t += 60_000;
            const before = s;
            const r = transition(s, action, args, { now: new Date(t), reopenLimit: 2 });
            if (!r.ok) {
              // Refused only from a state the action does not start from, or for a missing argument.
              if (r.failure.kind !== 'missing' && r.failure.kind !== 'past') expect(allowedFrom[action]).not.toContain(before.status);
              continue;
            }
            expect(allowedFrom[action]).toContain(before.status);
            s = r.state;
            // rejected and merged are final; a response, once recorded, never moves.
            expect(['rejected', 'merged']).not.toContain(before.status);
            if (firstResponse) expect(s.firstResponseAt).toEqual(firstResponse);
            firstResponse = s.firstResponseAt ?? firstResponse;
            expect(s.reopenCount).toBeLessThanOrEqual(2);
            if (s.status === 'closed' || s.status === 'rejected' || s.status === 'merged') expect(s.closedAt).not.toBeNull();
            if (s.status === 'resolved') expect(s.resolvedAt).not.toBeNull();
            if (s.rating === 'satisfied' || s.rating === 'basically_satisfied')
              expect(['closed', 'resolved', 'assigned', 'in_progress', 'escalated', 'accepted']).toContain(s.status);
            if (s.status === 'reviewing') expect(s.rating).toBe('dissatisfied');
            if (action === 'reopen') expect(s.rating).toBe('dissatisfied');
            // A ticket sent back never lands with nobody; past the limit it waits for review, never closed silently.
            if (s.status === 'assigned') expect(s.assigneeId).not.toBeNull();
            if (s.status === 'closed' && s.closeReason === 'dissatisfied_limit') expect(before.status).toBe('reviewing');
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});
