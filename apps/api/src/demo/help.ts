import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { AppContext } from '../platform/context.js';
import type { Actor } from '../platform/access/actor.js';
import type { HelpCategory, Role } from '@linli/contracts';
import { addHelpAction, createHelpNeed, setHelper, stepHelpNeed } from '../modules/help/help.service.js';
import { refreshMatchIndex } from '../modules/matching/index.js';
import { createOrder, stepOrder } from '../modules/matching/matching.service.js';
import { trustedCommunityId } from '../platform/access/trusted-scope.js';
import { beijingDate } from '../platform/time.js';

// 金港城's 帮扶清单, retold (seed report 000): the community lists its help list beside its wish and resource lists and
// follows each case to its result, with the summer's young volunteers doing much of the legwork. Twelve households:
// elders living alone or very old, two 低保 households and two people with disabilities; what each needs, who helps,
// what was done. Two needs go through matching as orders to the volunteer 小博: one done and rated, one waiting on his
// phone. Everything goes through the services, so each step has its timeline and audit rows.

const DAY = 86_400_000;

interface DemoNeed {
  tag: 'living_alone' | 'advanced_age' | 'low_income' | 'disabled';
  category: HelpCategory;
  request: string;
  circumstances?: string;
  helper?: 'volunteer' | 'grid';
  actions?: { daysAgo: number; note: string }[];
  closed?: string;
}
const list: DemoNeed[] = [
  {
    tag: 'living_alone',
    category: 'errands',
    request: '每周两次帮忙买菜、买药',
    circumstances: '腿脚不便，下楼困难',
    helper: 'volunteer',
    actions: [
      { daysAgo: 40, note: '小博代购蔬菜和降压药' },
      { daysAgo: 33, note: '代购蔬菜，顺路取快递' },
    ],
  },
  {
    tag: 'living_alone',
    category: 'companionship',
    request: '希望有人常来聊聊天',
    helper: 'volunteer',
    actions: [{ daysAgo: 20, note: '上门陪伴一小时，教用手机视频' }],
  },
  {
    tag: 'living_alone',
    category: 'repair',
    request: '卫生间水管漏水',
    helper: 'grid',
    actions: [{ daysAgo: 58, note: '联系物业维修工上门更换水管' }],
    closed: '已修好，老人确认',
  },
  { tag: 'living_alone', category: 'errands', request: '帮老人买菜' },
  {
    tag: 'advanced_age',
    category: 'medical',
    request: '每月陪同去医院复查',
    circumstances: '高血压、糖尿病，需定期复查',
    helper: 'grid',
    actions: [{ daysAgo: 27, note: '陪同到兰州市第一人民医院复查' }],
  },
  {
    tag: 'advanced_age',
    category: 'cleaning',
    request: '家里卫生需要定期打扫',
    helper: 'volunteer',
    actions: [{ daysAgo: 12, note: '青年志愿者三人上门大扫除' }],
  },
  { tag: 'advanced_age', category: 'companionship', request: '节日探访慰问' },
  { tag: 'advanced_age', category: 'medical', request: '想找人陪着去医院看病' },
  {
    tag: 'low_income',
    category: 'financial',
    request: '孩子上学费用困难',
    circumstances: '低保户，单亲，一个孩子读初中',
    helper: 'grid',
    actions: [{ daysAgo: 50, note: '协助申请教育救助，材料已报街道' }],
  },
  {
    tag: 'low_income',
    category: 'legal',
    request: '拖欠工资想咨询律师',
    circumstances: '低保户，打零工被拖欠三个月工资',
    helper: 'grid',
    actions: [{ daysAgo: 35, note: '对接法律援助律师，已立案' }],
    closed: '工资已追回',
  },
  { tag: 'disabled', category: 'errands', request: '轮椅出行不便，需要代办跑腿', circumstances: '肢体二级残疾，使用轮椅' },
  {
    tag: 'disabled',
    category: 'repair',
    request: '门口需要加装扶手',
    circumstances: '视力三级残疾',
    helper: 'grid',
    actions: [{ daysAgo: 15, note: '联系共建单位上门测量' }],
  },
];

async function actorOf(ctx: AppContext, username: string): Promise<Actor> {
  const a = await ctx.db
    .selectFrom('accounts')
    .select(['id', 'role', 'display_name', 'community_id'])
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
  return {
    accountId: a.id,
    role: a.role as Role,
    displayName: a.display_name,
    communityId: a.community_id,
    subdistrictId: null,
    scope: [a.community_id!],
    requestId: crypto.randomUUID(),
    locale: 'zh-CN',
  };
}

export async function seedHelp(ctx: AppContext, communityCode: string, now = new Date()) {
  const db = ctx.db;
  const community = await db.selectFrom('communities').select('id').where('code', '=', communityCode).executeTakeFirstOrThrow();
  const cid = community.id;
  const secretary = await actorOf(ctx, 'jgc_shuji');
  const grid = await actorOf(ctx, 'jgc_wangge');
  const volunteer = await actorOf(ctx, 'jgc_zhiyuan');
  const byTag = async (tag: string, n: number, skip: readonly number[]) =>
    (
      await db
        .selectFrom('residents')
        .select('id')
        .where('community_id', '=', cid)
        .where('archived_at', 'is', null)
        .$if(tag === 'living_alone' || tag === 'advanced_age', (q) => q.where(sql<boolean>`${tag} = any(tags)`))
        .$if(skip.length > 0, (q) => q.where('id', 'not in', [...skip]))
        .orderBy('id')
        .limit(n)
        .execute()
    ).map((r) => r.id);
  const used: number[] = [];
  const needIds: number[] = [];
  for (const tag of ['living_alone', 'advanced_age', 'low_income', 'disabled'] as const) {
    const items = list.filter((x) => x.tag === tag);
    const people = await byTag(tag, items.length, used);
    for (const [i, item] of items.entries()) {
      const residentId = people[i];
      if (residentId === undefined) continue;
      used.push(residentId);
      // 低保 and disability are sealed tags of the resident, as the roster import would seal them.
      if (tag === 'low_income' || tag === 'disabled')
        await db
          .updateTable('residents')
          .set({ sensitive_enc: ctx.pii.encrypt(JSON.stringify([tag])) })
          .where('id', '=', residentId)
          .execute();
      const need = await createHelpNeed(ctx, secretary, {
        residentId,
        helpCategory: item.category,
        request: item.request,
        circumstances: item.circumstances ?? null,
      });
      needIds.push(need.id);
      if (item.helper)
        await setHelper(ctx, secretary, need.id, { helperKind: 'account', helperId: item.helper === 'volunteer' ? volunteer.accountId : grid.accountId });
      for (const a of item.actions ?? [])
        await addHelpAction(ctx, secretary, need.id, { actedOn: beijingDate(new Date(now.getTime() - a.daysAgo * DAY)), note: a.note });
      if (item.closed) await stepHelpNeed(ctx, secretary, need.id, { action: 'close', note: item.closed });
    }
  }
  // Matching: 帮老人买菜 and the wheelchair user's errands are sent to 小博's phone.
  await refreshMatchIndex(db, trustedCommunityId(cid));
  const errands = list.map((x, i) => ({ x, id: needIds[i] })).filter((e) => e.id !== undefined && e.x.category === 'errands' && !e.x.helper);
  for (const [i, e] of errands.entries()) {
    const order = await createOrder(ctx, secretary, {
      needKind: 'help_need',
      needId: e.id!,
      candidateKind: 'volunteer',
      candidateId: volunteer.accountId,
      claimantAccountId: volunteer.accountId,
      note: '同小区志愿者，请联系网格员拿钥匙',
    });
    if (i === 0) {
      await stepOrder(ctx, volunteer, order.id, { action: 'accept' });
      await stepOrder(ctx, volunteer, order.id, { action: 'done', note: '已买好送到家' });
      await stepOrder(ctx, secretary, order.id, { action: 'rate', rating: 5, note: '老人说菜很新鲜' });
    }
  }
  return needIds.length;
}
