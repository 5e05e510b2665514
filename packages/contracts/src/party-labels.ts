// Free of zod: the phone page (/h5/party) imports the party labels cheaply (`@linli/contracts/party-labels`).
type Locale = 'zh-CN' | 'en';

/** The eight classes of pioneer posts (先锋岗) of one county's 双报到 rules (FIELD-RULES). */
export const partyPostClasses = ['organisation', 'legal_aid', 'assistance', 'governance', 'health', 'culture_sports', 'safety_patrol', 'other'] as const;
export type PartyPostClass = (typeof partyPostClasses)[number];
export const partyPostClassLabels: Record<Locale, Record<PartyPostClass, string>> = {
  'zh-CN': {
    organisation: '组织建设',
    legal_aid: '法律咨询援助',
    assistance: '助困扶残就业',
    governance: '社区治理',
    health: '健康医疗',
    culture_sports: '文化体育',
    safety_patrol: '安全宣传与治安巡逻',
    other: '其他',
  },
  en: {
    organisation: 'Organisation building',
    legal_aid: 'Legal advice and aid',
    assistance: 'Help for the needy and disabled, jobs',
    governance: 'Community governance',
    health: 'Health and medical care',
    culture_sports: 'Culture and sports',
    safety_patrol: 'Safety information and patrols',
    other: 'Other',
  },
};

/** Where a pioneer post stands: a grid, a compound or a building. */
export const partyPostPlaceKinds = ['grid', 'compound', 'building'] as const;
export type PartyPostPlaceKind = (typeof partyPostPlaceKinds)[number];
/** A responsibility area (责任区) is a grid or a building. */
export const partyAreaKinds = ['grid', 'building'] as const;
export type PartyAreaKind = (typeof partyAreaKinds)[number];
export const partyPlaceKindLabels: Record<Locale, Record<PartyPostPlaceKind, string>> = {
  'zh-CN': { grid: '网格', compound: '小区', building: '楼栋' },
  en: { grid: 'Grid', compound: 'Compound', building: 'Building' },
};

/** A member's role in a compound party branch (小区党支部): 支部书记, 支委委员, 党员. */
export const partyBranchRoles = ['secretary', 'committee', 'member'] as const;
export type PartyBranchRole = (typeof partyBranchRoles)[number];
export const partyBranchRoleLabels: Record<Locale, Record<PartyBranchRole, string>> = {
  'zh-CN': { secretary: '支部书记', committee: '支委委员', member: '党员' },
  en: { secretary: 'Branch secretary', committee: 'Committee member', member: 'Member' },
};
