import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.js';
import type { AppContext } from '../platform/context.js';
import { writeAudit } from '../platform/audit/audit.js';
import { beijingDate } from '../platform/time.js';

/**
 * Partners in full (issue 9), retold in our own words from the reports: 小西坪's ten entry agreements (入驻协议) for the
 * 铁建丽苑 party post and a red-property alliance (红色物业联盟); 理工大's 5,000 yuan from five units for the 社区公社
 * (空间换资源: the units got wall space and events, the community got the repairs); 凌霄's caring merchants offering
 * services below market price; and everyday offers on each community's 15-minute life circle.
 */
type Db = Kysely<DB>;
interface NewPartner {
  name: string;
  kind: string;
  description: string;
}
interface Offer {
  partner: string;
  title: string;
  category: string;
  kind: string;
  price: 'free' | 'below_market' | 'paid';
  priceNote?: string;
  compound?: string;
  availability?: string;
  audience?: string;
  capacity?: number;
  phone?: string;
}

const xxpNew: NewPartner[] = [
  { name: '兰州交通大学社会实践基地', kind: 'school', description: '大学生社会实践基地设在小区党员阵地' },
  { name: '爸妈食堂', kind: 'merchant', description: '老年助餐，低于市场价' },
  { name: '七彩科学小课堂', kind: 'social_org', description: '青少年科学兴趣小组' },
  { name: '七里河区心理健康协会', kind: 'social_org', description: '心理疏导和家庭关系讲座' },
  { name: '铁建丽苑红色物业联盟', kind: 'other', description: '社区党委牵头，物业、业委会和驻区单位联建的红色物业联盟' },
];
/** The ten who signed entry agreements for the party post (existing partners of 小西坪 plus the new ones above). */
const xxpEntry = [
  ['蓝天救援队', '联建微型救援站，每季度一次电梯困人和消防演练', '阵地东侧储物间（约 12 ㎡）存放救援器材'],
  ['甘肃兴邦社会工作服务中心', '每周两个半天驻点社工服务，建立困难家庭档案', '阵地接待室'],
  ['徐婕瑜伽', '每周三晚公益瑜伽课一次，会员课对居民八折', '阵地多功能厅（周三 19:00–20:30）'],
  ['中国移动七里河分公司', '每月一次手机使用课堂和上门装机', null],
  ['甘肃锐诚律师事务所', '每月第一个周六法律咨询，每年两次普法讲座', '阵地议事室'],
  ['德盛和物业', '小区供水管网更换、枯树修剪，物业费收支每季度公示', null],
  ['兰州交通大学社会实践基地', '每学期不少于 40 人次学生志愿服务', '阵地二楼活动室'],
  ['爸妈食堂', '70 岁以上老人午餐 12 元一份（市场价约 18 元）', '阵地一楼餐厅（约 60 ㎡）'],
  ['七彩科学小课堂', '寒暑假每周两次青少年科学课', '阵地多功能厅（周六上午）'],
  ['七里河区心理健康协会', '每月一次心理健康讲座，个案转介', '阵地接待室'],
] as const;

const lgdNew: NewPartner[] = [
  { name: '卧龙岗生命事业中心', kind: 'enterprise', description: '出资修缮社区公社，协助开展公益活动' },
  { name: '伊利液态奶事业部', kind: 'enterprise', description: '出资修缮社区公社，节日为高龄老人送奶' },
];
/** 5,000 yuan from five units for the 社区公社 repairs, and the wall space and events they got in return. */
const lgdMoney = [
  ['小草爱心公益组织', 1500, '社区公社修缮：墙面和照明'],
  ['卧龙岗生命事业中心', 1200, '社区公社修缮：桌椅和书架'],
  ['伊利液态奶事业部', 1000, '社区公社修缮：空调维修'],
  ['德萍家政', 800, '社区公社修缮：窗帘和地面清洗'],
  ['老兵开锁', 500, '社区公社修缮：门锁更换'],
] as const;

const lxNew: NewPartner[] = [
  { name: '红领理发店', kind: 'merchant', description: '红领集市爱心商家：老人理发优惠' },
  { name: '阿芳裁缝铺', kind: 'merchant', description: '红领集市爱心商家：缝补改衣低价' },
  { name: '凌霄便民修理部', kind: 'merchant', description: '红领集市爱心商家：小家电维修' },
  { name: '好邻居眼镜', kind: 'merchant', description: '红领集市爱心商家：老花镜验配' },
];

const offers: Record<string, Offer[]> = {
  LZ_XXP: [
    {
      partner: '爸妈食堂',
      title: '老年助餐',
      category: 'meals',
      kind: 'service',
      price: 'below_market',
      priceNote: '12 元/份（市场价约 18 元）',
      compound: '铁建丽苑',
      availability: '每天 11:00–13:00',
      audience: '70 岁以上老人',
      capacity: 60,
    },
    {
      partner: '徐婕瑜伽',
      title: '公益瑜伽课',
      category: 'culture_sports',
      kind: 'service',
      price: 'free',
      compound: '铁建丽苑',
      availability: '每周三 19:00–20:30',
      capacity: 25,
    },
    {
      partner: '甘肃锐诚律师事务所',
      title: '法律咨询',
      category: 'legal',
      kind: 'expertise',
      price: 'free',
      availability: '每月第一个周六上午',
      phone: '0931-2650118',
    },
    { partner: '蓝天救援队', title: '应急救援培训', category: 'other', kind: 'expertise', price: 'free', compound: '铁建丽苑', availability: '每季度一次' },
    {
      partner: '七彩科学小课堂',
      title: '青少年科学兴趣小组',
      category: 'education',
      kind: 'service',
      price: 'free',
      availability: '寒暑假每周六上午',
      audience: '8–14 岁儿童',
      capacity: 20,
    },
  ],
  LZ_LGD: [
    {
      partner: '德萍家政',
      title: '低价家政保洁',
      category: 'home_repair',
      kind: 'service',
      price: 'below_market',
      priceNote: '2 小时 60 元（市场价约 100 元）',
      availability: '提前一天预约',
      phone: '0931-2958801',
    },
    {
      partner: '老兵开锁',
      title: '便民开锁',
      category: 'home_repair',
      kind: 'service',
      price: 'below_market',
      priceNote: '社区居民 30 元/次',
      availability: '全天',
    },
    {
      partner: '理工大卫生服务站',
      title: '高龄老人健康随访',
      category: 'health',
      kind: 'service',
      price: 'free',
      audience: '80 岁以上老人',
      availability: '每月一次上门',
    },
  ],
  NB_LX: [
    {
      partner: '红领理发店',
      title: '老人理发',
      category: 'elderly_care',
      kind: 'service',
      price: 'below_market',
      priceNote: '70 岁以上 10 元（平时 25 元）',
      availability: '周一至周五上午',
    },
    { partner: '阿芳裁缝铺', title: '缝补改衣', category: 'home_repair', kind: 'service', price: 'below_market', priceNote: '裤脚修改 5 元' },
    {
      partner: '凌霄便民修理部',
      title: '小家电维修',
      category: 'home_repair',
      kind: 'service',
      price: 'below_market',
      priceNote: '只收配件费，上门免费',
      availability: '每周六在红领驿站摆摊',
    },
    { partner: '好邻居眼镜', title: '老花镜免费验配', category: 'health', kind: 'service', price: 'free', availability: '每月 15 日红领驿站' },
    { partner: '北仑区人民医院', title: '高龄老人医患结对', category: 'health', kind: 'service', price: 'free', audience: '80 岁以上老人' },
  ],
};
const codes = { LZ_XXP: 'LZ-QLH-XZ-XXP', LZ_LGD: 'LZ-QLH-XH-LGD', NB_LX: 'NB-BL-XQ-LX' } as const;

async function communityId(db: Db, code: string) {
  return (await db.selectFrom('communities').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
}
async function addPartners(db: Db, cid: number, list: NewPartner[], joinedOn: string) {
  for (const p of list)
    await db
      .insertInto('partners')
      .values({
        community_id: cid,
        name: p.name,
        kind: p.kind,
        description: p.description,
        joined_on: joinedOn,
        contact_name: null,
        contact_phone_enc: null,
        contact_phone_masked: null,
        address: null,
      })
      .execute();
}
async function partnerIds(db: Db, cid: number) {
  const rows = await db.selectFrom('partners').select(['id', 'name', 'kind']).where('community_id', '=', cid).execute();
  return new Map(rows.map((r) => [r.name, r]));
}
async function compoundIds(db: Db, cid: number) {
  return new Map((await db.selectFrom('compounds').select(['id', 'name']).where('community_id', '=', cid).execute()).map((c) => [c.name, c.id]));
}

/** Seeds the story once, after seedDemo's communities and partners; answers how many rows it wrote. */
export async function seedPartnerOffers(ctx: AppContext, now = new Date()): Promise<number> {
  const today = beijingDate(now);
  const year = Number(today.slice(0, 4));
  const ago = (days: number) => beijingDate(now.getTime() - days * 86_400_000);
  let written = 0;
  await ctx.db.transaction().execute(async (trx) => {
    const db = trx as unknown as Db;
    const xxp = await communityId(db, codes.LZ_XXP);
    const lgd = await communityId(db, codes.LZ_LGD);
    const lx = await communityId(db, codes.NB_LX);
    await addPartners(db, xxp, xxpNew, `${year - 1}-03-01`);
    await addPartners(db, lgd, lgdNew, `${year - 1}-05-01`);
    await addPartners(db, lx, lxNew, `${year - 1}-09-01`);

    const xp = await partnerIds(db, xxp);
    for (const [i, [name, commitments, space]] of xxpEntry.entries()) {
      const startsOn = `${year - 1}-03-${String(1 + i).padStart(2, '0')}`;
      // Two agreements end within the month, so the renewal reminder has something to say.
      const endsOn = i < 2 ? ago(-20 - i * 5) : `${year + 1}-02-28`;
      await db
        .insertInto('agreements')
        .values({
          community_id: xxp,
          partner_id: xp.get(name)!.id,
          kind: 'entry',
          title: `铁建丽苑小区党员阵地入驻协议（${name}）`,
          signed_on: startsOn,
          starts_on: startsOn,
          ends_on: endsOn,
          commitments,
          space_given: space,
          resources_promised: null,
          remind_days: 30,
        })
        .execute();
      written++;
    }
    await db
      .insertInto('agreements')
      .values({
        community_id: xxp,
        partner_id: xp.get('铁建丽苑红色物业联盟')!.id,
        kind: 'co_building',
        title: '铁建丽苑红色物业联盟共建协议',
        signed_on: `${year - 1}-01-10`,
        starts_on: `${year - 1}-01-10`,
        ends_on: `${year + 1}-01-09`,
        commitments: '物业、业委会、驻区单位党员每月一次联席会；居民诉求 48 小时内答复',
        space_given: null,
        resources_promised: '德盛和物业每年拿出 2 万元用于小区公共设施小修',
        remind_days: 60,
      })
      .execute();
    written++;

    const lp = await partnerIds(db, lgd);
    for (const [i, [name, yuan, description]] of lgdMoney.entries()) {
      await db
        .insertInto('contributions')
        .values({
          community_id: lgd,
          partner_id: lp.get(name)!.id,
          kind: 'money',
          contributed_on: ago(150 - i * 3),
          value_fen: yuan * 100,
          description,
          note: '空间换资源：社区公社墙面展示单位标志',
        })
        .execute();
      await db
        .insertInto('agreements')
        .values({
          community_id: lgd,
          partner_id: lp.get(name)!.id,
          kind: 'co_building',
          title: `社区公社共建协议（${name}）`,
          signed_on: ago(160),
          starts_on: ago(160),
          ends_on: `${year + 1}-06-30`,
          commitments: '参与社区党建宣传、社会公益和志愿服务；低偿服务居民',
          space_given: '社区公社墙面展示位，活动时可使用公社场地',
          resources_promised: `修缮资金 ${yuan} 元`,
          remind_days: 30,
        })
        .execute();
      written += 2;
    }
    await db
      .insertInto('contributions')
      .values({
        community_id: lgd,
        partner_id: lp.get('兰州理工大学玉川志愿者协会')!.id,
        kind: 'work_hours',
        contributed_on: ago(40),
        hours: 36,
        description: '义诊义剪三场，学生志愿者 18 人次',
      })
      .execute();
    written++;

    const xp2 = await partnerIds(db, lx);
    for (const p of lxNew)
      await db
        .insertInto('contributions')
        .values({
          community_id: lx,
          partner_id: xp2.get(p.name)!.id,
          kind: 'goods',
          contributed_on: ago(30),
          value_fen: 30000,
          description: '重阳节红领集市爱心摊位服务折价',
        })
        .execute();
    written += lxNew.length;

    for (const [key, list] of Object.entries(offers)) {
      const cid = await communityId(db, codes[key as keyof typeof codes]);
      const partners = await partnerIds(db, cid);
      const compounds = await compoundIds(db, cid);
      for (const o of list) {
        const p = partners.get(o.partner)!;
        const r = await db
          .insertInto('resources')
          .values({
            community_id: cid,
            title: o.title,
            description: null,
            category: o.category,
            kind: o.kind,
            price_kind: o.price,
            price_note: o.priceNote ?? null,
            provider_kind: p.kind === 'merchant' ? 'merchant' : 'partner',
            provider_name: p.name,
            partner_id: p.id,
            compound_id: o.compound ? (compounds.get(o.compound) ?? null) : null,
            audience: o.audience ?? null,
            availability: o.availability ?? null,
            capacity: o.capacity ?? null,
            contact_phone: o.phone ?? null,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await writeAudit(trx, null, { communityId: cid, action: 'demo.seeded', entityType: 'resource', entityId: r.id });
        written++;
      }
    }
  });
  return written;
}
