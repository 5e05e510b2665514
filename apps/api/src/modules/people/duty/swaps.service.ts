import type { CreateSwapInput, SwapStatus } from '@linli/contracts';
import type { Transaction } from 'kysely';
import type { AppContext } from '../../../platform/context.js';
import type { DB } from '../../../platform/db/schema.js';
import type { CommunityId } from '../../../platform/db/scope.js';
import { authorize, resolveCommunityId, type Actor } from '../../../platform/access/actor.js';
import { roleCan } from '@linli/contracts';
import { AppError, invalidField, notFound } from '../../../platform/errors.js';
import { iso } from '../../../platform/time.js';
import * as assignmentsRepo from './assignments.repository.js';
import * as rosterPeople from './roster-people.repository.js';
import * as shiftsRepo from './shifts.repository.js';
import * as swapsRepo from './swaps.repository.js';
import { shiftLabel } from './duty.presenter.js';
import { recordShiftSteps } from './record-step.js';
import { nextSwapStatus, type SwapAction } from './roster-rules.js';
import { settingsOf } from './templates.service.js';

const notAllowed = (why: string) => new AppError('SHIFT_SWAP_NOT_ALLOWED', why);

async function present(ctx: AppContext, cid: CommunityId, rows: swapsRepo.SwapRow[]) {
  const assignments = rows.flatMap((r) => [r.from_assignment_id, ...(r.to_assignment_id ? [r.to_assignment_id] : [])]);
  const shifts = new Map((await swapsRepo.shiftsOfAssignments(ctx.db, cid, assignments)).map((s) => [s.assignment_id, s]));
  const names = new Map(
    (
      await rosterPeople.accountNamesIn(ctx.db, [...new Set(rows.flatMap((r) => [r.requested_by, r.to_account_id, ...(r.decided_by ? [r.decided_by] : [])]))])
    ).map((a) => [a.id, a.display_name]),
  );
  return rows.map((r) => {
    const from = shifts.get(r.from_assignment_id)!;
    const to = r.to_assignment_id ? shifts.get(r.to_assignment_id) : undefined;
    return {
      id: r.id,
      status: r.status as SwapStatus,
      shiftId: from.shift_id,
      shiftLabel: shiftLabel(from),
      toShiftId: to?.shift_id ?? null,
      toShiftLabel: to ? shiftLabel(to) : null,
      requestedBy: r.requested_by,
      requestedByName: names.get(r.requested_by) ?? '',
      toAccountId: r.to_account_id,
      toAccountName: names.get(r.to_account_id) ?? '',
      reason: r.reason,
      answeredAt: iso(r.answered_at),
      decidedByName: r.decided_by ? (names.get(r.decided_by) ?? null) : null,
      decidedAt: iso(r.decided_at),
      decisionNote: r.decision_note,
      createdAt: iso(r.created_at),
    };
  });
}

/** Staff see every swap of the community; a person on duty sees those they asked or were asked. */
export async function listSwaps(ctx: AppContext, actor: Actor, q: { communityId?: number; status?: SwapStatus }) {
  if (!roleCan(actor.role, 'shifts.write')) authorize(actor, 'shifts.duty');
  const cid = resolveCommunityId(actor, q.communityId);
  const involving = roleCan(actor.role, 'shifts.write') ? undefined : actor.accountId;
  return { items: await present(ctx, cid, await swapsRepo.listSwaps(ctx.db, cid, { status: q.status, involving })) };
}

async function getSwap(ctx: AppContext, cid: CommunityId, id: number) {
  const row = await swapsRepo.lockSwap(ctx.db, cid, id);
  if (!row) throw notFound('swap');
  return (await present(ctx, cid, [row]))[0]!;
}

/**
 * A person on a shift asks another person to swap: the other takes this shift over, or (with `toShiftId`) the two
 * exchange shifts. Only someone on the shift may ask; the other must be an active account of the community, and on
 * `toShiftId` when it is given. Recorded on the shift's timeline with the reason.
 */
export async function askSwap(ctx: AppContext, actor: Actor, input: CreateSwapInput) {
  authorize(actor, 'shifts.duty');
  const cid = resolveCommunityId(actor);
  const residentId = await rosterPeople.residentOfAccount(ctx.db, cid, actor.accountId);
  const id = await ctx.db.transaction().execute(async (trx) => {
    if (!(await shiftsRepo.findShift(trx, cid, input.shiftId))) throw notFound('shift');
    const mine = await assignmentsRepo.assignmentOf(trx, cid, input.shiftId, { accountId: actor.accountId, residentId });
    if (!mine) throw new AppError('SHIFT_NOT_ASSIGNED', 'not on this shift');
    if (mine.checked_in_at) throw notAllowed('checked in already');
    if (input.toAccountId === actor.accountId) throw invalidField('toAccountId', 'invalid');
    const [other] = await rosterPeople.accountsIn(trx, cid, [input.toAccountId]);
    if (!other) throw invalidField('toAccountId', 'invalid');
    let toAssignmentId: number | null = null;
    if (input.toShiftId) {
      if (!(await shiftsRepo.findShift(trx, cid, input.toShiftId))) throw notFound('shift');
      const theirs = await assignmentsRepo.assignmentOf(trx, cid, input.toShiftId, { accountId: other.id, residentId: other.resident_id });
      if (!theirs) throw invalidField('toShiftId', 'not_on_shift');
      toAssignmentId = theirs.id;
    } else if (await assignmentsRepo.assignmentOf(trx, cid, input.shiftId, { accountId: other.id, residentId: other.resident_id })) {
      throw new AppError('SHIFT_ALREADY_ASSIGNED', 'the other person is on this shift already', { fields: [{ field: 'toAccountId', rule: 'taken' }] });
    }
    const { id } = await swapsRepo
      .insertSwap(trx, cid, {
        from_assignment_id: mine.id,
        requested_by: actor.accountId,
        to_account_id: other.id,
        to_assignment_id: toAssignmentId,
        reason: input.reason,
      })
      .catch((err: unknown) => {
        if ((err as { code?: string }).code === '23505') throw notAllowed('a swap of this shift is open already');
        throw err;
      });
    await recordShiftSteps(trx, cid, actor, [
      {
        shiftId: input.shiftId,
        action: 'swap_asked',
        note: `${mine.name} → ${other.display_name}`,
        reason: input.reason,
        changes: { swapId: id, toShiftId: input.toShiftId ?? null },
      },
    ]);
    return id;
  });
  return getSwap(ctx, cid, id);
}

/** Applies an approved swap: the asker's assignment goes to the other person, and the other's (if any) to the asker. */
async function applySwap(trx: Transaction<DB>, cid: CommunityId, s: swapsRepo.SwapRow, by: number, at: Date) {
  const from = await assignmentsRepo.findAssignment(trx, cid, s.from_assignment_id);
  const to = s.to_assignment_id ? await assignmentsRepo.findAssignment(trx, cid, s.to_assignment_id) : null;
  if (!from || from.checked_in_at || (s.to_assignment_id && (!to || to.checked_in_at))) throw notAllowed('the shifts changed since the swap was asked');
  const [asker, other] = await Promise.all([rosterPeople.accountsIn(trx, cid, [s.requested_by]), rosterPeople.accountsIn(trx, cid, [s.to_account_id])]);
  if (!asker[0] || !other[0]) throw notAllowed('an account is no longer active');
  await assignmentsRepo.handOver(trx, cid, from, { accountId: other[0].id, name: other[0].display_name, residentId: other[0].resident_id, by }, at);
  if (to) await assignmentsRepo.handOver(trx, cid, to, { accountId: asker[0].id, name: asker[0].display_name, residentId: asker[0].resident_id, by }, at);
  return [from.shift_id, ...(to ? [to.shift_id] : [])];
}

/**
 * One step of a swap: the other person accepts or declines; staff approve or reject (an accept is the approval when the
 * community auto-approves); the asker withdraws. Each step records who, when and why; an approval moves the people.
 */
export async function actOnSwap(ctx: AppContext, actor: Actor, id: number, action: SwapAction, input: { note?: string | null; communityId?: number }) {
  const isStaffStep = action === 'approve' || action === 'reject';
  authorize(actor, isStaffStep ? 'shifts.write' : 'shifts.duty');
  const cid = resolveCommunityId(actor, input.communityId);
  const settings = await settingsOf(ctx, cid);
  const now = new Date();
  await ctx.db.transaction().execute(async (trx) => {
    const s = await swapsRepo.lockSwap(trx, cid, id);
    if (!s) throw notFound('swap');
    if ((action === 'accept' || action === 'decline') && s.to_account_id !== actor.accountId) throw notAllowed('only the person asked answers');
    if (action === 'withdraw' && s.requested_by !== actor.accountId) throw notAllowed('only the asker withdraws');
    const next = nextSwapStatus(s.status as SwapStatus, action, settings.autoApproveSwaps);
    if (!next) throw notAllowed(`cannot ${action} a swap that is ${s.status}`);
    const isAnswer = action === 'accept' || action === 'decline';
    await swapsRepo.updateSwap(trx, cid, id, {
      status: next,
      ...(isAnswer ? { answered_at: now } : {}),
      ...(isStaffStep || next === 'approved' ? { decided_by: actor.accountId, decided_at: now, decision_note: input.note ?? null } : {}),
    });
    const [from] = await swapsRepo.shiftsOfAssignments(trx, cid, [s.from_assignment_id]);
    const steps: Parameters<typeof recordShiftSteps>[3] = [
      {
        shiftId: from!.shift_id,
        action: `swap_${action === 'accept' ? 'accepted' : action === 'decline' ? 'declined' : action === 'approve' ? 'approved' : action === 'reject' ? 'rejected' : 'withdrawn'}`,
        note: input.note ?? null,
        changes: { swapId: id, status: next },
      },
    ];
    if (next === 'approved') {
      const moved = await applySwap(trx, cid, s, actor.accountId, now);
      if (action === 'accept') steps.push({ shiftId: from!.shift_id, action: 'swap_approved', note: 'auto', changes: { swapId: id, auto: true } });
      for (const shiftId of moved.slice(1)) steps.push({ shiftId, action: 'swap_approved', changes: { swapId: id } });
    }
    await recordShiftSteps(trx, cid, actor, steps);
  });
  return getSwap(ctx, cid, id);
}
