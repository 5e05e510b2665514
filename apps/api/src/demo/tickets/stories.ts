import type { Rand } from '../prng.js';
import { pick } from '../prng.js';
import { dueAt } from '../../modules/tickets/intake/sla.js';
import type { WorkCalendar } from '../../platform/calendar/work-calendar.js';
import { demoCases, type DemoCase } from './cases.js';
import type { PlayedPlan } from './everyday.js';
import { play, type Step, type Who } from './sim.js';
import { atBeijing, local, plus, staffOf, type World } from './world.js';
import { REF_YEAR } from '../households.js';

function must<T>(v: T | undefined, what: string): T {
  if (v === undefined) throw new Error(`demo case: ${what} not found`);
  return v;
}

/** The reports' cases of one community, as tickets played up to `now`. */
export function storiesOf(w: World, rand: Rand, now: Date, calendar: WorkCalendar, nextKey: () => number, reopenLimit: number): PlayedPlan[] {
  const keys = new Map<string, number>();
  return demoCases
    .filter((c) => c.community === w.name)
    .map((c) => {
      const key = nextKey();
      keys.set(c.story, key);
      return storyPlan(w, c, rand, now, calendar, key, reopenLimit, (story) => must(keys.get(story), `story ${story}`));
    });
}

function storyPlan(
  w: World,
  c: DemoCase,
  rand: Rand,
  now: Date,
  calendar: WorkCalendar,
  key: number,
  reopenLimit: number,
  keyOf: (story: string) => number,
): PlayedPlan {
  const cat = must(w.categories.get(c.category), `category ${c.category}`);
  const compound = c.compound
    ? must(
        w.compounds.find((x) => x.name === c.compound),
        c.compound,
      )
    : null;
  const building =
    compound && c.building
      ? must(
          compound.buildings.find((b) => b.name === c.building),
          c.building,
        )
      : null;
  const today = local(now);
  const created = atBeijing(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - c.daysAgo, c.at[0], c.at[1]);
  let reporter = null;
  if (c.reporter) {
    const r = c.reporter;
    const fits = (x: World['residents'][number], strict: boolean) =>
      (!compound || x.compoundId === compound.id) &&
      (!building || x.buildingId === building.id) &&
      REF_YEAR - x.year >= (r.minAge ?? 18) &&
      REF_YEAR - x.year <= (r.maxAge ?? 99) &&
      (!strict || ((!r.surname || x.name.startsWith(r.surname)) && (r.male === undefined || x.male === r.male)));
    const strict = w.residents.filter((x) => fits(x, true));
    reporter = pick(rand, strict.length ? strict : w.residents.filter((x) => fits(x, false)));
  }
  const who = (by: DemoCase['steps'][number]['by']): Who => (by === 'resident' || by === 'system' ? { label: by } : staffOf(w, by));
  const steps: Step[] = [];
  let t = created;
  for (const s of c.steps) {
    t = plus(t, s.h);
    const args: Step['args'] = {};
    if (s.assign && 'team' in s.assign)
      Object.assign(args, {
        assigneeKind: 'team',
        assigneeId: must(
          w.teams.find((x) => x.name === (s.assign as { team: string }).team),
          'team',
        ).id,
      });
    if (s.assign && 'partner' in s.assign) {
      const name = s.assign.partner;
      Object.assign(args, {
        assigneeKind: 'partner',
        assigneeId: must(
          w.partners.find((x) => x.name === name),
          name,
        ).id,
      });
    }
    if (s.assign && 'staff' in s.assign)
      Object.assign(args, { assigneeKind: 'account', assigneeId: (staffOf(w, s.assign.staff) as { accountId: number }).accountId });
    let escalation: Step['escalation'];
    if (s.escalateTo) {
      const name = s.escalateTo;
      const org = must(
        w.organisations.find((x) => x.name === name),
        name,
      );
      escalation = { organisationId: org.id, organisationName: org.name, contactAccountId: org.contactAccountId };
      Object.assign(args, { dueAt: plus(t, 24 * (s.dueDays ?? 5)) });
    }
    if (s.rating) args.rating = s.rating;
    if (s.mergeInto) args.mergeIntoIndex = keyOf(s.mergeInto);
    steps.push({ at: t, action: s.action, by: who(s.by), note: s.note ?? null, channel: s.channel ?? null, args, ...(escalation ? { escalation } : {}) });
  }
  const plan = {
    world: w,
    play: {
      createdAt: created,
      communityId: w.communityId,
      channel: c.channel,
      categoryId: cat.id,
      title: c.title,
      responseDueAt: dueAt(created, cat.responseHours, cat.workingHoursOnly, calendar),
      resolutionDueAt: dueAt(created, cat.resolutionHours, cat.workingHoursOnly, calendar),
      createdBy: who(c.by),
      meetingTitle: c.meetingTitle ?? null,
      steps,
    },
    description: c.description,
    compoundId: compound?.id ?? null,
    buildingId: building?.id ?? null,
    addressText: c.addressText ?? null,
    reporter,
    reporterName: reporter?.name ?? null,
    linkResident: c.channel !== 'online',
    isAnonymous: false,
    story: c.story,
  };
  return { ...plan, key, played: play(plan.play, now, reopenLimit) };
}
