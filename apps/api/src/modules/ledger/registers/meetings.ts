import {
  attendeeKindLabels,
  meetingKindLabels,
  meetingStatusLabels,
  topicOutcomeLabels,
  topicSourceLabels,
  type AttendeeKind,
  type MeetingKind,
  type MeetingStatus,
  type TopicOutcome,
  type TopicSourceKind,
} from '@linli/contracts';
import { meetingLedger } from '../../meetings/index.js';
import { periodOf } from '../dashboard.service.js';
import type { LedgerRegister, RegisterQuery } from '../register.js';

const periodOfQuery = (q: RegisterQuery) => periodOf(q.filter.from, q.filter.to);
const zh = 'zh-CN' as const;
type Row = ReturnType<typeof meetingLedger.meetingBatches> extends AsyncGenerator<Array<infer R>, unknown, unknown> ? R : never;

const kindOf = (r: Row) => meetingKindLabels[zh][r.kind as MeetingKind] ?? '';
const topicLine = (t: Row['topics'][number], tickets: Row['tickets']) => {
  const ticket = t.ticket_id ? tickets.find((x) => x.id === t.ticket_id) : undefined;
  const outcome = t.outcome ? topicOutcomeLabels[zh][t.outcome as TopicOutcome] : '未议';
  const note = [t.outcome_note, ticket ? `诉求 ${ticket.code}` : null].filter(Boolean).join('；');
  return `${t.seq}. ${t.title}（${topicSourceLabels[zh][t.source_kind as TopicSourceKind] ?? ''}）— ${outcome}${note ? `：${note}` : ''}`;
};
const attendanceOf = (r: Row) => {
  const byKind = new Map<string, string[]>();
  for (const a of r.attendees) byKind.set(a.kind, [...(byKind.get(a.kind) ?? []), `${a.name}${a.signed_in_at ? '' : '（未签到）'}`]);
  const lines = [...byKind.entries()].map(([k, names]) => `${attendeeKindLabels[zh][k as AttendeeKind] ?? k}：${names.join('、')}`);
  if (r.walk_in_count) lines.push(`现场居民 ${r.walk_in_count} 人`);
  return lines.join('\n');
};

/** 议事会议台账: every meeting of the period but the cancelled ones, with its agenda and what came of it. */
export const meetingsRegister: LedgerRegister = {
  key: 'meetings',
  title: '议事会议台账',
  permission: 'meetings.read',
  byPeriod: true,
  columns: [
    { key: 'startsAt', header: '会议时间', width: 16, type: 'datetime' },
    { key: 'kind', header: '会议类型', width: 10, type: 'short' },
    { key: 'title', header: '会议名称', width: 18 },
    { key: 'compound', header: '小区', width: 12 },
    { key: 'place', header: '地点', width: 14 },
    { key: 'host', header: '主持人', width: 8, type: 'short' },
    { key: 'attendance', header: '参会人数', width: 7, type: 'number' },
    { key: 'topics', header: '议题及结果', width: 48 },
    { key: 'answered', header: '当场答复', width: 7, type: 'number' },
    { key: 'tickets', header: '转为诉求', width: 14 },
    { key: 'followUps', header: '跟进事项', width: 20 },
    { key: 'status', header: '状态', width: 7, type: 'short' },
  ],
  count: (ctx, q) => meetingLedger.countMeetings(ctx.db, q.communityId, periodOfQuery(q), 'meetings'),
  async *rows(ctx, q) {
    for await (const batch of meetingLedger.meetingBatches(ctx.db, q.communityId, periodOfQuery(q), 'meetings')) {
      yield batch.map((r) => ({
        startsAt: r.starts_at,
        kind: kindOf(r),
        title: r.title,
        compound: r.compoundName ?? '',
        place: r.place ?? '',
        host: r.host_name ?? '',
        attendance: r.attendees.length + r.walk_in_count,
        topics: r.topics.map((t) => topicLine(t, r.tickets)).join('\n'),
        answered: r.topics.filter((t) => t.outcome === 'answered').length,
        tickets: r.tickets.map((t) => `${t.code} ${t.title}`).join('\n'),
        followUps: r.followUps.map((f) => `${f.text}（${f.owner_name}${f.due_on ? `，${f.due_on}前` : ''}${f.done_at ? '，已完成' : ''}）`).join('\n'),
        status: meetingStatusLabels[zh][r.status as MeetingStatus] ?? '',
      }));
    }
  },
};

/**
 * 会议记录: the minutes of each meeting held in the period, one meeting per row — time and place, 主持人 and 记录人,
 * the attendance (who signed in, by kind, and the walk-ins), topics, minutes, decisions and follow-ups. The workbook
 * prints one layout (ADR 0032); a single meeting's record is this register for that day (ADR 0045 says why).
 */
export const meetingMinutesRegister: LedgerRegister = {
  key: 'meeting_minutes',
  title: '会议记录',
  permission: 'meetings.read',
  byPeriod: true,
  columns: [
    { key: 'meeting', header: '会议（时间、地点、类型）', width: 22 },
    { key: 'host', header: '主持人', width: 8, type: 'short' },
    { key: 'recorder', header: '记录人', width: 8, type: 'short' },
    { key: 'attendance', header: '参会人员', width: 26 },
    { key: 'topics', header: '议题', width: 34 },
    { key: 'minutes', header: '会议记录', width: 40 },
    { key: 'decisions', header: '决定事项', width: 22 },
    { key: 'followUps', header: '跟进事项', width: 20 },
  ],
  count: (ctx, q) => meetingLedger.countMeetings(ctx.db, q.communityId, periodOfQuery(q), 'minutes'),
  async *rows(ctx, q) {
    for await (const batch of meetingLedger.meetingBatches(ctx.db, q.communityId, periodOfQuery(q), 'minutes')) {
      yield batch.map((r) => ({
        meeting: [r.title, kindOf(r), r.compoundName, r.place].filter(Boolean).join('\n'),
        host: r.host_name ?? '',
        recorder: r.recorder_name ?? '',
        attendance: attendanceOf(r),
        topics: r.topics.map((t) => topicLine(t, r.tickets)).join('\n'),
        minutes: r.minutes ?? '',
        decisions: r.decisions.map((d, i) => `${i + 1}. ${d.text}`).join('\n'),
        followUps: r.followUps.map((f) => `${f.text}（${f.owner_name}${f.due_on ? `，${f.due_on}前` : ''}${f.done_at ? '，已完成' : ''}）`).join('\n'),
      }));
    }
  },
};
