// Free of zod: the phone pages (the 15-minute life circle, a partner's own page) import these words cheaply.
type Locale = 'zh-CN' | 'en';

export const resourceKinds = ['service', 'space', 'goods', 'funds', 'expertise'] as const;
export type ResourceKind = (typeof resourceKinds)[number];
export const resourceCategories = [
  'elderly_care',
  'childcare',
  'health',
  'home_repair',
  'meals',
  'errands',
  'education',
  'legal',
  'culture_sports',
  'employment',
  'venue',
  'other',
] as const;
export type ResourceCategory = (typeof resourceCategories)[number];
export const priceKinds = ['free', 'below_market', 'paid'] as const;
export type PriceKind = (typeof priceKinds)[number];
/** Who offers it: a partner unit, a caring merchant (a partner of kind merchant), a department, a team, a resident. */
export const providerKinds = ['partner', 'merchant', 'organisation', 'team', 'resident'] as const;
export type ProviderKind = (typeof providerKinds)[number];
export const agreementKinds = ['entry', 'co_building'] as const;
export type AgreementKind = (typeof agreementKinds)[number];
export const agreementStatuses = ['active', 'ended', 'terminated'] as const;
export type AgreementStatus = (typeof agreementStatuses)[number];
export const contributionKinds = ['money', 'goods', 'work_hours', 'space'] as const;
export type ContributionKind = (typeof contributionKinds)[number];

export const offerLabels: Record<
  Locale,
  {
    resourceKind: Record<ResourceKind, string>;
    category: Record<ResourceCategory, string>;
    price: Record<PriceKind, string>;
    provider: Record<ProviderKind, string>;
    agreementKind: Record<AgreementKind, string>;
    agreementStatus: Record<AgreementStatus, string>;
    contributionKind: Record<ContributionKind, string>;
  }
> = {
  'zh-CN': {
    resourceKind: { service: '服务', space: '场地空间', goods: '物资', funds: '资金', expertise: '专业技能' },
    category: {
      elderly_care: '助老服务',
      childcare: '儿童托管',
      health: '健康医疗',
      home_repair: '家政维修',
      meals: '助餐',
      errands: '代购跑腿',
      education: '教育培训',
      legal: '法律咨询',
      culture_sports: '文体活动',
      employment: '就业帮扶',
      venue: '活动场地',
      other: '其他',
    },
    price: { free: '免费', below_market: '低于市场价', paid: '收费' },
    provider: { partner: '共建单位', merchant: '爱心商家', organisation: '职能部门', team: '志愿服务队', resident: '热心居民' },
    agreementKind: { entry: '入驻协议', co_building: '共建协议' },
    agreementStatus: { active: '履行中', ended: '已到期', terminated: '已终止' },
    contributionKind: { money: '资金', goods: '物资', work_hours: '志愿工时', space: '场地' },
  },
  en: {
    resourceKind: { service: 'Service', space: 'Space', goods: 'Goods', funds: 'Funds', expertise: 'Expertise' },
    category: {
      elderly_care: 'Elderly care',
      childcare: 'Childcare',
      health: 'Health',
      home_repair: 'Housekeeping and repairs',
      meals: 'Meals',
      errands: 'Errands and shopping',
      education: 'Education',
      legal: 'Legal advice',
      culture_sports: 'Culture and sports',
      employment: 'Employment help',
      venue: 'Venues',
      other: 'Other',
    },
    price: { free: 'Free', below_market: 'Below market price', paid: 'Paid' },
    provider: { partner: 'Partner unit', merchant: 'Caring merchant', organisation: 'Department', team: 'Volunteer team', resident: 'Resident' },
    agreementKind: { entry: 'Entry agreement', co_building: 'Co-building agreement' },
    agreementStatus: { active: 'In force', ended: 'Expired', terminated: 'Terminated' },
    contributionKind: { money: 'Money', goods: 'Goods', work_hours: 'Work hours', space: 'Space' },
  },
};

// ---- resources (资源清单)
