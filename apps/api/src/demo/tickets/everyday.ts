import { openTicketStatuses, type Rating } from '@linli/contracts';
import { between, pick, weighted, type Rand } from '../prng.js';
import { dueAt } from '../../modules/tickets/intake/sla.js';
import type { WorkCalendar } from '../../platform/calendar/work-calendar.js';
import { play, type Played, type Step, type Who } from './sim.js';
import { departmentReplies, rejectNotes, templates } from './templates.js';
import { atBeijing, DAY, HOUR, local, nextStaffed, plus, staffOf, type TicketPlan, type World } from './world.js';

export type PlayedPlan = TicketPlan & { key: number; played: Played };

const categoryWeights = { environment: 22, property: 20, utilities: 13, safety: 10, neighbour: 9, general: 18, complex: 5, emergency: 3 } as const;
type Code = keyof typeof categoryWeights;
/** Hours of the day a resident raises something (Beijing time): office hours heavy, nights light. */
const hourWeights = [0.2, 0.1, 0.1, 0.1, 0.1, 0.2, 0.5, 1.2, 3, 6, 7, 6, 2.5, 2.5, 6, 7, 6, 4, 2.5, 2.5, 2, 1.5, 0.8, 0.4];
const staffedChannels = { walk_in: 26, phone: 20, group_chat: 14, door_visit: 10, patrol: 12, online: 9, meeting: 5, hotline: 4 } as const;
const afterHoursChannels = { group_chat: 45, online: 30, phone: 15, hotline: 10 } as const;

/** Seasons: heating complaints in the cold months, more rubbish and weeds in summer. */
function seasonFactor(code: Code, month: number): number {
  if (code === 'utilities') return month >= 10 || month <= 2 ? 2.2 : 0.7;
  if (code === 'environment') return month >= 5 && month <= 8 ? 1.5 : 0.9;
  return 1;
}

/** A year of everyday tickets of one community, ending at `now`, played as they happened. */
export function everydayYear(w: World, rand: Rand, now: Date, calendar: WorkCalendar, nextKey: () => number, reopenLimit: number): PlayedPlan[] {
  const today = local(now);
  const out: PlayedPlan[] = [];
  const times: Date[] = [];
  while (times.length < w.ticketsPerYear) {
    const daysAgo = between(rand, 0, 364);
    const day = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - daysAgo));
    const weekend = day.getUTCDay() === 0 || day.getUTCDay() === 6;
    if (weekend && rand() < 0.55) continue;
    const hour = Number(weighted(rand, Object.fromEntries(hourWeights.map((x, i) => [String(i), x]))));
    const t = atBeijing(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), hour, between(rand, 0, 59));
    if (t.getTime() > now.getTime() - HOUR) continue;
    times.push(t);
  }
  times.sort((a, b) => a.getTime() - b.getTime());
  for (const created of times) {
    const month = local(created).getUTCMonth();
    let code: Code = weighted(rand, categoryWeights);
    if (rand() > seasonFactor(code, month) / 2.2) code = weighted(rand, categoryWeights);
    const cat = w.categories.get(code)!;
    const h = local(created).getUTCHours() + local(created).getUTCMinutes() / 60;
    const staffed = h >= 8.5 && h < 18;
    const channel: string = staffed ? weighted(rand, staffedChannels) : weighted(rand, afterHoursChannels);
    const compound = pick(rand, w.compounds);
    const building = pick(rand, compound.buildings);
    const neighbours = w.residents.filter((r) => r.buildingId === building.id && 2026 - r.year >= 18);
    const reporter = channel === 'patrol' || neighbours.length === 0 ? null : pick(rand, neighbours);
    const [title, description, result] = pick(rand, templates[code]!);
    const place = `${compound.name}${building.name}${reporter ? reporter.unit : ''}`;
    const isAnonymous = (channel === 'online' || channel === 'hotline') && rand() < 0.05;
    const createdBy: Who =
      channel === 'online'
        ? { label: 'resident' }
        : channel === 'patrol'
          ? staffOf(w, 'grid_worker')
          : staffOf(w, rand() < 0.6 ? 'social_worker' : 'secretary');
    const key = nextKey();
    const plan: TicketPlan = {
      world: w,
      play: {
        createdAt: created,
        communityId: w.communityId,
        channel,
        categoryId: cat.id,
        title,
        responseDueAt: dueAt(created, cat.responseHours, cat.workingHoursOnly, calendar),
        resolutionDueAt: dueAt(created, cat.resolutionHours, cat.workingHoursOnly, calendar),
        createdBy,
        meetingTitle: channel === 'meeting' ? `${compound.name}议事会` : null,
        steps: [],
      },
      description: description.replace('{p}', place),
      compoundId: compound.id,
      buildingId: building.id,
      addressText: null,
      reporter: isAnonymous ? null : reporter,
      reporterName: isAnonymous || !reporter ? null : reporter.name,
      linkResident: !isAnonymous && channel !== 'online' && channel !== 'hotline',
      isAnonymous,
      story: null,
    };
    const target = rand() < 0.025 ? mergeTarget(out, plan, created) : undefined;
    plan.play.steps = target ? mergeSteps(w, rand, created, target) : lifeOf(w, rand, plan, code, result, now);
    let played = play(plan.play, now, reopenLimit);
    // The grid worker's phone starts with an empty task list (the journeys count its tasks): what is still open at
    // load time is carried by the social worker instead.
    const grid = w.staff.gridWorker;
    if (grid && played.state.assigneeKind === 'account' && played.state.assigneeId === grid && isOpenStatus(played.state.status)) {
      plan.play.steps = handOver(plan.play.steps, grid, staffOf(w, 'social_worker'));
      played = play(plan.play, now, reopenLimit);
    }
    out.push({ ...plan, key, played });
  }
  return out;
}

const isOpenStatus = (status: string) => (openTicketStatuses as readonly string[]).includes(status);

/** The same life, carried by someone else from the start. */
function handOver(steps: Step[], from: number, to: Who): Step[] {
  const toId = 'accountId' in to ? to.accountId : from;
  return steps.map((s) => ({
    ...s,
    by: 'accountId' in s.by && s.by.accountId === from ? to : s.by,
    args: s.args?.assigneeKind === 'account' && s.args.assigneeId === from ? { ...s.args, assigneeId: toId } : s.args,
  }));
}

/** An earlier ticket of the same building and category, still open, raised in the last three days. */
function mergeTarget(earlier: PlayedPlan[], plan: TicketPlan, at: Date): PlayedPlan | undefined {
  return [...earlier]
    .reverse()
    .find(
      (p) =>
        p.buildingId === plan.buildingId &&
        p.play.categoryId === plan.play.categoryId &&
        p.play.createdAt.getTime() > at.getTime() - 3 * DAY &&
        !p.played.state.mergedIntoId &&
        (p.played.openUntil === null || p.played.openUntil.getTime() > at.getTime() + 3 * HOUR) &&
        p.played.state.status !== 'submitted',
    );
}

function mergeSteps(w: World, rand: Rand, created: Date, target: PlayedPlan): Step[] {
  return [
    {
      at: plus(created, 0.2 + rand() * 2),
      action: 'merge',
      by: staffOf(w, 'secretary'),
      note: '同一诉求已有工单在办理，合并办理',
      args: { mergeIntoIndex: target.key },
    },
  ];
}

/** Who carries a category's tickets in this community. */
function assigneeFor(w: World, rand: Rand, code: Code): { assigneeKind: 'account' | 'team' | 'partner'; assigneeId: number } {
  const property = w.partners.find((p) => p.kind === 'property_company');
  const team = w.teams.find((t) => /志愿|互助|报安鸟/.test(t.name));
  const worker = (role: 'social_worker' | 'grid_worker') => ({
    assigneeKind: 'account' as const,
    assigneeId: (staffOf(w, role) as { accountId: number }).accountId,
  });
  if ((code === 'property' || code === 'utilities' || code === 'emergency') && property && rand() < 0.6)
    return { assigneeKind: 'partner', assigneeId: property.id };
  if (code === 'general' && team && rand() < 0.4) return { assigneeKind: 'team', assigneeId: team.id };
  if (code === 'environment' || code === 'safety') return worker('grid_worker');
  return worker('social_worker');
}

const ratingOf = (rand: Rand): Rating => (rand() < 0.8 ? 'satisfied' : 'basically_satisfied');

/** An everyday life: taken up, dispatched, worked (sometimes via a department), resolved and followed up. */
function lifeOf(w: World, rand: Rand, plan: TicketPlan, code: Code, result: string, now: Date): Step[] {
  const p = plan.play;
  const sec = staffOf(w, 'secretary');
  const desk = staffOf(w, 'social_worker');
  const created = p.createdAt;
  const window = p.resolutionDueAt.getTime() - created.getTime();
  const steps: Step[] = [];
  const onDesk = ['walk_in', 'door_visit', 'patrol', 'meeting', 'phone'].includes(p.channel) && nextStaffed(created) === created;
  const responseWindow = (p.responseDueAt.getTime() - created.getTime()) / HOUR;
  let t: Date;
  if (rand() < 0.06) t = plus(created, responseWindow * (1.1 + rand() * 1.4));
  else if (onDesk) t = plus(created, 0.05 + rand() * 0.5);
  else t = new Date(Math.min(plus(nextStaffed(created), 0.2 + rand() * 2).getTime(), plus(created, responseWindow * (0.3 + rand() * 0.6)).getTime()));

  if (p.channel === 'meeting' && rand() < 0.35) {
    steps.push({ at: plus(created, 0.1 + rand() * 0.5), action: 'answer_on_spot', by: sec, note: result, channel: 'meeting' });
    return [...steps, ...followUp(w, rand, plus(created, 0.6), false)];
  }
  if (rand() < 0.02) return [{ at: t, action: 'reject', by: sec, note: pick(rand, rejectNotes) }];
  steps.push({ at: t, action: 'accept', by: desk });
  const assignee = assigneeFor(w, rand, code);
  t = plus(t, 0.1 + rand() * 2);
  steps.push({ at: t, action: 'assign', by: sec, args: assignee, note: '请尽快处理并反馈' });
  const worker: Who = assignee.assigneeKind === 'account' ? { accountId: assignee.assigneeId } : desk;
  t = plus(t, 0.2 + rand() * 10);
  steps.push({ at: t, action: 'start', by: worker });
  // A few tickets stall after being taken up and are overdue now (the dashboard's 超期 list).
  if (created.getTime() > now.getTime() - 60 * DAY && created.getTime() < now.getTime() - 8 * DAY && rand() < 0.05) return steps;
  const dept = departmentFor(w, code);
  let resolveAt: Date;
  if (dept && rand() < (code === 'complex' ? 0.4 : code === 'utilities' ? 0.08 : 0.02)) {
    t = plus(t, 1 + rand() * 20);
    const escalation = { organisationId: dept.id, organisationName: dept.name, contactAccountId: dept.contactAccountId };
    steps.push({ at: t, action: 'escalate', by: sec, args: { dueAt: plus(t, 5 * 24) }, escalation, note: `转${dept.name}处置` });
    t = plus(t, 24 + rand() * 96);
    steps.push({ at: t, action: 'respond', by: desk, note: pick(rand, departmentReplies) });
    resolveAt = plus(t, 4 + rand() * 48);
  } else {
    const f = rand() < 0.07 ? 1.05 + rand() * 0.8 : 0.03 + 0.6 * rand() * rand();
    resolveAt = new Date(Math.max(created.getTime() + f * window, plus(t, 0.5).getTime()));
  }
  steps.push({ at: resolveAt, action: 'resolve', by: worker, note: result });
  return [...steps, ...followUp(w, rand, resolveAt, true, worker)];
}

/** Who an everyday escalation goes to: the department of the ticket's trade, or else the subdistrict office. */
function departmentFor(w: World, code: Code) {
  const type = code === 'utilities' ? 'housing' : code === 'environment' ? 'chengguan' : code === 'safety' ? 'police' : null;
  return w.organisations.find((o) => o.kind === 'department' && o.departmentType === type) ?? w.organisations.find((o) => o.kind === 'subdistrict_office');
}

/** The follow-up (回访): mostly satisfied, a few dissatisfied sent back for rework, some never rated and closed by the sweep. */
function followUp(w: World, rand: Rand, resolvedAt: Date, canRework: boolean, worker?: Who): Step[] {
  const r = rand();
  const at = plus(resolvedAt, 2 + rand() * 70);
  const byStaff = rand() < 0.55;
  const rater = (): Pick<Step, 'by' | 'channel' | 'note'> =>
    byStaff ? { by: staffOf(w, 'social_worker'), channel: 'phone', note: '电话回访' } : { by: { label: 'resident' }, channel: 'online', note: null };
  if (r < 0.09) return [{ at: plus(resolvedAt, 7 * 24 + 0.1 + rand() * 0.15), action: 'close', by: { label: 'system' }, args: { unratedTimeout: true } }];
  if (r < 0.13 && canRework && worker) {
    const back = plus(at, 1 + rand() * 20);
    const done = plus(back, 4 + rand() * 60);
    return [
      { at, action: 'rate', ...rater(), args: { rating: 'dissatisfied' }, comment: '问题没有彻底解决' },
      { at: back, action: 'start', by: worker },
      { at: done, action: 'resolve', by: worker, note: '返工处理，已彻底解决' },
      { at: plus(done, 3 + rand() * 40), action: 'rate', ...rater(), args: { rating: ratingOf(rand) } },
    ];
  }
  return [{ at, action: 'rate', ...rater(), args: { rating: ratingOf(rand) } }];
}
