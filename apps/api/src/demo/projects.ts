// 为民办实事 in the demo (issue 11, ADR 0047): 小西坪's projects and 凌霄's 民生项目认领会; called by demo/venues-projects.ts.
import type { AppContext } from '../platform/context.js';
import { beijingDate } from '../platform/time.js';
import type { Community, Trx } from './venues-projects.js';

const DAY = 86_400_000;

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
const at = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+08:00`);

interface DemoProject {
  title: string;
  content: string;
  source: 'resident' | 'meeting' | 'staff';
  start: number; // days from today
  end: number;
  funding: Array<[string, number]>;
  lead?: { kind: 'partner' | 'organisation' | 'party_org' | 'community'; name: string };
  co?: Array<{ kind: 'partner' | 'organisation' | 'party_org' | 'community'; name: string }>;
  claimEvent?: string;
  status: 'approved' | 'claimed' | 'in_progress' | 'completed' | 'evaluated';
  percent: number;
  completedDaysAgo?: number;
  milestones?: Array<[string, number, boolean]>; // title, due (days from today), done
  ratings?: Array<[number, string | null]>;
}

async function insertProject(ctx: AppContext, trx: Trx, c: Community, p: DemoProject, today: string, now: Date) {
  const created = new Date(now.getTime() + Math.min(p.start - 30, -10) * DAY);
  const completedAt = p.completedDaysAgo != null ? new Date(now.getTime() - p.completedDaysAgo * DAY) : null;
  const row = await trx
    .insertInto('projects')
    .values({
      community_id: c.cid,
      title: p.title,
      content: p.content,
      source_kind: p.source,
      source_id: null,
      status: p.status,
      percent: p.percent,
      planned_start: addDays(today, p.start),
      planned_end: addDays(today, p.end),
      claim_event: p.claimEvent ?? null,
      created_by: c.staffId,
      created_at: created,
      completed_at: completedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const pid = row.id;
  if (p.funding.length)
    await trx
      .insertInto('project_funding')
      .values(p.funding.map(([source, yuan]) => ({ community_id: c.cid, project_id: pid, source, amount_fen: yuan * 100 })))
      .execute();
  for (const [title, due, done] of p.milestones ?? []) {
    await trx
      .insertInto('project_milestones')
      .values({
        community_id: c.cid,
        project_id: pid,
        title,
        due_on: addDays(today, due),
        done_at: done ? at(addDays(today, Math.min(due, 0)), '17:00') : null,
      })
      .execute();
  }
  const claims = [...(p.lead ? [{ ...p.lead, role: 'lead' as const }] : []), ...(p.co ?? []).map((u) => ({ ...u, role: 'co' as const }))];
  for (const u of claims) {
    await trx
      .insertInto('project_claims')
      .values({ community_id: c.cid, project_id: pid, unit_kind: u.kind, unit_id: null, unit_name: u.name, role: u.role, claimed_by: c.staffId })
      .execute();
  }
  for (const [i, [rating, comment]] of (p.ratings ?? []).entries()) {
    await trx
      .insertInto('project_ratings')
      .values({ community_id: c.cid, project_id: pid, rating, comment, rater_hash: ctx.pii.hash(`project:demo-${pid}-${i}`) })
      .execute();
  }
  // The timeline, step by step up to where the project stands.
  const order = ['proposed', 'approved', 'claimed', 'in_progress', 'completed', 'evaluated'] as const;
  const steps = order.slice(0, order.indexOf(p.status) + 1);
  const action: Record<string, string> = {
    proposed: 'proposed',
    approved: 'approve',
    claimed: 'claimed',
    in_progress: 'progress',
    completed: 'complete',
    evaluated: 'rated',
  };
  await trx
    .insertInto('project_events')
    .values(
      steps.map((s, i) => ({
        community_id: c.cid,
        project_id: pid,
        action: action[s]!,
        from_status: i === 0 ? null : steps[i - 1]!,
        to_status: s,
        actor_id: s === 'evaluated' ? null : c.staffId,
        note: s === 'claimed' && p.claimEvent ? p.claimEvent : null,
      })),
    )
    .execute();
}

export async function seedXiaoxiping(ctx: AppContext, trx: Trx, c: Community, now: Date): Promise<number> {
  const today = beijingDate(now);
  const comments = ['水压足了，再也不用半夜接水', '施工期间天天有人通知，停水提前说', '管子换了水也清了', null, '路面恢复得很快', null];
  const list: DemoProject[] = [
    {
      title: '铁建丽苑老旧供水管网改造',
      content: '更换 6 栋楼的老化供水主管和入户管，解决高层水压不足、管道锈蚀漏水',
      source: 'meeting',
      start: -200,
      end: -60,
      funding: [
        ['区财政民生实事资金', 620000],
        ['供水企业配套', 180000],
      ],
      lead: { kind: 'organisation', name: '兰州城市供水集团' },
      co: [
        { kind: 'partner', name: '德盛和物业' },
        { kind: 'party_org', name: '小西坪社区党委' },
      ],
      status: 'evaluated',
      percent: 100,
      completedDaysAgo: 70,
      milestones: [
        ['入户摸排漏点', -190, true],
        ['主管开挖更换', -120, true],
        ['入户管更换和通水', -80, true],
        ['路面和绿化恢复', -70, true],
      ],
      ratings: Array.from({ length: 14 }, (_, i) => [i % 7 === 3 ? 4 : 5, comments[i % comments.length]!] as [number, string | null]),
    },
    {
      title: '爸妈食堂',
      content: '在铁建丽苑党员阵地旁开办老年助餐点，为 60 岁以上老人提供平价午餐，高龄独居老人可送餐上门',
      source: 'resident',
      start: -60,
      end: 45,
      funding: [
        ['街道养老服务补贴', 150000],
        ['共建单位捐赠', 30000],
      ],
      lead: { kind: 'partner', name: '甘肃兴邦社会工作服务中心' },
      co: [{ kind: 'partner', name: '德盛和物业' }],
      status: 'in_progress',
      percent: 60,
      milestones: [
        ['选定场地（3 号楼底商）', -50, true],
        ['厨房改造和装修', -10, true],
        ['消防和食品经营许可', 15, false],
        ['试运营（先供午餐）', 30, false],
      ],
    },
    {
      title: '楼道声控灯更换',
      content: '更换 6 栋楼 108 个楼道的损坏声控灯为感应 LED 灯',
      source: 'resident',
      start: 20,
      end: 80,
      funding: [['社区党组织服务群众经费', 26000]],
      status: 'approved',
      percent: 0,
    },
  ];
  for (const p of list) await insertProject(ctx, trx, c, p, today, now);
  return list.length;
}

/** 凌霄's 民生项目认领会: this year's projects put up at once; partners and a department claim them on the spot. */
export async function seedClaimingEvent(ctx: AppContext, trx: Trx, c: Community, now: Date): Promise<number> {
  const today = beijingDate(now);
  const event = '凌霄社区民生项目认领会';
  const list: DemoProject[] = [
    {
      title: '高龄老人健康小屋',
      content: '在红领驿站设健康小屋，每周两次医生坐诊、测血压血糖，建立 80 岁以上老人健康档案',
      source: 'meeting',
      start: -40,
      end: 120,
      funding: [['共建单位自筹', 40000]],
      lead: { kind: 'partner', name: '北仑区人民医院' },
      claimEvent: event,
      status: 'in_progress',
      percent: 35,
      milestones: [
        ['健康小屋设备到位', -20, true],
        ['建立高龄老人健康档案', 40, false],
      ],
    },
    {
      title: '四点半课堂',
      content: '放学后为双职工家庭的孩子提供作业辅导和兴趣课',
      source: 'resident',
      start: -20,
      end: 150,
      funding: [['商家联盟捐赠', 20000]],
      lead: { kind: 'partner', name: '红领集市爱心商家联盟' },
      co: [{ kind: 'party_org', name: '凌霄社区党委' }],
      claimEvent: event,
      status: 'claimed',
      percent: 0,
    },
    {
      title: '世茂世界湾电动车集中充电棚',
      content: '在一期北门建集中充电棚，解决楼道飞线充电的消防隐患',
      source: 'meeting',
      start: -30,
      end: 60,
      funding: [
        ['物业维修资金', 85000],
        ['街道消防专项', 35000],
      ],
      lead: { kind: 'partner', name: '世茂物业' },
      co: [{ kind: 'organisation', name: '新碶街道物管中心' }],
      claimEvent: event,
      status: 'in_progress',
      percent: 70,
      milestones: [
        ['选址和业主意见征询', -25, true],
        ['充电棚施工', -5, true],
        ['验收投用', 20, false],
      ],
    },
    {
      title: '黄山豪庭背街小巷整治',
      content: '清理黄山豪庭南侧背街的乱堆放，补齐路灯和垃圾分类点',
      source: 'staff',
      start: 10,
      end: 90,
      funding: [['街道城市管理经费', 60000]],
      status: 'approved',
      percent: 0,
    },
  ];
  for (const p of list) await insertProject(ctx, trx, c, p, today, now);
  return list.length;
}
