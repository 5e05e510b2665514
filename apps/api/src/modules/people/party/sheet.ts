import { partyPostClassLabels, type PartyPostClass } from '@linli/contracts';
import { beijingDate } from '../../../platform/time.js';
import type { CommunityId } from '../../../platform/db/scope.js';
import { invalidField } from '../../../platform/errors.js';
import { volunteerHoursRefs } from '../../volunteers/index.js';
import type { Db } from '../common.repository.js';
import * as repo from './party.repository.js';
import { settingsOf } from './party.access.js';

const DAY = 86_400_000;

/** A period of Beijing days [fromDay, toDay] and its instants; by default the calendar year so far. */
export interface SheetPeriod {
  from: Date;
  to: Date;
  fromDay: string;
  toDay: string;
}
export function sheetPeriod(fromDay?: string, toDay?: string, now = new Date()): SheetPeriod {
  const today = beijingDate(now);
  const f = fromDay ?? `${today.slice(0, 4)}-01-01`;
  const t = toDay ?? today;
  if (t < f) throw invalidField('to', 'invalid');
  return { fromDay: f, toDay: t, from: new Date(`${f}T00:00:00+08:00`), to: new Date(new Date(`${t}T00:00:00+08:00`).getTime() + DAY) };
}

/** The yearly floor for a period: prorated by its days (a quarter of about 12.5 h for 50 h a year), one decimal. */
export const floorFor = (floorHoursPerYear: number, period: SheetPeriod) =>
  Math.round(((floorHoursPerYear * Math.round((period.to.getTime() - period.from.getTime()) / DAY)) / 365) * 10) / 10;

export interface MemberSheet {
  partyMemberId: number;
  name: string;
  workUnit: string;
  partyOrg: string;
  reports: string;
  isReported: boolean;
  posts: string;
  areas: string;
  pairings: number;
  hours: number;
  content: string;
  floorHours: number;
  evaluation: string;
}

/**
 * One 双报到 feedback sheet row per member for a period (反馈表): reports, posts held in the period, areas,
 * pairings, service hours (volunteers' record, source of any kind) and content, and the community's evaluation
 * against the floor. Members: the given ones, else every in-service member.
 */
export async function memberSheets(db: Db, cid: CommunityId, period: SheetPeriod, memberIds?: readonly number[]): Promise<MemberSheet[]> {
  const settings = await settingsOf(db, cid);
  const members = memberIds ? await repo.memberNames(db, cid, memberIds) : await repo.activeMembers(db, cid, ['in_service']);
  const ids = members.map((m) => m.id);
  if (ids.length === 0) return [];
  const work = await repo.workOfMembers(db, cid, ids);
  const volunteerOf = await volunteerHoursRefs.ofPartyMembers(db, cid, ids);
  const minutes = await volunteerHoursRefs.totals(db, cid, [...volunteerOf.values()], period.from, period.to);
  const floorHours = floorFor(settings.floorHoursPerYear, period);
  const out: MemberSheet[] = [];
  for (const m of members.sort((a, b) => a.id - b.id)) {
    const reports = work.reports.filter((r) => r.party_member_id === m.id);
    const last = reports.filter((r) => r.reported_on <= period.toDay).at(-1);
    const inPeriod = reports.filter((r) => r.reported_on >= period.fromDay && r.reported_on <= period.toDay);
    const claims = work.claims.filter(
      (k) => k.party_member_id === m.id && new Date(k.claimed_at) < period.to && (k.left_at === null || new Date(k.left_at) >= period.from),
    );
    const open = <T extends { party_member_id: number; started_on: string; ended_on: string | null }>(rows: T[]) =>
      rows.filter((x) => x.party_member_id === m.id && x.started_on <= period.toDay && (x.ended_on === null || x.ended_on >= period.fromDay));
    const volunteerId = volunteerOf.get(m.id);
    const hours = volunteerId ? (minutes.get(volunteerId) ?? 0) / 60 : 0;
    const entries = volunteerId ? await volunteerHoursRefs.entries(db, cid, volunteerId, period.from, period.to) : [];
    const isReported = last !== undefined;
    const evaluation = !isReported ? '未报到' : hours >= floorHours ? '达标' : `未达下限（差 ${Math.round((floorHours - hours) * 10) / 10} 小时）`;
    out.push({
      partyMemberId: m.id,
      name: m.name,
      workUnit: last?.work_unit ?? m.work_unit ?? '',
      partyOrg: last?.work_unit_party_org ?? '',
      reports: (inPeriod.length ? inPeriod : last ? [last] : []).map((r) => `${r.reported_on}（回执 ${r.receipt_no}）`).join('；'),
      isReported,
      posts: claims.map((k) => `${k.post_name}（${partyPostClassLabels['zh-CN'][k.post_class as PartyPostClass] ?? k.post_class}）`).join('；'),
      areas: String(open(work.areas).length),
      pairings: open(work.pairings).length,
      hours: Math.round(hours * 10) / 10,
      content: entries
        .filter((e) => e.corrects_entry_id === null)
        .map((e) => `${beijingDate(e.started_at)} ${e.source_title}`)
        .join('；'),
      floorHours,
      evaluation,
    });
  }
  return out;
}
