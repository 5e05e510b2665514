import ical, { ICalCalendarMethod, ICalEventRepeatingFreq, ICalEventStatus, ICalWeekday } from 'ical-generator';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';
import timezone from 'dayjs/plugin/timezone.js';
import { activityLabels } from '@linli/contracts/activity-labels';
import type { AppContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { trustedCommunityId } from '../../platform/access/trusted-scope.js';
import { peopleRefs } from '../people/index.js';
import { placeRefs } from '../places/index.js';
import * as repo from './activities.repository.js';
import { parseWeeklyRrule } from './occurrences.js';

// The iCalendar feed (RFC 5545) of a community's public activities, or of one team's, made by ical-generator (ADR 0048):
// CRLF lines folded at 75 octets, a VTIMEZONE for Asia/Shanghai with every time given in it, DTSTAMP, a stable UID per
// occurrence (activity-<id>@<community code>.linli), and a weekly series as one event with its RRULE and an EXDATE for each cancelled
// occurrence. The feed shows the last 90 days and everything after.

const TZ = 'Asia/Shanghai';
dayjs.extend(utc);
dayjs.extend(timezone);
// ical-generator prints a native Date given a TZID in the server's own zone; a dayjs moment already in Beijing prints its
// Beijing wall time whatever the server's zone is.
const inBeijing = (d: Date) => dayjs(d).tz(TZ);
const WINDOW_MS = 90 * 86_400_000;

export interface FeedOptions {
  communityCode: string;
  teamId?: number;
  now?: Date;
}

type FeedRow = Awaited<ReturnType<typeof repo.feedRows>>[number];

export async function activitiesFeed(ctx: AppContext, o: FeedOptions): Promise<{ filename: string; body: string }> {
  const c = await placeRefs.communityByCode(ctx.db, o.communityCode);
  if (!c) throw notFound('community');
  // The feed is public by its community code, like the phone's calendar; only public activities are in it.
  const cid = trustedCommunityId(c.id);
  let title = `${c.name} · 活动日历`;
  if (o.teamId) {
    const team = await peopleRefs.teamRef(ctx.db, cid, o.teamId);
    if (!team) throw notFound('team');
    title = `${c.name} · ${team.name} · 活动日历`;
  }
  const now = o.now ?? new Date();
  const rows = await repo.feedRows(ctx.db, cid, { since: new Date(now.getTime() - WINDOW_MS), teamId: o.teamId });
  // No calendar-wide zone: DTSTAMP, CREATED and the RRULE's UNTIL stay in UTC as RFC 5545 wants, while each event's
  // times carry TZID=Asia/Shanghai and the VTIMEZONE is written once for them. The last line ends in CRLF too.
  const cal = ical({
    name: title,
    timezone: { name: null, generator: getVtimezoneComponent },
    prodId: { company: 'Linli', product: 'activities', language: 'ZH' },
  });
  cal.method(ICalCalendarMethod.PUBLISH);
  const singles = rows.filter((r) => r.series_id === null);
  const series = new Map<number, FeedRow[]>();
  for (const r of rows) if (r.series_id !== null) series.set(r.series_id, [...(series.get(r.series_id) ?? []), r]);
  // The UID names the record, not the server answering: the same on every install address and every fetch.
  const uid = (kind: string, id: number) => `${kind}-${id}@${c.code}.linli`;
  const base = (r: Pick<FeedRow, 'title' | 'kind' | 'description' | 'organiser_name' | 'place' | 'starts_at' | 'ends_at' | 'created_at'>) => ({
    start: inBeijing(r.starts_at),
    end: inBeijing(r.ends_at),
    timezone: TZ,
    stamp: now,
    created: r.created_at,
    summary: r.title,
    description: [activityLabels['zh-CN'].kind[r.kind as keyof (typeof activityLabels)['zh-CN']['kind']] ?? r.kind, r.organiser_name, r.description]
      .filter(Boolean)
      .join('\n'),
    location: r.place ?? undefined,
  });
  for (const r of singles) {
    cal.createEvent({ ...base(r), id: uid('activity', r.id), status: r.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED });
  }
  const heads = new Map((await repo.seriesHeads(ctx.db, cid, [...series.keys()])).map((h) => [h.id, h]));
  for (const [seriesId, occ] of series) {
    const head = heads.get(seriesId);
    const rule = head?.rrule ? parseWeeklyRrule(head.rrule) : null;
    if (!head || !rule) {
      // A series without a readable rule is listed occurrence by occurrence.
      for (const r of occ) cal.createEvent({ ...base(r), id: uid('activity', r.id) });
      continue;
    }
    const cancelled = occ.filter((r) => r.status === 'cancelled').map((r) => r.starts_at);
    cal.createEvent({
      ...base(head),
      id: uid('activity-series', seriesId),
      repeating: {
        freq: ICalEventRepeatingFreq.WEEKLY,
        byDay: rule.byDay.map((d) => d as ICalWeekday),
        until: rule.until,
        exclude: cancelled.map(inBeijing),
      },
    });
  }
  return { filename: o.teamId ? `activities-team-${o.teamId}.ics` : `activities-${c.code}.ics`, body: `${cal.toString()}\r\n` };
}
