import type { Rating, TicketAction } from '@linli/contracts';
import type { StaffRole } from './world.js';

/** One step of a reported case: how many hours after the previous step, by whom, and what was done. */
export interface CaseStep {
  h: number;
  action: TicketAction;
  by: StaffRole | 'resident' | 'system';
  note?: string;
  assign?: { team: string } | { partner: string } | { staff: StaffRole };
  escalateTo?: string;
  dueDays?: number;
  rating?: Rating;
  channel?: string;
  /** With `action: 'merge'`: the story (told earlier in the list) whose ticket this one joins. */
  mergeInto?: string;
}

/**
 * The cases of the reports in shared/seeds, retold in our own words as tickets with the path they took. Dates are
 * days before the demo is loaded. `escalateTo` names the organisation (demo/organisations.ts) it goes to.
 */
export interface DemoCase {
  story: string;
  community: string;
  compound?: string;
  building?: string;
  addressText?: string;
  channel: string;
  category: string;
  title: string;
  description: string;
  daysAgo: number;
  at: [hour: number, minute: number];
  meetingTitle?: string;
  /** The resident who raised it, found among the compound's residents; null for a patrol finding. */
  reporter: { surname?: string; male?: boolean; minAge?: number; maxAge?: number } | null;
  by: StaffRole | 'resident';
  steps: CaseStep[];
}

const rated = (h: number, rating: Rating = 'satisfied', by: 'resident' | 'social_worker' = 'resident'): CaseStep =>
  by === 'resident' ? { h, action: 'rate', by, rating, channel: 'online' } : { h, action: 'rate', by, rating, channel: 'phone', note: '电话回访' };

export const demoCases: DemoCase[] = [
  {
    story: 'garbage_station',
    community: '金港城社区',
    compound: '金海花园',
    building: '1号楼',
    channel: 'walk_in',
    category: 'environment',
    title: '西2门外垃圾中转站异味和清晨噪音',
    description:
      '1号楼几户居民到小区党员阵地反映：西2门外的垃圾中转站味道大，家里不敢开窗；每天一早清运垃圾声音很响，休息不好。找物业谈过几次没有结果，希望阵地出面协调。',
    daysAgo: 141,
    at: [9, 40],
    reporter: { minAge: 45, maxAge: 75 },
    by: 'social_worker',
    steps: [
      { h: 0.3, action: 'accept', by: 'social_worker', note: '值守队员到西2门外查看，先安抚居民情绪' },
      { h: 0.5, action: 'assign', by: 'secretary', assign: { partner: '金房物业' }, note: '请物业负责人一起到现场' },
      { h: 2, action: 'start', by: 'social_worker' },
      { h: 22, action: 'escalate', by: 'secretary', escalateTo: '七里河区城市管理局', dueDays: 5, note: '物业单方面解决不了，请清运所一起协商转运时间' },
      { h: 70, action: 'respond', by: 'social_worker', note: '三方协商：清运所同意把垃圾转运时间改到早上七点半' },
      { h: 20, action: 'resolve', by: 'social_worker', note: '转运时间已调整为7:30；金房物业安排专人在转运后冲洗地面，异味明显减轻' },
      rated(30),
    ],
  },
  {
    // A neighbour reports the same station a day later: one problem, one ticket (同一诉求合并办理).
    story: 'garbage_station_again',
    community: '金港城社区',
    compound: '金海花园',
    building: '1号楼',
    channel: 'phone',
    category: 'environment',
    title: '垃圾中转站太臭，早上清运吵得睡不着',
    description: '1号楼居民来电：西2门外垃圾中转站气味很大，每天早上五六点清运声音吵，老人孩子都休息不好，希望社区管一管。',
    daysAgo: 140,
    at: [8, 50],
    reporter: { minAge: 30, maxAge: 80 },
    by: 'social_worker',
    steps: [{ h: 0.4, action: 'merge', by: 'secretary', mergeInto: 'garbage_station', note: '与前一天居民反映的垃圾中转站问题是同一诉求，合并办理并回电告知' }],
  },
  {
    story: 'mother_85',
    community: '理工大社区',
    compound: '二十二佳园',
    channel: 'meeting',
    category: 'general',
    title: '出差期间85岁母亲无人照看',
    description: '居民在喝茶议事会上说：自己经常出差，家里85岁的老母亲没人照看，很不放心，希望社区能帮一把。',
    daysAgo: 186,
    at: [15, 10],
    meetingTitle: '喝茶议事·二十二佳园',
    reporter: { surname: '李', male: true, minAge: 45, maxAge: 62 },
    by: 'secretary',
    steps: [
      {
        h: 0.2,
        action: 'answer_on_spot',
        by: 'secretary',
        channel: 'meeting',
        note: '当场拉进“报安鸟”微信群；出差前告诉社区，志愿者上门送饭、打扫、每天报平安',
      },
      rated(170, 'satisfied', 'social_worker'),
    ],
  },
  {
    story: 'gas_cylinders',
    community: '理工大社区',
    compound: '二十二佳园',
    channel: 'meeting',
    category: 'safety',
    title: '商户把煤气罐放在楼道里',
    description: '喝茶议事会上有居民提出：底商经常把煤气罐放在楼道里，万一出事后果严重，希望社区协调。',
    daysAgo: 186,
    at: [15, 25],
    meetingTitle: '喝茶议事·二十二佳园',
    reporter: { minAge: 30, maxAge: 70 },
    by: 'secretary',
    steps: [
      { h: 0.1, action: 'accept', by: 'secretary', note: '会上登记，会后处理' },
      { h: 1, action: 'assign', by: 'secretary', assign: { staff: 'social_worker' }, note: '会同网格员上门' },
      { h: 17, action: 'start', by: 'social_worker' },
      { h: 30, action: 'resolve', by: 'social_worker', note: '上门劝导，商户已把气瓶搬到专用存放点并签了安全承诺书' },
      rated(26),
    ],
  },
  {
    story: 'scaffolding',
    community: '理工大社区',
    compound: '塑料厂10号楼',
    channel: 'meeting',
    category: 'complex',
    title: '脚手架长期占用公共场地',
    description: '塑料厂10号楼的居民在议事会上反映：外墙施工结束后脚手架一直没拆，占着楼下的公共场地，晾衣、停车都受影响。',
    daysAgo: 221,
    at: [14, 50],
    meetingTitle: '喝茶议事·塑料厂10号楼',
    reporter: { minAge: 35, maxAge: 80 },
    by: 'secretary',
    steps: [
      { h: 0.1, action: 'accept', by: 'secretary' },
      { h: 18, action: 'assign', by: 'secretary', assign: { staff: 'social_worker' }, note: '联系施工单位' },
      { h: 3, action: 'start', by: 'social_worker' },
      { h: 200, action: 'resolve', by: 'social_worker', note: '协调施工单位拆除脚手架，清理场地后归还居民使用' },
      rated(48, 'basically_satisfied'),
    ],
  },
  {
    story: 'branches',
    community: '理工大社区',
    compound: '溪锦苑',
    channel: 'meeting',
    category: 'environment',
    title: '树枝遮挡居民楼采光',
    description: '溪锦苑低层住户反映：楼前几棵大树的枝条挡住了窗户，白天屋里也要开灯。',
    daysAgo: 118,
    at: [15, 5],
    meetingTitle: '喝茶议事·溪锦苑',
    reporter: { minAge: 40, maxAge: 85 },
    by: 'secretary',
    steps: [
      { h: 0.2, action: 'accept', by: 'secretary' },
      { h: 2, action: 'assign', by: 'secretary', assign: { team: '报安鸟志愿服务队' }, note: '先统计受影响的住户' },
      { h: 20, action: 'start', by: 'social_worker' },
      { h: 100, action: 'resolve', by: 'social_worker', note: '联系园林养护单位修剪遮光枝条，住户采光恢复' },
      rated(20),
    ],
  },
  {
    story: 'missing_bins',
    community: '理工大社区',
    addressText: '兰工坪南街',
    channel: 'meeting',
    category: 'complex',
    title: '兰工坪南街多年没有垃圾桶',
    description: '沿街居民说兰工坪南街一直没有设垃圾桶，垃圾只能堆在路边或拎很远，希望解决这个老问题。',
    daysAgo: 160,
    at: [15, 40],
    meetingTitle: '喝茶议事·兰工坪南街',
    reporter: { minAge: 30, maxAge: 75 },
    by: 'secretary',
    steps: [
      { h: 0.1, action: 'accept', by: 'secretary' },
      { h: 1, action: 'assign', by: 'secretary', assign: { staff: 'social_worker' } },
      { h: 18, action: 'start', by: 'social_worker' },
      { h: 6, action: 'escalate', by: 'secretary', escalateTo: '七里河区城市管理局', dueDays: 10, note: '街面设桶需环卫部门审批和清运' },
      { h: 170, action: 'respond', by: 'social_worker', note: '环卫所同意在兰工坪南街沿线增设垃圾桶并纳入日常清运' },
      { h: 110, action: 'resolve', by: 'social_worker', note: '沿街新设分类垃圾桶8组，每天清运两次' },
      rated(40),
    ],
  },
  {
    story: 'arts_teams_room',
    community: '理工大社区',
    compound: '石油1号小区',
    channel: 'meeting',
    category: 'complex',
    title: '民间艺术团队没有活动场地',
    description: '合唱、秦腔等几支居民文艺团队反映没有固定排练场地，冬天只能停练。',
    daysAgo: 250,
    at: [10, 15],
    meetingTitle: '喝茶议事·石油1号小区',
    reporter: { minAge: 55, maxAge: 75 },
    by: 'secretary',
    steps: [
      { h: 0.2, action: 'accept', by: 'secretary' },
      { h: 3, action: 'assign', by: 'secretary', assign: { staff: 'social_worker' } },
      { h: 4, action: 'start', by: 'social_worker' },
      { h: 280, action: 'resolve', by: 'social_worker', note: '共建单位出资修缮石油1号小区活动室，开设“社区公社”，各团队按周排班使用' },
      rated(30),
    ],
  },
  {
    story: 'corridor_three_days',
    community: '凌霄社区',
    compound: '世茂世界湾一期',
    channel: 'door_visit',
    category: 'safety',
    title: '沿街楼道堆满装修材料和废旧桌椅',
    description: '走访时居民反映：沿街商户把装修材料、旧桌椅和厨具堆在楼道边，又脏又乱，也挡了疏散通道。',
    daysAgo: 92,
    at: [10, 30],
    reporter: { minAge: 30, maxAge: 70 },
    by: 'social_worker',
    steps: [
      { h: 0.2, action: 'accept', by: 'social_worker' },
      { h: 1, action: 'assign', by: 'secretary', assign: { staff: 'social_worker' } },
      { h: 1, action: 'start', by: 'social_worker' },
      { h: 2, action: 'escalate', by: 'secretary', escalateTo: '新碶街道办事处', dueDays: 3, note: '书记面对面：与物管中心支部书记当面对接' },
      { h: 20, action: 'respond', by: 'social_worker', note: '物管中心同意牵头，联合商户开展沿街楼道集中整治' },
      { h: 44, action: 'resolve', by: 'social_worker', note: '三天内完成整治：楼道堆物全部清运，商户签订门前责任书' },
      rated(30),
    ],
  },
  {
    story: 'smart_parking',
    community: '凌霄社区',
    compound: '黄山豪庭',
    channel: 'door_visit',
    category: 'complex',
    title: '黄山豪庭周边停车难',
    description: '居民反映小区周边车位紧张，晚上经常找不到地方停车，希望规划停车设施。',
    daysAgo: 9,
    at: [16, 0],
    reporter: { minAge: 30, maxAge: 60 },
    by: 'social_worker',
    steps: [
      { h: 0.5, action: 'accept', by: 'social_worker' },
      { h: 1, action: 'assign', by: 'secretary', assign: { staff: 'social_worker' } },
      { h: 16, action: 'start', by: 'social_worker' },
      { h: 4, action: 'escalate', by: 'secretary', escalateTo: '新碶街道办事处', dueDays: 7, note: '书记面对面：周边道路停车需职能部门统筹' },
      { h: 60, action: 'respond', by: 'social_worker', note: '部门回复：周边智慧停车项目已在建设，即将投入使用' },
    ],
  },
  {
    story: 'elderly_doctors',
    community: '凌霄社区',
    compound: '黄山豪庭',
    channel: 'door_visit',
    category: 'general',
    title: '高龄老人希望有固定医生',
    description: '走访高龄老人时家属提出：老人行动不便，希望有固定的医生定期联系、上门看看。',
    daysAgo: 200,
    at: [9, 50],
    reporter: { minAge: 40, maxAge: 65 },
    by: 'social_worker',
    steps: [
      { h: 0.2, action: 'accept', by: 'social_worker' },
      { h: 2, action: 'assign', by: 'secretary', assign: { partner: '北仑区人民医院' }, note: '纳入医患结对' },
      { h: 24, action: 'start', by: 'social_worker' },
      { h: 120, action: 'resolve', by: 'social_worker', note: '辖区17位80岁以上老人与区人民医院医生完成结对，医生定期电话随访' },
      rated(50, 'satisfied', 'social_worker'),
    ],
  },
  {
    story: 'water_supply',
    community: '小西坪社区',
    compound: '铁建丽苑',
    channel: 'group_chat',
    category: 'utilities',
    title: '供水不畅，高峰时段水流很小',
    description: '业主群里多位居民反映：早晚用水高峰水流很小，有时干脆没水，已经持续一段时间。',
    daysAgo: 170,
    at: [20, 15],
    reporter: { surname: '郝', male: false, minAge: 50, maxAge: 75 },
    by: 'secretary',
    steps: [
      { h: 12.5, action: 'accept', by: 'secretary' },
      { h: 0.5, action: 'assign', by: 'secretary', assign: { partner: '德盛和物业' }, note: '先排查二次供水设备' },
      { h: 3, action: 'start', by: 'secretary' },
      { h: 8, action: 'escalate', by: 'secretary', escalateTo: '兰州威立雅水务七里河营业所', dueDays: 5, note: '排查为小区供水管网老化，需供水部门更换' },
      { h: 96, action: 'respond', by: 'secretary', note: '供水服务站排定管网更换工期' },
      { h: 150, action: 'resolve', by: 'secretary', note: '小区供水管网更换完成，高峰时段水压恢复正常' },
      rated(20),
    ],
  },
  {
    story: 'dead_branches',
    community: '小西坪社区',
    compound: '铁建丽苑',
    channel: 'patrol',
    category: 'environment',
    title: '小区枯树枝有掉落风险',
    description: '巡查发现小区内几棵树有大段枯枝，刮风时可能掉落伤人。',
    daysAgo: 130,
    at: [10, 5],
    reporter: null,
    by: 'secretary',
    steps: [
      { h: 0.1, action: 'accept', by: 'secretary' },
      { h: 0.5, action: 'assign', by: 'secretary', assign: { partner: '德盛和物业' } },
      { h: 20, action: 'start', by: 'secretary' },
      { h: 48, action: 'resolve', by: 'secretary', note: '物业联合蓝天救援队完成全小区枯树枝修剪' },
      rated(24, 'satisfied', 'social_worker'),
    ],
  },
  {
    // Waits on the department as the demo loads: one escalation still open (the whistle board's 办理中), whatever the
    // load day does to the everyday tickets' random escalations.
    story: 'street_stalls',
    community: '晏家坪社区',
    compound: '晏家坪小区',
    channel: 'walk_in',
    category: 'environment',
    title: '小区门口早市占道，救护车进不来',
    description: '居民到服务站反映：每天早上小区门口摆摊占了半条路，前几天救护车进小区都被堵在外面。',
    daysAgo: 3,
    at: [9, 20],
    reporter: { minAge: 45, maxAge: 80 },
    by: 'secretary',
    steps: [
      { h: 0.2, action: 'accept', by: 'secretary' },
      { h: 3, action: 'escalate', by: 'secretary', escalateTo: '七里河区城市管理局', dueDays: 10, note: '占道经营需城管执法，请协调设置疏导点' },
    ],
  },
  {
    story: 'flying_wires',
    community: '窑洲社区',
    compound: '晴岚家园',
    channel: 'patrol',
    category: 'safety',
    title: '楼栋飞线充电',
    description: '三长巡楼发现多处从窗口拉电线下来给电动车充电，存在火灾隐患。',
    daysAgo: 75,
    at: [10, 30],
    reporter: null,
    by: 'secretary',
    steps: [
      { h: 0.3, action: 'accept', by: 'secretary' },
      { h: 0.5, action: 'assign', by: 'secretary', assign: { team: '晴岚家园党员志愿服务队' }, note: '联合物业、卫生院开展整治' },
      { h: 2, action: 'start', by: 'secretary' },
      { h: 40, action: 'resolve', by: 'secretary', note: '入户劝导并拆除飞线12处，引导居民到集中充电桩充电' },
      rated(30, 'satisfied', 'social_worker'),
    ],
  },
  {
    story: 'elderly_certification',
    community: '窑洲社区',
    compound: '晴岚家园',
    channel: 'walk_in',
    category: 'general',
    title: '非本社区老人想就近做养老认证',
    description: '住在晴岚家园但户籍在外村的老人说回村太远，问能不能在这里做老年认证。',
    daysAgo: 48,
    at: [10, 20],
    reporter: { minAge: 66, maxAge: 90 },
    by: 'secretary',
    steps: [
      { h: 0.1, action: 'accept', by: 'secretary', note: '本社区和外村社居民一样办理' },
      { h: 0.2, action: 'assign', by: 'secretary', assign: { staff: 'secretary' } },
      { h: 20, action: 'start', by: 'secretary' },
      { h: 30, action: 'resolve', by: 'secretary', note: '联系卫生院上门完成认证' },
      rated(24),
    ],
  },
  {
    story: 'unemployment_card',
    community: '窑洲社区',
    compound: '晴岚家园',
    channel: 'walk_in',
    category: 'general',
    title: '外地新住户办理失业登记',
    description: '刚搬来的外地住户问失业证能不能在社区办。',
    daysAgo: 33,
    at: [15, 0],
    reporter: { minAge: 25, maxAge: 50 },
    by: 'secretary',
    steps: [{ h: 0.3, action: 'answer_on_spot', by: 'secretary', note: '当场受理失业登记并介绍小区就业创业咨询站' }, rated(48)],
  },
];
