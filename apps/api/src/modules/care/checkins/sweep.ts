import { ladderStepLabels, type CheckinLadder, type LadderStepKind } from '@linli/contracts';
import type { AppContext } from '../../../platform/context.js';
import { trustedCommunityId } from '../../../platform/access/trusted-scope.js';
import { publish } from '../../../platform/outbox/outbox.js';
import { beijingDate } from '../../../platform/time.js';
import { careRecipientRefs, familyContacts, pairedHelpers, type CareRecipientRef } from '../refs.js';
import { openVisitTicket } from './visit-ticket.js';
import * as repo from './checkins.repository.js';
import { defaultLadder, dueSteps, nextStepAt } from './ladder.js';
import { careNotifiers, type CareNotice } from './notifier.js';

const BATCH = 500;

/**
 * The morning sweep and the ladder, run by the lease scheduler every minute: opens today's row of every active plan
 * (one statement), then takes every ladder step whose time has come, a batch at a time, and moves each row on.
 * A check-in in between wins: only rows still open move.
 */
export async function sweepCheckins(ctx: AppContext, now: Date): Promise<{ opened: number; steps: number }> {
  const opened = await repo.openDays(ctx.db, beijingDate(now));
  let steps = 0;
  for (;;) {
    const rows = await repo.dueLadderRows(ctx.db, now, BATCH);
    if (rows.length === 0) break;
    steps += await climb(ctx, rows, now);
    if (rows.length < BATCH) break;
  }
  return { opened, steps };
}

type DueRow = Awaited<ReturnType<typeof repo.dueLadderRows>>[number];

async function climb(ctx: AppContext, rows: DueRow[], now: Date): Promise<number> {
  const ladders = new Map(
    (await repo.laddersOf(ctx.db, [...new Set(rows.map((r) => r.community_id))])).map((l) => [l.community_id, JSON.parse(l.ladder) as CheckinLadder]),
  );
  const moves: Array<{ id: number; taken: number; next: Date | null }> = [];
  const stepRows: Parameters<typeof repo.insertSteps>[1] = [];
  // Names and compounds of the whole batch, one read per community (not one per row).
  const refs = new Map<number, CareRecipientRef>();
  for (const [communityId, group] of groupBy(rows, (r) => r.community_id))
    for (const [id, ref] of await careRecipientRefs(
      ctx.db,
      trustedCommunityId(communityId),
      group.map((r) => r.recipient_id),
    ))
      refs.set(id, ref);
  for (const r of rows) {
    const ladder = ladders.get(r.community_id) ?? defaultLadder;
    const due = dueSteps(r.due_at, ladder, r.steps_taken, now);
    const taken = r.steps_taken + due.length;
    moves.push({ id: r.id, taken, next: nextStepAt(r.due_at, ladder, taken) });
    for (const s of due) {
      const told = await tell(ctx, r, refs.get(r.recipient_id), s.kind, now);
      stepRows.push({
        community_id: r.community_id,
        day_id: r.id,
        recipient_id: r.recipient_id,
        step_no: s.index + 1,
        kind: s.kind,
        notified: told.notified,
        ticket_id: told.ticketId,
        created_at: now,
      });
    }
  }
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertSteps(trx, stepRows);
    await repo.advanceDays(trx, moves);
    // The event carries ids and the step, never a token or a phone: webhooks and group bots read it.
    for (const s of stepRows)
      await publish(trx, 'care.checkin.step', {
        communityId: s.community_id,
        recipientId: s.recipient_id,
        dayId: s.day_id,
        stepNo: s.step_no,
        kind: s.kind,
        ticketId: s.ticket_id,
      });
  });
  return stepRows.length;
}

/** Who a step tells, and the visit ticket of the last step. */
async function tell(
  ctx: AppContext,
  r: DueRow,
  ref: CareRecipientRef | undefined,
  kind: LadderStepKind,
  now: Date,
): Promise<{ notified: string | null; ticketId: number | null }> {
  // The row's own community, from the sweep over every community.
  const cid = trustedCommunityId(r.community_id);
  const name = ref?.residentNameMasked ?? '';
  const text = `【邻里·报平安】${name} 今天 ${beijingTimeOf(r.due_at)} 前还没有报平安，${ladderStepLabels['zh-CN'][kind]}。`;
  const targets: Array<{ name: string; phone: string | null }> = [];
  if (kind === 'recipient') targets.push({ name, phone: null });
  if (kind === 'helper' || kind === 'grid_worker') {
    const helpers = await pairedHelpers(ctx.db, cid, r.recipient_id);
    for (const h of helpers.filter((x) => (kind === 'grid_worker') === (x.helperKind === 'grid_worker'))) targets.push({ name: h.name, phone: null });
  }
  if (kind === 'family') for (const f of await familyContacts(ctx.db, cid, r.recipient_id, ctx.pii)) targets.push({ name: f.name, phone: f.phone });
  if (kind === 'visit_ticket') {
    const t = await openVisitTicket(ctx, cid, { recipientId: r.recipient_id, name, compoundId: ref?.compoundId ?? null, day: r.day, now });
    return { notified: t.code, ticketId: t.id };
  }
  const provider = careNotifiers.get(r.community_id);
  if (provider) {
    for (const t of targets) {
      const notice: CareNotice = { communityId: r.community_id, recipientId: r.recipient_id, step: kind, toName: t.name, toPhone: t.phone, text };
      // A provider that fails leaves the step recorded; the event still reaches the group bots.
      await provider.send(notice).catch((err: unknown) => ctx.log.warn({ err, step: kind, provider: provider.name }, 'care notice not sent'));
    }
  }
  return { notified: targets.map((t) => t.name).join('、') || null, ticketId: null };
}

const beijingTimeOf = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(11, 16);

function groupBy<T, K>(xs: readonly T[], key: (x: T) => K): Map<K, T[]> {
  const m = new Map<K, T[]>();
  for (const x of xs) m.set(key(x), [...(m.get(key(x)) ?? []), x]);
  return m;
}
