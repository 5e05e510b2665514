/**
 * The five demo communities, retold from the reports in shared/seeds (numbers scaled down so a start stays quick).
 * Names of places and organisations follow the reports; people are generated.
 */
type TeamKind = 'pioneer' | 'volunteer' | 'arts' | 'squad' | 'heads';
type PartnerKind = 'enterprise' | 'social_org' | 'merchant' | 'school' | 'hospital' | 'property_company' | 'government_dept' | 'other';

export interface DemoCommunity {
  name: string;
  code: string;
  city: string;
  district: string;
  districtCode: string;
  subdistrict: string;
  subdistrictCode: string;
  address: string;
  /** First six digits of generated ID numbers. */
  region: string;
  nonLocalShare: number;
  /** Everyday tickets in the demo year, besides the reports' cases. */
  ticketsPerYear: number;
  grids: string[];
  compounds: Array<{ name: string; address: string; buildings: number; units: number; floors: number; seededFloors: number; buildingSuffix?: string }>;
  teams: Array<{ name: string; kind: TeamKind; description: string }>;
  stations: Array<{ name: string; kind: string; compound?: string; address: string; hours: string; description: string }>;
  partners: Array<{ name: string; kind: PartnerKind; contact?: string; phone?: string; description: string; joinedOn?: string }>;
  workUnits: string[];
}

export const communities: DemoCommunity[] = [
  {
    name: '金港城社区',
    code: 'LZ-QLH-DHL-JGC',
    city: '兰州市',
    district: '七里河区',
    districtCode: '620103',
    subdistrict: '敦煌路街道',
    subdistrictCode: '620103-DHL',
    address: '兰州市七里河区敦煌路金港城',
    region: '620103',
    nonLocalShare: 0.15,
    ticketsPerYear: 320,
    grids: ['第一网格', '第二网格', '第三网格'],
    compounds: [
      { name: '金海花园', address: '敦煌路金港城西侧', buildings: 4, units: 2, floors: 18, seededFloors: 4 },
      { name: '金港城一期', address: '敦煌路金港城', buildings: 3, units: 2, floors: 24, seededFloors: 3 },
    ],
    teams: [
      { name: '第一编组·两代表一委员', kind: 'squad', description: '人大代表、党代表和政协委员轮流到小区党员阵地值守' },
      { name: '第二编组·退役军人', kind: 'squad', description: '退役军人编组，负责夜间巡查和应急' },
      { name: '第三编组·溢彩流金', kind: 'squad', description: '退休党员和老同志组成，调解邻里小事' },
      { name: '暑期大学生实践队', kind: 'volunteer', description: '假期返乡的大学生，协助值守、拍摄短视频、整理台账' },
      { name: '金海花园三长', kind: 'heads', description: '楼栋长、单元长、楼层长' },
    ],
    stations: [
      {
        name: '金海花园小区党员阵地',
        kind: 'party_post',
        compound: '金海花园',
        address: '金海花园西2门旁',
        hours: '每天 8:30–20:00',
        description: '编组队伍轮流值守，居民随时来反映问题',
      },
      {
        name: '港城红人馆',
        kind: 'service_station',
        address: '金港城社区服务中心二楼',
        hours: '周一至周六 9:00–17:30',
        description: '治理合伙人和志愿者的活动空间',
      },
    ],
    partners: [
      { name: '金房物业', kind: 'property_company', contact: '物业经理 赵先生', phone: '13919000001', description: '金海花园物业服务企业' },
      { name: '七里河区环卫清运所', kind: 'government_dept', contact: '值班室', phone: '13919000002', description: '垃圾中转站清运，协调清运时间' },
      { name: '兰州现代职业学院', kind: 'school', contact: '团委 李老师', phone: '13919000003', description: '暑期社会实践合作院校' },
      { name: '港城便民超市', kind: 'merchant', contact: '店长', phone: '13919000004', description: '15 分钟生活圈共建商户，积分兑换合作' },
    ],
    workUnits: ['兰州石化', '七里河区教育局', '兰州市第二人民医院', '敦煌路小学'],
  },
  {
    name: '理工大社区',
    code: 'LZ-QLH-XH-LGD',
    city: '兰州市',
    district: '七里河区',
    districtCode: '620103',
    subdistrict: '西湖街道',
    subdistrictCode: '620103-XH',
    address: '兰州市七里河区兰工坪南街',
    region: '620103',
    nonLocalShare: 0.1,
    ticketsPerYear: 300,
    grids: ['兰工坪网格', '石油网格', '塑料厂网格'],
    compounds: [
      { name: '二十二佳园', address: '兰工坪南街', buildings: 3, units: 2, floors: 6, seededFloors: 3 },
      { name: '石油1号小区', address: '兰工坪南街东段', buildings: 2, units: 3, floors: 6, seededFloors: 3 },
      { name: '塑料厂10号楼', address: '兰工坪南街西段', buildings: 1, units: 3, floors: 7, seededFloors: 4 },
      { name: '溪锦苑', address: '兰工坪南街北侧', buildings: 2, units: 2, floors: 11, seededFloors: 3 },
    ],
    teams: [
      { name: '合唱团', kind: 'arts', description: '每周二、四下午在社区公社排练' },
      { name: '秦腔团', kind: 'arts', description: '老戏迷自发组织' },
      { name: '旗袍秀队', kind: 'arts', description: '节日演出' },
      { name: '二胡演奏队', kind: 'arts', description: '社区公社常驻团队' },
      { name: '电子琴队', kind: 'arts', description: '教孩子和老人弹琴' },
      { name: '报安鸟志愿服务队', kind: 'volunteer', description: '和高校志愿者一起每天向独居、高龄老人问平安' },
    ],
    stations: [
      {
        name: '石油1号社区公社',
        kind: 'commune',
        compound: '石油1号小区',
        address: '石油1号小区活动室',
        hours: '每天 9:00–21:00',
        description: '棋牌、乒乓球、图书，设党员先锋岗和党员帮代办',
      },
    ],
    partners: [
      { name: '小草爱心公益组织', kind: 'social_org', description: '出资修缮活动室，开展公益活动', joinedOn: '2024-03-01' },
      { name: '德萍家政', kind: 'merchant', contact: '刘经理', phone: '13919000011', description: '以低于市场价为居民提供家政服务' },
      { name: '老兵开锁', kind: 'merchant', description: '便民开锁服务' },
      { name: '兰州理工大学玉川志愿者协会', kind: 'school', description: '学生志愿者参与报安鸟、义诊义剪' },
      { name: '理工大卫生服务站', kind: 'hospital', description: '为高龄老人提供健康随访' },
      { name: '七里河区环卫局西湖环卫所', kind: 'government_dept', contact: '值班室', phone: '13919000012', description: '街巷垃圾桶配置和清运' },
    ],
    workUnits: ['兰州理工大学', '兰州石化', '七里河区医院'],
  },
  {
    name: '凌霄社区',
    code: 'NB-BL-XQ-LX',
    city: '宁波市',
    district: '北仑区',
    districtCode: '330206',
    subdistrict: '新碶街道',
    subdistrictCode: '330206-XQ',
    address: '宁波市北仑区新碶街道',
    region: '330206',
    nonLocalShare: 0.3,
    ticketsPerYear: 300,
    grids: ['世茂网格', '黄山网格', '商圈网格'],
    compounds: [
      { name: '世茂世界湾一期', address: '新碶街道世茂世界湾', buildings: 3, units: 2, floors: 26, seededFloors: 3 },
      { name: '黄山豪庭', address: '黄山路', buildings: 3, units: 2, floors: 11, seededFloors: 3 },
    ],
    teams: [
      { name: '文明播客', kind: 'pioneer', description: '党员先锋队：文明宣传' },
      { name: '安居卫士', kind: 'pioneer', description: '党员先锋队：治安巡查' },
      { name: '环保使者', kind: 'pioneer', description: '党员先锋队：环境整治' },
      { name: '分类达人', kind: 'pioneer', description: '党员先锋队：垃圾分类督导' },
      { name: '应急先锋', kind: 'pioneer', description: '党员先锋队：突发事件应急' },
    ],
    stations: [
      { name: '凌霄红领驿站', kind: 'post_house', address: '凌霄社区服务中心一楼', hours: '全天开放', description: '亲子悦读、巧手宝贝、党史故事、健康讲座' },
    ],
    partners: [
      { name: '北仑区人民医院', kind: 'hospital', contact: '医务科', phone: '13919000021', description: '80 岁以上高龄老人医患结对' },
      { name: '新碶街道物管中心', kind: 'government_dept', contact: '物管中心', phone: '13919000022', description: '书记面对面：楼道堆物、沿街整治' },
      { name: '世茂物业', kind: 'property_company', description: '世茂世界湾物业' },
      { name: '红领集市爱心商家联盟', kind: 'merchant', description: '百余家商户提供公益教学和爱心服务' },
    ],
    workUnits: ['北仑区人民医院', '北仑区城管局', '宁波舟山港', '新碶街道办事处'],
  },
  {
    name: '小西坪社区',
    code: 'LZ-QLH-XZ-XXP',
    city: '兰州市',
    district: '七里河区',
    districtCode: '620103',
    subdistrict: '西站街道',
    subdistrictCode: '620103-XZ',
    address: '兰州市七里河区建西东路',
    region: '620103',
    nonLocalShare: 0.12,
    ticketsPerYear: 150,
    grids: ['铁建网格'],
    compounds: [{ name: '铁建丽苑', address: '建西东路北侧', buildings: 6, units: 2, floors: 18, seededFloors: 3 }],
    teams: [{ name: '铁建丽苑党员志愿服务队', kind: 'volunteer', description: '小区党员牵线社会资源入驻阵地' }],
    stations: [
      {
        name: '铁建丽苑小区党员阵地',
        kind: 'party_post',
        compound: '铁建丽苑',
        address: '铁建丽苑 3 号楼底商',
        hours: '每天 9:00–18:00',
        description: '十家社会资源签约入驻',
      },
    ],
    partners: [
      {
        name: '蓝天救援队',
        kind: 'social_org',
        contact: '队长',
        phone: '13919000031',
        description: '联建微型救援站，开展电梯困人和消防演练',
        joinedOn: '2024-01-15',
      },
      { name: '甘肃兴邦社会工作服务中心', kind: 'social_org', description: '专业社工服务', joinedOn: '2024-01-15' },
      { name: '徐婕瑜伽', kind: 'merchant', description: '公益瑜伽课', joinedOn: '2024-02-01' },
      { name: '中国移动七里河分公司', kind: 'enterprise', description: '通信便民服务', joinedOn: '2024-02-01' },
      { name: '甘肃锐诚律师事务所', kind: 'enterprise', description: '法律援助进小区', joinedOn: '2024-02-20' },
      { name: '德盛和物业', kind: 'property_company', description: '红色物业联建', joinedOn: '2023-12-01' },
      { name: '七里河区供水服务站', kind: 'government_dept', contact: '调度室', phone: '13919000032', description: '供水管网维修和水压调度' },
    ],
    workUnits: ['中铁二十一局', '兰州交通大学', '兰州西站'],
  },
  {
    name: '窑洲社区',
    code: 'XT-YT-ZS-YZ',
    city: '湘潭市',
    district: '岳塘区',
    districtCode: '430304',
    subdistrict: '昭山镇',
    subdistrictCode: '430304-ZS',
    address: '湘潭市岳塘区昭山镇晴岚家园',
    region: '430304',
    nonLocalShare: 0.85,
    ticketsPerYear: 130,
    grids: ['晴岚一网格', '晴岚二网格'],
    compounds: [{ name: '晴岚家园', address: '昭山镇晴岚路', buildings: 9, units: 1, floors: 11, seededFloors: 3, buildingSuffix: '栋' }],
    teams: [
      { name: '晴岚家园党员志愿服务队', kind: 'volunteer', description: '卫生大扫除、飞线充电整治' },
      { name: '晴岚家园三长', kind: 'heads', description: '楼栋长、单元长、楼层长联动' },
    ],
    stations: [
      {
        name: '晴岚家园党群服务站',
        kind: 'service_station',
        compound: '晴岚家园',
        address: '晴岚家园 1 栋旁',
        hours: '周一至周日 8:30–17:30',
        description: '老年认证、失业登记等事项无差别办理，设议事亭',
      },
    ],
    partners: [
      { name: '昭山镇卫生院', kind: 'hospital', description: '义诊、上门认证' },
      { name: '晴岚家园物业', kind: 'property_company', description: '安置小区物业' },
    ],
    workUnits: ['昭山镇政府', '湘潭钢铁', '岳塘区教育局'],
  },
  // Two more communities of 敦煌路街道 beside 金港城, so the subdistrict ranking compares neighbours (generated, not from the reports).
  {
    name: '建兰社区',
    code: 'LZ-QLH-DHL-JL',
    city: '兰州市',
    district: '七里河区',
    districtCode: '620103',
    subdistrict: '敦煌路街道',
    subdistrictCode: '620103-DHL',
    address: '兰州市七里河区建兰路',
    region: '620103',
    nonLocalShare: 0.2,
    ticketsPerYear: 170,
    grids: ['建兰东网格', '建兰西网格'],
    compounds: [
      { name: '建兰花园', address: '建兰路中段', buildings: 3, units: 2, floors: 7, seededFloors: 3 },
      { name: '兰石家属院', address: '建兰路东口', buildings: 2, units: 2, floors: 6, seededFloors: 3 },
    ],
    teams: [
      { name: '建兰夕阳红志愿队', kind: 'volunteer', description: '退休职工助老、巡楼' },
      { name: '兰石家属院三长', kind: 'heads', description: '楼栋长、单元长、楼层长' },
    ],
    stations: [
      { name: '建兰社区党群服务站', kind: 'service_station', address: '建兰路社区服务中心', hours: '周一至周五 8:30–17:30', description: '综合窗口、议事室' },
    ],
    partners: [
      { name: '建兰花园物业', kind: 'property_company', contact: '客服', phone: '13919000041', description: '建兰花园物业服务' },
      { name: '敦煌路街道城管中队', kind: 'government_dept', contact: '中队值班', phone: '13919000042', description: '占道经营、违章搭建' },
    ],
    workUnits: ['兰州石化', '兰石集团', '七里河区人民医院'],
  },
  {
    name: '晏家坪社区',
    code: 'LZ-QLH-DHL-YJP',
    city: '兰州市',
    district: '七里河区',
    districtCode: '620103',
    subdistrict: '敦煌路街道',
    subdistrictCode: '620103-DHL',
    address: '兰州市七里河区晏家坪',
    region: '620103',
    nonLocalShare: 0.25,
    ticketsPerYear: 140,
    grids: ['晏家坪网格'],
    compounds: [
      { name: '晏家坪小区', address: '晏家坪路', buildings: 3, units: 2, floors: 6, seededFloors: 3 },
      { name: '晏西花园', address: '晏家坪西街', buildings: 2, units: 2, floors: 11, seededFloors: 3 },
    ],
    teams: [{ name: '晏家坪邻里互助队', kind: 'volunteer', description: '邻里互助、代买代办' }],
    stations: [
      {
        name: '晏家坪小区党员阵地',
        kind: 'party_post',
        compound: '晏家坪小区',
        address: '晏家坪小区 2 号楼旁',
        hours: '每天 9:00–18:00',
        description: '党员轮流值守',
      },
    ],
    partners: [
      { name: '晏家坪物业', kind: 'property_company', contact: '物业经理', phone: '13919000051', description: '老旧小区准物业' },
      { name: '晏家坪卫生服务站', kind: 'hospital', description: '家庭医生签约、上门随访' },
    ],
    workUnits: ['兰州铁路局', '七里河区教育局'],
  },
];
