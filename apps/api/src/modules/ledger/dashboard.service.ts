import { beijingDate } from '../../platform/time.js';
import {
  channelLabels,
  missedDeadline,
  roleCan,
  ticketStatusLabels,
  type Channel,
  type CommunityDashboard,
  type SubdistrictDashboard,
  type TicketStatus,
} from '@linli/contracts';
import type { AppContext } from '../../platform/context.js';
import { authorize, canSeeCommunity, resolveCommunityId, type Actor } from '../../platform/access/actor.js';
import { AppError, notFound } from '../../platform/errors.js';
import { ticketRollup as repo } from '../tickets/index.js';
import { placeRefs } from '../places/index.js';
import { departmentRanking } from '../escalations/index.js';
import { offerDashboard } from '../partners/index.js';
import { wishLedger } from '../wishes/index.js';
import { meetingLedger } from '../meetings/index.js';
import { careCounts } from '../care/index.js';
import { activityLedger, venueLedger } from '../activities/index.js';
import { volunteerLedger } from '../volunteers/index.js';
import { pointsLedger } from '../volunteers/index.js';
import { projectLedger } from '../projects/index.js';
import { dutyCounts, partyCounts } from '../people/index.js';

const DAY = 86_400_000;

/**
 * A period of whole Beijing days [from, to], both inclusive; by default the last 365 days, today included.
 * Whole days are what the dashboard's daily roll-up can answer exactly.
 */
export function periodOf(from: string | undefined, to: string | undefined, now = new Date()): repo.Period {
  const end = new Date(`${to ?? beijingDate(now)}T00:00:00+08:00`).getTime() + DAY;
  const start = from ? new Date(`${from}T00:00:00+08:00`).getTime() : end - 365 * DAY;
  if (!(start < end)) throw new AppError('VALIDATION_FAILED', 'from must be before to', { fields: [{ field: 'from', rule: 'invalid' }] });
  return { from: new Date(start), to: new Date(end), fromDay: beijingDate(start), toDay: beijingDate(end - 1) };
}

export function rate(numerator: number, denominator: number) {
  return { numerator, denominator, rate: denominator === 0 ? null : Math.round((numerator / denominator) * 10_000) / 10_000 };
}

const rates = (c: repo.RateCounts | undefined) => ({
  responseRate: rate(c?.responded_in_time ?? 0, c?.response_due ?? 0),
  resolutionRate: rate(c?.resolved_confirmed ?? 0, c?.resolvable ?? 0),
  satisfactionRate: rate(c?.satisfied ?? 0, c?.rated ?? 0),
});

export async function communityDashboard(ctx: AppContext, actor: Actor, q: { communityId?: number; from?: string; to?: string }): Promise<CommunityDashboard> {
  authorize(actor, 'dashboard.read');
  const cid = resolveCommunityId(actor, q.communityId);
  const now = new Date();
  const p = periodOf(q.from, q.to, now);
  const locale = actor.locale;
  const [[counts], by, weeks, overdue, [categories, compounds]] = await Promise.all([
    repo.rateCounts(ctx.db, [cid], p, now),
    repo.countsBy(ctx.db, cid, p),
    repo.weekly(ctx.db, cid, p),
    repo.overdueList(ctx.db, cid, now),
    Promise.all([repo.categoryNames(ctx.db, cid), placeRefs.compoundsOf(ctx.db, cid)]),
  ]);
  const wishes = await wishLedger.dashboardCounts(ctx.db, cid, p.from, p.to);
  const catName = new Map(categories.map((c) => [String(c.id), locale === 'en' ? c.name_en : c.name_zh]));
  const compName = new Map(compounds.map((c) => [String(c.id), c.name]));
  const rows = (list: Array<{ key: string; count: number }>, label: (k: string) => string) =>
    list.map((r) => ({ key: r.key, label: label(r.key), count: Number(r.count) }));
  const weekMap = new Map<string, { created: number; resolved: number }>();
  for (const w of weeks.created) weekMap.set(w.week, { created: Number(w.n), resolved: 0 });
  for (const w of weeks.resolved) weekMap.set(w.week, { created: weekMap.get(w.week)?.created ?? 0, resolved: Number(w.n) });
  const care = roleCan(actor.role, 'care.read') ? await careCounts(ctx, cid, now) : null;
  const venues = roleCan(actor.role, 'venues.read') ? { bookingsThisMonth: await venueLedger.bookingsThisMonth(ctx.db, cid, now) } : null;
  const volunteers = roleCan(actor.role, 'volunteers.read') ? await volunteerLedger.dashboardCounts(ctx.db, cid, now) : null;
  const party = roleCan(actor.role, 'party.read') ? await partyCounts(ctx, cid, now) : null;
  const projects = roleCan(actor.role, 'projects.read') ? await projectLedger.yearCounts(ctx.db, cid, now) : null;
  const duty = roleCan(actor.role, 'shifts.read') ? await dutyCounts(ctx, cid, now) : null;
  return {
    from: p.fromDay,
    to: p.toDay,
    ...(care ? { care } : {}),
    ...(venues ? { venues } : {}),
    ...(volunteers ? { volunteers } : {}),
    ...(party ? { party } : {}),
    ...(projects ? { projects } : {}),
    ...(duty ? { duty } : {}),
    total: counts?.total ?? 0,
    ...rates(counts),
    byStatus: rows(by.status, (k) => ticketStatusLabels[locale][k as TicketStatus] ?? k),
    byChannel: rows(by.channel, (k) => channelLabels[locale][k as Channel] ?? k),
    byCategory: rows(by.category, (k) => catName.get(k) ?? k),
    byCompound: rows(by.compound, (k) => (k ? (compName.get(k) ?? k) : locale === 'en' ? '(no compound)' : '（未指定小区）')),
    weekly: [...weekMap.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([week, v]) => ({ week, ...v })),
    overdue: overdue.map((t) => ({
      id: t.id,
      code: t.code,
      title: t.title,
      status: t.status,
      dueAt: missedDeadline({
        status: t.status,
        firstResponseAt: t.first_response_at,
        responseDueAt: t.response_due_at,
        resolutionDueAt: t.resolution_due_at,
      }).toISOString(),
    })),
    partners: await offerDashboard(ctx.db, cid, p.fromDay, p.toDay),
    wishes,
    ...(roleCan(actor.role, 'meetings.read') ? { meetings: await meetingLedger.monthCounts(ctx.db, cid, now) } : {}),
    ...(roleCan(actor.role, 'activities.read') ? { activities: await activityLedger.monthCounts(ctx.db, cid, now) } : {}),
    ...(roleCan(actor.role, 'points.read') ? { points: await pointsLedger.pointsCounts(ctx.db, cid, p) } : {}),
  };
}

/**
 * A subdistrict compares its communities: ranked by resolution, then satisfaction, then response. A subdistrict admin
 * ranks their own subdistrict; a system administrator names one (subdistrictId) or, naming none, ranks every community.
 */
export async function subdistrictDashboard(
  ctx: AppContext,
  actor: Actor,
  q: { subdistrictId?: number; from?: string; to?: string },
): Promise<SubdistrictDashboard> {
  authorize(actor, 'dashboard.subdistrict');
  const subdistrictId = q.subdistrictId ?? actor.subdistrictId;
  if (!subdistrictId && actor.role !== 'system_admin')
    throw new AppError('VALIDATION_FAILED', 'subdistrictId required', { fields: [{ field: 'subdistrictId', rule: 'required' }] });
  const all = subdistrictId ? await placeRefs.communitiesOfSubdistrict(ctx.db, subdistrictId) : await placeRefs.allCommunities(ctx.db);
  const communities = all.filter((c) => canSeeCommunity(actor, c.id));
  if (communities.length === 0) throw notFound('subdistrict');
  const now = new Date();
  const p = periodOf(q.from, q.to, now);
  const counts = new Map(
    (
      await repo.rateCounts(
        ctx.db,
        communities.map((c) => c.id),
        p,
        now,
      )
    ).map((c) => [c.community_id, c]),
  );
  const list = communities.map((c) => {
    const k = counts.get(c.id);
    return { communityId: c.id, name: c.name, total: k?.total ?? 0, overdue: k?.overdue ?? 0, ...rates(k) };
  });
  const score = (r: { rate: number | null }) => r.rate ?? -1;
  list.sort(
    (a, b) =>
      score(b.resolutionRate) - score(a.resolutionRate) ||
      score(b.satisfactionRate) - score(a.satisfactionRate) ||
      score(b.responseRate) - score(a.responseRate),
  );
  const departments = roleCan(actor.role, 'escalations.board')
    ? await departmentRanking(ctx.db, actor, now, { communityIds: communities.map((c) => c.id), from: p.from, to: p.to })
    : undefined;
  return { from: p.fromDay, to: p.toDay, communities: list, departments };
}
