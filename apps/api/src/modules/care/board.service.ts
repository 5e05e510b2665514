import { type CareBoard, type CareBoardItem, type CareTier, type CoverageQuery, type CoverageReport } from '@linli/contracts';
import type { AppContext } from '../../platform/context.js';
import { authorize, resolveCommunityId, type Actor } from '../../platform/access/actor.js';
import type { CommunityId } from '../../platform/db/scope.js';
import { iso } from '../../platform/time.js';
import * as repo from './care.repository.js';
import { addressOf } from './care.presenter.js';
import { pairedOnlyIds } from './care.policy.js';
import { coveragePercent, nextVisitDue, requiredVisits } from './due.js';
import { intervalsOf } from './recipients.service.js';
import { monthOf, monthRange } from './month.js';

const DAY = 86_400_000;
/** A list on the board shows this many, most urgent first; the counts are whole. */
const BOARD_LIST_LIMIT = 200;

type Fact = Awaited<ReturnType<typeof repo.dueFacts>>[number];
const factsOf = (f: Fact) => ({ tier: f.tier as CareTier, createdAt: f.created_at, lastVisitAt: f.last_visit_at, majorChangeAt: f.major_change_at });

/**
 * The board (console and the grid worker's phone list): visits overdue, due within seven days, and recipients nobody is
 * paired with. `mine` (and every paired helper without care.read) narrows it to the people paired with the actor.
 */
export async function careBoard(ctx: AppContext, actor: Actor, q: { communityId?: number; mine?: 'true' | 'false' }, now = new Date()): Promise<CareBoard> {
  authorize(actor, 'care.visit');
  const cid = resolveCommunityId(actor, q.communityId);
  let only = await pairedOnlyIds(ctx.db, actor, cid);
  if (q.mine === 'true' && only === null) only = (await repo.recipientIdsPairedWith(ctx.db, cid, actor.accountId)).map((r) => r.recipient_id);
  const onlySet = only ? new Set(only) : null;
  const iv = await intervalsOf(ctx, cid);
  const facts = (await repo.dueFacts(ctx.db, cid)).filter((f) => !onlySet || onlySet.has(f.id));
  const withDue = facts.map((f) => ({ f, due: nextVisitDue(factsOf(f), iv) })).sort((a, b) => a.due.getTime() - b.due.getTime());
  const weekEnd = new Date(now.getTime() + 7 * DAY);
  const overdue = withDue.filter((x) => x.due < now);
  const dueThisWeek = withDue.filter((x) => x.due >= now && x.due < weekEnd);
  const unpaired = withDue.filter((x) => !x.f.paired);
  const shown = [overdue, dueThisWeek, unpaired].map((l) => l.slice(0, BOARD_LIST_LIMIT));
  const rows = new Map((await repo.recipientsByIds(ctx.db, cid, [...new Set(shown.flat().map((x) => x.f.id))])).map((r) => [r.id, r]));
  const item = (x: { f: Fact; due: Date }): CareBoardItem => {
    const r = rows.get(x.f.id)!;
    return {
      recipientId: x.f.id,
      residentName: r.resident_name,
      compoundName: r.compound_name,
      address: addressOf(r),
      tier: x.f.tier,
      lastVisitAt: iso(x.f.last_visit_at),
      nextVisitDueAt: x.due.toISOString(),
      majorChange: !!x.f.major_change_at && (!x.f.last_visit_at || x.f.last_visit_at < x.f.major_change_at),
    };
  };
  return { communityId: cid, recipients: facts.length, overdue: shown[0]!.map(item), dueThisWeek: shown[1]!.map(item), unpaired: shown[2]!.map(item) };
}

/** The month's coverage: every recipient in care that month, the visits required (by now, in the current month), done, and who is overdue now. */
export async function coverageOf(ctx: Pick<AppContext, 'db'>, cid: CommunityId, month: string, now: Date): Promise<CoverageReport> {
  const { start, end } = monthRange(month);
  const iv = await intervalsOf(ctx, cid);
  const facts = (await repo.dueFacts(ctx.db, cid, { includeEndedSince: start })).filter((f) => f.created_at < end);
  const counts = new Map((await repo.visitCounts(ctx.db, cid, start, end)).map((c) => [c.recipient_id, c]));
  const names = new Map(
    (
      await repo.recipientsByIds(
        ctx.db,
        cid,
        facts.map((f) => f.id),
      )
    ).map((r) => [r.id, r]),
  );
  const rows = facts.map((f) => {
    const c = counts.get(f.id);
    // A month not over yet asks for the visits due by now, not for those still ahead.
    const required = requiredVisits(
      { ...factsOf(f), endedAt: f.ended_at, visitsBefore: c?.before ? new Date(c.before) : null },
      iv,
      start,
      now < end ? now : end,
    );
    const due = f.ended_at ? null : nextVisitDue(factsOf(f), iv);
    const n = names.get(f.id);
    return {
      recipientId: f.id,
      residentName: n?.resident_name ?? '',
      compoundName: n?.compound_name ?? null,
      tier: f.tier,
      required,
      done: c?.done ?? 0,
      overdue: due !== null && due < (now < end ? now : end),
      lastVisitAt: iso(f.last_visit_at),
      nextVisitDueAt: due ? due.toISOString() : null,
    };
  });
  rows.sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.recipientId - b.recipientId);
  return {
    communityId: cid,
    month,
    recipients: rows.length,
    required: rows.reduce((s, r) => s + r.required, 0),
    done: rows.reduce((s, r) => s + Math.min(r.done, r.required), 0),
    covered: rows.filter((r) => r.required > 0 && r.done >= r.required).length,
    overdue: rows.filter((r) => r.overdue).length,
    coveragePercent: coveragePercent(rows),
    rows,
  };
}

export async function coverageReport(ctx: AppContext, actor: Actor, q: CoverageQuery, now = new Date()): Promise<CoverageReport> {
  authorize(actor, 'care.read');
  return coverageOf(ctx, resolveCommunityId(actor, q.communityId), q.month ?? monthOf(now), now);
}

/** Counts for the dashboard: recipients, visits required and done this month, coverage. */
export async function careCounts(ctx: Pick<AppContext, 'db'>, cid: CommunityId, now = new Date()) {
  const r = await coverageOf(ctx, cid, monthOf(now), now);
  return {
    recipients: r.rows.filter((x) => x.nextVisitDueAt !== null).length,
    visitsRequired: r.required,
    visitsDone: r.done,
    overdue: r.overdue,
    coveragePercent: r.coveragePercent,
  };
}
