import type { AppContext } from '../platform/context.js';
import { writeAudit } from '../platform/audit/audit.js';
import { maskPhone } from '../platform/crypto/pii.js';
import { hashPassword } from '../modules/auth/index.js';
import { DEMO_PASSWORD } from './accounts.js';

// 窑洲社区's micro-wishes (微心愿), retold in our own words (seed report 004): residents of 晴岚家园, an estate of
// resettled families, wished for small things — a legal question answered, a certification at home, a radio, a ride
// to a check-up — and the community's party members, the township health centre and the estate's property company
// answered them. Twenty-two wishes over the demo year: most fulfilled and thanked, a few still open.
// Dates are relative to the day the demo is loaded.

const DAY = 86_400_000;

type Claimant = { kind: 'party_member' | 'partner' | 'volunteer' | 'team'; name: string; partner?: string };
interface DemoWish {
  who: string;
  text: string;
  category: 'daily_goods' | 'study' | 'health' | 'repair' | 'companionship' | 'errand' | 'other';
  value: number | null;
  source: 'resident' | 'grid_worker' | 'building_head' | 'meeting';
  daysAgo: number;
  /** What became of it: 'confirmed' (fulfilled and thanked), 'fulfilled', or still open. */
  end: 'confirmed' | 'fulfilled' | 'claimed' | 'published' | 'draft' | 'expired';
  by?: Claimant[];
  result?: string;
  thanks?: string;
}

const hospital = '昭山镇卫生院';
const property = '晴岚家园物业';
const pm = (name: string): Claimant => ({ kind: 'party_member', name });
const unit = (partner: string): Claimant => ({ kind: 'partner', name: partner, partner });

const wishes: DemoWish[] = [
  {
    who: '周桂兰',
    text: '腿脚不便，想请人上门办老年认证',
    category: 'errand',
    value: null,
    source: 'building_head',
    daysAgo: 340,
    end: 'confirmed',
    by: [unit(hospital)],
    result: '卫生院随社工上门完成认证',
    thanks: '不用跑村里了，谢谢你们',
  },
  {
    who: '刘建国',
    text: '想咨询拆迁安置房产证办理的法律问题',
    category: 'other',
    value: null,
    source: 'meeting',
    daysAgo: 320,
    end: 'confirmed',
    by: [pm('彭律师（党员）')],
    result: '党员律师在议事亭当面解答，并列了办理清单',
    thanks: '心里有底了',
  },
  {
    who: '李秀珍',
    text: '想要一台收音机，每天听听花鼓戏',
    category: 'daily_goods',
    value: 90,
    source: 'resident',
    daysAgo: 300,
    end: 'confirmed',
    by: [pm('王志刚')],
    result: '送去收音机并调好频道',
    thanks: '天天在听，谢谢小王',
  },
  {
    who: '陈伟',
    text: '孩子上三年级，想要一套课外读物',
    category: 'study',
    value: 150,
    source: 'grid_worker',
    daysAgo: 285,
    end: 'confirmed',
    by: [unit(property)],
    result: '物业送去十二本课外书和一个书包',
    thanks: '孩子很喜欢',
  },
  {
    who: '黄淑芬',
    text: '独自在家，想有人每周来陪着说说话',
    category: 'companionship',
    value: null,
    source: 'building_head',
    daysAgo: 270,
    end: 'confirmed',
    by: [{ kind: 'team', name: '晴岚家园党员志愿服务队' }],
    result: '志愿服务队排了每周三上门陪伴',
    thanks: '每周三都盼着',
  },
  {
    who: '张德明',
    text: '楼道里想装一个扶手，上下楼安全些',
    category: 'repair',
    value: 600,
    source: 'meeting',
    daysAgo: 250,
    end: 'confirmed',
    by: [unit(property), pm('李红军')],
    result: '物业出材料、党员出工，扶手已装好',
    thanks: '老伙计们都说好',
  },
  {
    who: '吴小梅',
    text: '想参加小区的邻里活动，认识新邻居',
    category: 'companionship',
    value: null,
    source: 'resident',
    daysAgo: 235,
    end: 'confirmed',
    by: [{ kind: 'volunteer', name: '小区志愿者 刘婷' }],
    result: '邀请参加中秋邻里宴，结识了同楼栋邻居',
    thanks: '终于有说话的邻居了',
  },
  {
    who: '赵玉兰',
    text: '想请医生上门量血压、看看用药',
    category: 'health',
    value: null,
    source: 'grid_worker',
    daysAgo: 220,
    end: 'confirmed',
    by: [unit(hospital)],
    result: '家庭医生上门体检并调整了用药',
    thanks: '医生很耐心',
  },
  {
    who: '孙福生',
    text: '想要一个助行器',
    category: 'daily_goods',
    value: 180,
    source: 'building_head',
    daysAgo: 205,
    end: 'confirmed',
    by: [pm('王志刚')],
    result: '送去助行器并教会使用',
    thanks: '出门方便多了',
  },
  {
    who: '何春花',
    text: '想学用智能手机视频通话，和外地的儿子说话',
    category: 'study',
    value: null,
    source: 'meeting',
    daysAgo: 190,
    end: 'confirmed',
    by: [{ kind: 'volunteer', name: '大学生志愿者 小唐' }],
    result: '志愿者上门教了三次，已能自己视频',
    thanks: '天天能看到孙子了',
  },
  {
    who: '罗国强',
    text: '电动车没处充电，想在楼下有个安全充电点',
    category: 'repair',
    value: 800,
    source: 'meeting',
    daysAgo: 175,
    end: 'confirmed',
    by: [unit(property)],
    result: '结合飞线充电整治，物业在 3 栋旁装了充电桩',
    thanks: '不用再拉线了',
  },
  {
    who: '邓秀英',
    text: '想剪个头发，腿脚不好出不了门',
    category: 'errand',
    value: 20,
    source: 'building_head',
    daysAgo: 160,
    end: 'confirmed',
    by: [{ kind: 'team', name: '晴岚家园党员志愿服务队' }],
    result: '义剪活动时上门理发',
    thanks: '清爽了',
  },
  {
    who: '杨丽',
    text: '想办失业登记，不知道要带什么材料',
    category: 'other',
    value: null,
    source: 'resident',
    daysAgo: 140,
    end: 'confirmed',
    by: [pm('谭芳')],
    result: '党员陪同到党群服务站办好失业登记',
    thanks: '一次就办成了',
  },
  {
    who: '谢长春',
    text: '冬天怕冷，想要一床厚棉被',
    category: 'daily_goods',
    value: 200,
    source: 'grid_worker',
    daysAgo: 120,
    end: 'confirmed',
    by: [pm('李红军')],
    result: '送去棉被和电热毯',
    thanks: '今年冬天暖和',
  },
  {
    who: '曾凤英',
    text: '想请人帮忙把旧家具搬到楼下',
    category: 'errand',
    value: null,
    source: 'resident',
    daysAgo: 100,
    end: 'confirmed',
    by: [{ kind: 'volunteer', name: '小区志愿者 刘婷' }, pm('王志刚')],
    result: '两位志愿者一起搬完',
    thanks: '帮了大忙',
  },
  {
    who: '冯志华',
    text: '孩子想参加暑期兴趣班',
    category: 'study',
    value: 300,
    source: 'meeting',
    daysAgo: 80,
    end: 'fulfilled',
    by: [unit(property)],
    result: '物业资助孩子参加了书法暑期班',
  },
  {
    who: '唐桂香',
    text: '想要一副老花镜',
    category: 'health',
    value: 60,
    source: 'building_head',
    daysAgo: 60,
    end: 'confirmed',
    by: [unit(hospital)],
    result: '卫生院验光后配了老花镜',
    thanks: '看报纸清楚了',
  },
  {
    who: '胡建军',
    text: '想请人帮忙看看家里的电线是否安全',
    category: 'repair',
    value: null,
    source: 'grid_worker',
    daysAgo: 45,
    end: 'fulfilled',
    by: [pm('谭芳')],
    result: '党员电工上门检查，换了两个老化插座',
  },
  {
    who: '彭秋菊',
    text: '想请人陪着去湘潭市里医院复查',
    category: 'health',
    value: null,
    source: 'resident',
    daysAgo: 25,
    end: 'claimed',
    by: [{ kind: 'volunteer', name: '大学生志愿者 小唐' }],
  },
  { who: '钟明', text: '想给小区儿童角添几样玩具', category: 'daily_goods', value: 400, source: 'meeting', daysAgo: 12, end: 'published' },
  { who: '熊玉梅', text: '想要一个轮椅坐垫', category: 'daily_goods', value: 80, source: 'resident', daysAgo: 3, end: 'draft' },
  { who: '郭永福', text: '想有人周末来下象棋', category: 'companionship', value: null, source: 'building_head', daysAgo: 150, end: 'expired' },
];

/** The partner contact the wishes demo adds (README; the seed test counts it). */
export const demoWishAccounts = [{ username: 'yz_gongjian', name: '昭山镇卫生院 联系人', organisation: hospital }] as const;

/** The demo's micro-wishes of 窑洲社区, and the health centre's contact account who claims wishes on the phone. */
export async function seedWishes(ctx: AppContext, now = new Date()): Promise<void> {
  const community = await ctx.db.selectFrom('communities').select('id').where('code', '=', 'XT-YT-ZS-YZ').executeTakeFirst();
  if (!community) return;
  const cid = community.id;
  const compound = await ctx.db.selectFrom('compounds').select('id').where('community_id', '=', cid).where('name', '=', '晴岚家园').executeTakeFirst();
  const partners = new Map((await ctx.db.selectFrom('partners').select(['id', 'name']).where('community_id', '=', cid).execute()).map((p) => [p.name, p.id]));
  const staff = await ctx.db.selectFrom('accounts').select('id').where('username', '=', 'yz_shuji').executeTakeFirst();
  const at = (daysAgo: number, plus = 0) => new Date(now.getTime() - daysAgo * DAY + plus * DAY);
  await ctx.db.transaction().execute(async (trx) => {
    // The health centre's contact claims on the phone (a partner_contact tied to the partner through its organisation).
    const hospitalId = partners.get(hospital) ?? null;
    if (hospitalId) {
      const org = await trx
        .insertInto('organisations')
        .values({
          kind: 'partner_unit',
          department_type: null,
          name: hospital,
          contact_name: '公卫科',
          contact_phone: null,
          address: null,
          subdistrict_id: null,
          community_id: cid,
          partner_id: hospitalId,
          created_by: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('accounts')
        .values({
          username: 'yz_gongjian',
          display_name: '昭山镇卫生院 联系人',
          password_hash: await hashPassword(DEMO_PASSWORD),
          role: 'partner_contact',
          community_id: cid,
          subdistrict_id: null,
          organisation_id: org.id,
        })
        .execute();
    }
    for (const [i, w] of wishes.entries()) {
      const phone = `1387320${String(1000 + i).padStart(4, '0')}`;
      const raised = at(w.daysAgo);
      const published = w.end === 'draft' ? null : at(w.daysAgo, 1);
      const claimed = w.by?.length ? at(w.daysAgo, 3) : null;
      const fulfilled = w.result ? at(w.daysAgo, 10) : null;
      const confirmed = w.thanks ? at(w.daysAgo, 12) : null;
      const sealed = ctx.pii.seal(phone, maskPhone);
      const row = await trx
        .insertInto('wishes')
        .values({
          community_id: cid,
          status: w.end,
          source: w.source,
          meeting_title: w.source === 'meeting' ? '晴岚家园民情恳谈会' : null,
          compound_id: compound?.id ?? null,
          resident_name: w.who,
          resident_phone_enc: sealed.enc,
          resident_phone_masked: sealed.masked,
          resident_phone_hash: sealed.hash,
          public_initial: `${[...w.who][0]}**`,
          text: w.text,
          category: w.category,
          value_yuan: w.value,
          shared: (w.by?.length ?? 0) > 1,
          due_on: published ? new Date(published.getTime() + 30 * DAY).toISOString().slice(0, 10) : null,
          published_at: published,
          claimed_at: claimed,
          fulfilled_at: fulfilled,
          confirmed_at: confirmed,
          closed_at: confirmed ?? (w.end === 'expired' ? at(w.daysAgo, 31) : null),
          result_note: w.result ?? null,
          thanks: w.thanks ?? null,
          created_by: w.source === 'resident' ? null : (staff?.id ?? null),
          created_at: raised,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const steps: Array<{ action: string; from: string | null; to: string | null; when: Date; note?: string | null; resident?: boolean }> = [
        { action: 'raise', from: null, to: 'draft', when: raised, resident: w.source === 'resident' },
      ];
      if (published) steps.push({ action: 'publish', from: 'draft', to: 'published', when: published });
      for (const [k, c] of (w.by ?? []).entries()) {
        await trx
          .insertInto('wish_claims')
          .values({
            community_id: cid,
            wish_id: row.id,
            claimant_kind: c.kind,
            claimant_name: c.name,
            account_id: null,
            partner_id: c.partner ? (partners.get(c.partner) ?? null) : null,
            team_id: null,
            share_note: null,
            share_value_yuan: null,
            channel: 'staff',
            created_by: staff?.id ?? null,
            created_at: claimed!,
          })
          .execute();
        steps.push({ action: 'claim', from: k === 0 ? 'published' : 'claimed', to: 'claimed', when: claimed!, note: c.name });
      }
      if (fulfilled) steps.push({ action: 'fulfil', from: 'claimed', to: 'fulfilled', when: fulfilled, note: w.result ?? null });
      if (confirmed) steps.push({ action: 'confirm', from: 'fulfilled', to: 'confirmed', when: confirmed, note: w.thanks ?? null, resident: true });
      if (w.end === 'expired') steps.push({ action: 'expire', from: 'published', to: 'expired', when: at(w.daysAgo, 31) });
      for (const s of steps)
        await trx
          .insertInto('wish_events')
          .values({
            community_id: cid,
            wish_id: row.id,
            action: s.action,
            from_status: s.from,
            to_status: s.to,
            actor_id: s.resident || s.action === 'expire' ? null : (staff?.id ?? null),
            actor_label: s.resident ? 'resident' : s.action === 'expire' ? 'system' : null,
            channel: null,
            note: s.note ?? null,
            is_public: true,
            created_at: s.when,
          })
          .execute();
      await writeAudit(trx, null, { communityId: cid, action: 'demo.seeded', entityType: 'wish', entityId: row.id });
    }
  });
}
