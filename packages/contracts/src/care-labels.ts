// Free of zod: the phone pages import the care labels cheaply.
type Locale = 'zh-CN' | 'en';

export const careTiers = ['high', 'key', 'general'] as const;
export type CareTier = (typeof careTiers)[number];
export const careTierLabels: Record<Locale, Record<CareTier, string>> = {
  'zh-CN': { high: '高风险', key: '重点', general: '一般' },
  en: { high: 'High risk', key: 'Key', general: 'General' },
};
export const careHelperKinds = ['grid_worker', 'volunteer', 'party_member', 'doctor'] as const;
export type CareHelperKind = (typeof careHelperKinds)[number];
export const careHelperKindLabels: Record<Locale, Record<CareHelperKind, string>> = {
  'zh-CN': { grid_worker: '网格员', volunteer: '志愿者', party_member: '党员', doctor: '签约医生' },
  en: { grid_worker: 'Grid worker', volunteer: 'Volunteer', party_member: 'Party member', doctor: 'Clinic doctor' },
};
export const careDuties = ['errands', 'visits', 'cleaning', 'checkups', 'haircut', 'calls'] as const;
export type CareDuty = (typeof careDuties)[number];
export const careDutyLabels: Record<Locale, Record<CareDuty, string>> = {
  'zh-CN': { errands: '帮代办', visits: '上门探访', cleaning: '打扫卫生', checkups: '健康检查', haircut: '理发', calls: '电话问候' },
  en: { errands: 'Errands', visits: 'Visits', cleaning: 'Cleaning', checkups: 'Check-ups', haircut: 'Haircuts', calls: 'Phone calls' },
};
export const careFrequencies = ['daily', 'twice_weekly', 'weekly', 'biweekly', 'monthly', 'quarterly', 'as_needed'] as const;
export type CareFrequency = (typeof careFrequencies)[number];
export const careFrequencyLabels: Record<Locale, Record<CareFrequency, string>> = {
  'zh-CN': { daily: '每天', twice_weekly: '每周两次', weekly: '每周', biweekly: '每两周', monthly: '每月', quarterly: '每季度', as_needed: '按需' },
  en: {
    daily: 'Daily',
    twice_weekly: 'Twice a week',
    weekly: 'Weekly',
    biweekly: 'Every two weeks',
    monthly: 'Monthly',
    quarterly: 'Quarterly',
    as_needed: 'As needed',
  },
};
export const careWellbeing = ['well', 'concern', 'urgent'] as const;
export type CareWellbeing = (typeof careWellbeing)[number];
export const careWellbeingLabels: Record<Locale, Record<CareWellbeing, string>> = {
  'zh-CN': { well: '良好', concern: '需关注', urgent: '紧急' },
  en: { well: 'Well', concern: 'Needs attention', urgent: 'Urgent' },
};
/** Resident tags that make someone a care recipient (独居, 高龄, 空巢, 残疾 …; residents' tag codes). */
export const careQualifyingTags = ['living_alone', 'advanced_age', 'empty_nest', 'disabled', 'serious_illness', 'hardship'] as const;
export const careRecipientStatusLabels: Record<Locale, Record<'active' | 'ended', string>> = {
  'zh-CN': { active: '关爱中', ended: '已结束' },
  en: { active: 'In care', ended: 'Ended' },
};
/** Age from which 高龄 applies whether or not the resident carries the tag. */
export const careAdvancedAge = 80;
