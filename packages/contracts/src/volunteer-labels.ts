// Free of zod: the phone pages (join, sign, my page) import the volunteers' labels cheaply.
type Locale = 'zh-CN' | 'en';

export const volunteerStatuses = ['applied', 'approved', 'rejected', 'suspended', 'left'] as const;
export type VolunteerStatus = (typeof volunteerStatuses)[number];
export const volunteerStatusLabels: Record<Locale, Record<VolunteerStatus, string>> = {
  'zh-CN': { applied: '待审核', approved: '已通过', rejected: '未通过', suspended: '已暂停', left: '已退出' },
  en: { applied: 'Applied', approved: 'Approved', rejected: 'Rejected', suspended: 'Suspended', left: 'Left' },
};

export const volunteerOrigins = ['resident', 'student', 'cadre', 'partner_staff', 'party_member', 'other'] as const;
export type VolunteerOrigin = (typeof volunteerOrigins)[number];
export const volunteerOriginLabels: Record<Locale, Record<VolunteerOrigin, string>> = {
  'zh-CN': { resident: '社区居民', student: '在校学生', cadre: '机关干部', partner_staff: '共建单位职工', party_member: '党员', other: '其他' },
  en: { resident: 'Resident', student: 'Student', cadre: 'Cadre', partner_staff: 'Partner staff', party_member: 'Party member', other: 'Other' },
};

export const volunteerIdTypes = ['resident_id_card', 'hk_macao_permit', 'taiwan_permit', 'passport', 'foreigner_permit'] as const;
export type VolunteerIdType = (typeof volunteerIdTypes)[number];
export const volunteerIdTypeLabels: Record<Locale, Record<VolunteerIdType, string>> = {
  'zh-CN': {
    resident_id_card: '居民身份证',
    hk_macao_permit: '港澳居民来往内地通行证',
    taiwan_permit: '台湾居民来往大陆通行证',
    passport: '护照',
    foreigner_permit: '外国人永久居留身份证',
  },
  en: {
    resident_id_card: 'Resident ID card',
    hk_macao_permit: 'Home-return permit (HK/Macao)',
    taiwan_permit: 'Mainland travel permit (Taiwan)',
    passport: 'Passport',
    foreigner_permit: 'Foreigner permanent residence ID',
  },
};

export const serviceSourceKinds = ['activity', 'shift', 'task', 'wish', 'ticket', 'party_service'] as const;
export type ServiceSourceKind = (typeof serviceSourceKinds)[number];
export const serviceSourceLabels: Record<Locale, Record<ServiceSourceKind, string>> = {
  'zh-CN': { activity: '活动', shift: '值守', task: '任务', wish: '微心愿', ticket: '诉求协办', party_service: '党员服务' },
  en: { activity: 'Activity', shift: 'Duty shift', task: 'Task', wish: 'Wish', ticket: 'Ticket help', party_service: 'Party service' },
};

export const volunteerGenders = ['male', 'female'] as const;
export type VolunteerGender = (typeof volunteerGenders)[number];
export const volunteerGenderLabels: Record<Locale, Record<VolunteerGender, string>> = {
  'zh-CN': { male: '男', female: '女' },
  en: { male: 'Male', female: 'Female' },
};

export const weekdaySlots = [
  'mon_am',
  'mon_pm',
  'tue_am',
  'tue_pm',
  'wed_am',
  'wed_pm',
  'thu_am',
  'thu_pm',
  'fri_am',
  'fri_pm',
  'sat_am',
  'sat_pm',
  'sun_am',
  'sun_pm',
] as const;
export type WeekdaySlot = (typeof weekdaySlots)[number];

/** 一星…五星 (0 = no star yet). */
export const starLabels: Record<Locale, readonly string[]> = {
  'zh-CN': ['未评星', '一星', '二星', '三星', '四星', '五星'],
  en: ['No star yet', 'One star', 'Two stars', 'Three stars', 'Four stars', 'Five stars'],
};
