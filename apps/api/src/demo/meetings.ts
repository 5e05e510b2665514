import type { AppContext } from '../platform/context.js';
import { writeAudit } from '../platform/audit/audit.js';

// Meetings (议事会议, ADR 0045), retold in our own words from the seed reports. 理工大社区 takes its 喝茶议事 round
// its compounds in turn, every two weeks, anyone passing by may sit down; every lead is written down and some are
// answered at the table — at 二十二佳园 a son who travels for work asked who would look in on his mother of 85, and
// was answered there and then (the demo ticket `mother_85`). Three seasons: two held and minuted, the next one planned.
// 窑洲社区 holds 民情恳谈会 at 晴岚家园, where the residents drafted their compound convention and deliberation rule.
// Dates are relative to the day the demo is loaded.

const DAY = 86_400_000;

interface DemoTopic {
  title: string;
  outcome: 'answered' | 'ticket' | 'vote' | 'deferred' | null;
  note?: string;
  /** The demo ticket raised at this meeting whose title this topic takes (matched by title). */
  ticketTitle?: string;
}
interface DemoMeeting {
  compound: string;
  daysFromNow: number;
  topics: DemoTopic[];
  walkIns?: number;
  guests?: Array<{ name: string; role: string }>;
  minutes?: string;
  decisions?: string[];
  followUps?: Array<{ text: string; owner: string; inDays: number; done: boolean }>;
}

const lgdSeasons: Array<{ title: string; startDaysFromNow: number; meetings: Omit<DemoMeeting, 'daysFromNow'>[] }> = [
  {
    title: '喝茶议事（夏季轮值）',
    startDaysFromNow: -186,
    meetings: [
      {
        compound: '二十二佳园',
        walkIns: 17,
        guests: [{ name: '金房物业 马经理', role: '物业公司' }],
        topics: [
          {
            title: '出差期间85岁母亲无人照看',
            outcome: 'answered',
            ticketTitle: '出差期间85岁母亲无人照看',
            note: '当场拉进报安鸟群，出差前告诉社区，志愿者上门送饭、每天问平安',
          },
          { title: '商户把煤气罐放在楼道里', outcome: 'ticket', ticketTitle: '商户把煤气罐放在楼道里' },
          { title: '楼下晾衣杆被拆后没有地方晒被子', outcome: 'deferred', note: '下次议事前先量好空地再议' },
        ],
        minutes:
          '三件事：一位居民出差多，家中85岁母亲无人照看，当场纳入报安鸟关爱；底商楼道堆放煤气罐，登记为诉求由社区协调安监和物业；晾晒架选址暂缓，下次带方案再议。',
        decisions: ['高龄老人家属出差前报社区，由报安鸟志愿者每日问平安', '煤气罐问题三天内联合物业上门劝导'],
        followUps: [{ text: '回访老人家属，确认志愿者每天上门', owner: '社工 小杜', inDays: 7, done: true }],
      },
      {
        compound: '石油1号小区',
        walkIns: 22,
        topics: [
          { title: '6支文艺队没有排练场地', outcome: 'answered', note: '石油1号社区公社腾出活动室，按周排班使用' },
          { title: '单元门禁老是坏', outcome: 'ticket' },
        ],
        minutes: '文艺队场地：社区公社活动室修缮后向6支团队开放，按周排班。门禁故障登记为诉求，派物业维修。',
        decisions: ['社区公社活动室按周排班，团队负责人签到使用'],
        followUps: [{ text: '排出活动室的周排班表', owner: '社工 小杜', inDays: 10, done: true }],
      },
      {
        compound: '塑料厂10号楼',
        walkIns: 11,
        topics: [{ title: '脚手架拆完后一直堆在公共通道', outcome: 'answered', note: '施工方当场答应一周内清走' }],
        minutes: '施工方负责人到场，答应一周内清运脚手架并恢复通道。',
        decisions: ['施工方一周内清运脚手架'],
        followUps: [{ text: '一周后查看通道是否清空', owner: '网格员 小王', inDays: 7, done: true }],
      },
      {
        compound: '溪锦苑',
        walkIns: 14,
        topics: [{ title: '树枝挡住低层住户采光', outcome: 'ticket', note: '请园林部门修剪' }],
        minutes: '低层住户反映树枝遮挡采光，登记为诉求，请园林部门安排修剪。',
        decisions: ['由社区联系园林部门修剪'],
        followUps: [{ text: '跟进园林部门修剪时间', owner: '社工 小杜', inDays: 14, done: true }],
      },
    ],
  },
  {
    title: '喝茶议事（秋季轮值）',
    startDaysFromNow: -60,
    meetings: [
      {
        compound: '二十二佳园',
        walkIns: 19,
        topics: [
          { title: '兰工坪南街一直没有垃圾桶', outcome: 'answered', note: '环卫所答应本月内增设4组分类垃圾桶' },
          { title: '晾被子的地方', outcome: 'answered', note: '在3号楼东侧空地装晾衣架，居民出工' },
        ],
        minutes: '垃圾桶：环卫所到场答复，本月增设。晾晒架：选在3号楼东侧空地，居民自愿出工安装。',
        decisions: ['3号楼东侧空地安装晾衣架'],
        followUps: [{ text: '核对垃圾桶是否到位', owner: '网格员 小王', inDays: 30, done: false }],
      },
      {
        compound: '石油1号小区',
        walkIns: 15,
        topics: [{ title: '楼道里电动车充电', outcome: 'vote', note: '充电桩选址交居民表决' }],
        minutes: '楼道充电隐患大，选址两处，交居民表决。',
        decisions: ['充电桩选址提交表决'],
      },
      {
        compound: '塑料厂10号楼',
        walkIns: 9,
        topics: [{ title: '老人上下楼不方便', outcome: 'deferred', note: '加装电梯需要全体业主商量' }],
        minutes: '加装电梯意向调查先做，暂缓。',
      },
      { compound: '溪锦苑', walkIns: 12, topics: [{ title: '小区门口夜间照明不足', outcome: null }] },
    ],
  },
  {
    title: '喝茶议事（冬季轮值）',
    startDaysFromNow: 4,
    meetings: [
      { compound: '二十二佳园', topics: [{ title: '冬季供暖温度', outcome: null }] },
      { compound: '石油1号小区', topics: [] },
      { compound: '塑料厂10号楼', topics: [] },
      { compound: '溪锦苑', topics: [] },
    ],
  },
];

const yzMeetings: DemoMeeting[] = [
  {
    compound: '晴岚家园',
    daysFromNow: -75,
    walkIns: 46,
    guests: [
      { name: '晴岚家园物业 周经理', role: '物业公司' },
      { name: '昭山镇卫生院 医生', role: '共建单位' },
    ],
    topics: [
      { title: '小区公约和议事规则怎么定', outcome: 'vote', note: '草案张贴两周后交居民表决' },
      { title: '车辆乱停堵住消防通道', outcome: 'answered', note: '物业当场答应划线并安排夜间巡查' },
      { title: '老人想在家门口看病', outcome: 'answered', note: '卫生院每月来议事亭义诊一次' },
    ],
    minutes: '晴岚家园民情恳谈会：居民讨论小区公约和议事规则草案，决定公示后表决；物业答应消防通道划线；卫生院每月义诊。',
    decisions: ['公约和议事规则草案公示两周后表决', '消防通道划线，物业夜间巡查'],
    followUps: [
      { text: '张贴公约草案', owner: '楼栋长', inDays: 3, done: true },
      { text: '消防通道划线', owner: '晴岚家园物业', inDays: 14, done: true },
    ],
  },
  { compound: '晴岚家园', daysFromNow: 12, topics: [{ title: '公约实施一个月的情况', outcome: null }] },
];

const beijingAt = (dayOffset: number, now: Date, hhmm: string) => {
  const day = new Date(now.getTime() + dayOffset * DAY + 8 * 3600_000).toISOString().slice(0, 10);
  return new Date(`${day}T${hhmm}:00+08:00`);
};

/** Writes the meetings of 理工大 and 窑洲 with their topics, minutes and follow-ups; links the demo's meeting tickets. */
export async function seedMeetings(ctx: AppContext, now: Date): Promise<void> {
  const db = ctx.db;
  const community = (code: string) => db.selectFrom('communities').select('id').where('code', '=', code).executeTakeFirst();
  const lgd = await community('LZ-QLH-XH-LGD');
  const yz = await community('XT-YT-ZS-YZ');
  await db.transaction().execute(async (trx) => {
    const write = async (communityId: number, kind: string, title: string, m: DemoMeeting, rotation: { id: number; seq: number } | null) => {
      const compound = await trx.selectFrom('compounds').select('id').where('community_id', '=', communityId).where('name', '=', m.compound).executeTakeFirst();
      const startsAt = beijingAt(m.daysFromNow, now, kind === 'tea_talk' ? '15:00' : '19:30');
      const past = m.daysFromNow < 0;
      const status = !past ? 'planned' : m.minutes ? 'minuted' : 'held';
      const meetingTitle = `${title}·${m.compound}`;
      const { id } = await trx
        .insertInto('meetings')
        .values({
          community_id: communityId,
          kind,
          title: meetingTitle.slice(0, 80),
          status,
          compound_id: compound?.id ?? null,
          starts_at: startsAt,
          ends_at: new Date(startsAt.getTime() + 90 * 60_000),
          place: kind === 'tea_talk' ? `${m.compound}楼下茶桌` : '晴岚家园议事亭',
          host_name: kind === 'tea_talk' ? '闫书记' : '王书记',
          recorder_name: past ? '社工 小杜' : null,
          walk_in_count: m.walkIns ?? 0,
          minutes: m.minutes ?? null,
          rotation_id: rotation?.id ?? null,
          rotation_seq: rotation?.seq ?? null,
          held_at: past ? startsAt : null,
          minuted_at: m.minutes ? new Date(startsAt.getTime() + 2 * 3600_000) : null,
          created_at: new Date(startsAt.getTime() - 14 * DAY),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      // The tickets the demo registered at this meeting (by its old free-text title) now link to it.
      const legacy = kind === 'tea_talk' ? `喝茶议事·${m.compound}` : '晴岚家园民情恳谈会';
      const tickets = past
        ? await trx
            .updateTable('tickets')
            .set({ meeting_id: id })
            .where('community_id', '=', communityId)
            .where('meeting_title', '=', legacy)
            .where('meeting_id', 'is', null)
            .where('created_at', '>=', new Date(startsAt.getTime() - DAY))
            .where('created_at', '<', new Date(startsAt.getTime() + 2 * DAY))
            .returning(['id', 'title'])
            .execute()
        : [];
      let seq = 0;
      for (const t of m.topics) {
        const ticket = t.ticketTitle ? tickets.find((x) => x.title === t.ticketTitle) : undefined;
        await trx
          .insertInto('meeting_topics')
          .values({
            community_id: communityId,
            meeting_id: id,
            seq: ++seq,
            title: t.title,
            source_kind: ticket ? 'ticket' : 'new',
            source_id: ticket?.id ?? null,
            outcome: past ? t.outcome : null,
            outcome_note: past ? (t.note ?? null) : null,
            ticket_id: ticket?.id ?? null,
            decided_at: past && t.outcome ? startsAt : null,
          })
          .execute();
      }
      for (const g of m.guests ?? [])
        await trx
          .insertInto('meeting_attendees')
          .values({ community_id: communityId, meeting_id: id, kind: 'guest', name: g.name, role_note: g.role, signed_in_at: startsAt })
          .execute();
      for (const d of m.decisions ?? []) await trx.insertInto('meeting_decisions').values({ community_id: communityId, meeting_id: id, text: d }).execute();
      for (const f of m.followUps ?? [])
        await trx
          .insertInto('meeting_follow_ups')
          .values({
            community_id: communityId,
            meeting_id: id,
            text: f.text,
            owner_name: f.owner,
            due_on: new Date(startsAt.getTime() + f.inDays * DAY + 8 * 3600_000).toISOString().slice(0, 10),
            done_at: f.done ? new Date(startsAt.getTime() + (f.inDays - 1) * DAY) : null,
          })
          .execute();
      const steps: Array<[string, string | null, string | null]> = [['planned', null, 'planned']];
      if (past) steps.push(['hold', 'planned', 'held']);
      if (m.minutes) steps.push(['close', 'held', 'minuted']);
      for (const [action, from, to] of steps)
        await trx
          .insertInto('meeting_events')
          .values({
            community_id: communityId,
            meeting_id: id,
            action,
            from_status: from,
            to_status: to,
            actor_label: 'system',
            note: null,
            created_at: startsAt,
          })
          .execute();
      await writeAudit(trx, null, { communityId, action: 'demo.seeded', entityType: 'meeting', entityId: id });
    };
    if (lgd) {
      const compounds = await trx.selectFrom('compounds').select(['id', 'name']).where('community_id', '=', lgd.id).orderBy('id').execute();
      for (const season of lgdSeasons) {
        const order = season.meetings.map((m) => compounds.find((c) => c.name === m.compound)?.id).filter((x): x is number => x !== undefined);
        const rotation = await trx
          .insertInto('meeting_rotations')
          .values({
            community_id: lgd.id,
            kind: 'tea_talk',
            title: season.title,
            compound_ids: JSON.stringify(order),
            starts_on: new Date(now.getTime() + season.startDaysFromNow * DAY + 8 * 3600_000).toISOString().slice(0, 10),
            interval_days: 14,
            start_time: '15:00',
            duration_minutes: 90,
            place: null,
            host_name: '闫书记',
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        let i = 0;
        for (const m of season.meetings) {
          await write(lgd.id, 'tea_talk', '喝茶议事', { ...m, daysFromNow: season.startDaysFromNow + i * 14 }, { id: rotation.id, seq: i + 1 });
          i++;
        }
      }
    }
    if (yz) for (const m of yzMeetings) await write(yz.id, 'hearing', '晴岚家园民情恳谈会', m, null);
  });
}
