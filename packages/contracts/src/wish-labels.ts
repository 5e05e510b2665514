// Free of zod, so the phone pages import the wish labels cheaply (`@linli/contracts/wish-labels`).
type Locale = 'zh-CN' | 'en';

/** A wish's life (ADR 0036): staff check a draft before anyone else sees it. */
export const wishStatuses = ['draft', 'published', 'claimed', 'fulfilled', 'confirmed', 'withdrawn', 'expired'] as const;
export type WishStatus = (typeof wishStatuses)[number];
/** States in which a wish is still being answered. */
export const openWishStatuses = ['draft', 'published', 'claimed'] as const satisfies readonly WishStatus[];

export const wishActions = ['raise', 'send_back', 'publish', 'claim', 'fulfil', 'confirm', 'withdraw', 'expire'] as const;
export type WishAction = (typeof wishActions)[number];
/** Timeline kinds: the actions plus the steps that change no state. */
export const wishEventKinds = [...wishActions, 'photos_added', 'reminded'] as const;
export type WishEventKind = (typeof wishEventKinds)[number];

/** Who raised it: the resident on the phone, or someone recording it for them. */
export const wishSources = ['resident', 'grid_worker', 'building_head', 'meeting', 'staff'] as const;
export type WishSource = (typeof wishSources)[number];

export const wishCategories = ['daily_goods', 'study', 'health', 'repair', 'companionship', 'errand', 'other'] as const;
export type WishCategory = (typeof wishCategories)[number];

export const wishClaimantKinds = ['party_member', 'partner', 'volunteer', 'team'] as const;
export type WishClaimantKind = (typeof wishClaimantKinds)[number];

export const wishStatusLabels: Record<Locale, Record<WishStatus, string>> = {
  'zh-CN': { draft: '待审核', published: '已发布', claimed: '已认领', fulfilled: '已圆梦', confirmed: '已确认', withdrawn: '已撤回', expired: '已过期' },
  en: {
    draft: 'Awaiting check',
    published: 'Published',
    claimed: 'Claimed',
    fulfilled: 'Fulfilled',
    confirmed: 'Confirmed',
    withdrawn: 'Withdrawn',
    expired: 'Expired',
  },
};
export const wishEventLabels: Record<Locale, Record<WishEventKind, string>> = {
  'zh-CN': {
    raise: '提出心愿',
    send_back: '退回完善',
    publish: '审核发布',
    claim: '认领心愿',
    fulfil: '完成心愿',
    confirm: '确认致谢',
    withdraw: '撤回',
    expire: '到期未认领',
    photos_added: '上传照片',
    reminded: '到期提醒',
  },
  en: {
    raise: 'Wish raised',
    send_back: 'Sent back',
    publish: 'Checked and published',
    claim: 'Claimed',
    fulfil: 'Fulfilled',
    confirm: 'Confirmed and thanked',
    withdraw: 'Withdrawn',
    expire: 'Expired unclaimed',
    photos_added: 'Photos added',
    reminded: 'Deadline reminder',
  },
};
export const wishSourceLabels: Record<Locale, Record<WishSource, string>> = {
  'zh-CN': { resident: '居民手机提交', grid_worker: '网格员代录', building_head: '楼栋长代录', meeting: '会议收集', staff: '社区代录' },
  en: {
    resident: 'Resident on the phone',
    grid_worker: 'Recorded by grid worker',
    building_head: 'Recorded by building head',
    meeting: 'Collected at a meeting',
    staff: 'Recorded by staff',
  },
};
export const wishCategoryLabels: Record<Locale, Record<WishCategory, string>> = {
  'zh-CN': { daily_goods: '生活用品', study: '学习助学', health: '健康医疗', repair: '维修改善', companionship: '陪伴关爱', errand: '代办跑腿', other: '其他' },
  en: { daily_goods: 'Daily goods', study: 'Study', health: 'Health', repair: 'Repairs', companionship: 'Companionship', errand: 'Errands', other: 'Other' },
};
export const wishClaimantKindLabels: Record<Locale, Record<WishClaimantKind, string>> = {
  'zh-CN': { party_member: '党员', partner: '共建单位', volunteer: '志愿者', team: '志愿队伍' },
  en: { party_member: 'Party member', partner: 'Partner', volunteer: 'Volunteer', team: 'Team' },
};
/** Reminder kinds to the claimant: two days before the due date and on it. */
export const wishReminderKinds = ['due_soon', 'due'] as const;
export type WishReminderKind = (typeof wishReminderKinds)[number];
export const wishReminderLabels: Record<Locale, Record<WishReminderKind, string>> = {
  'zh-CN': { due_soon: '心愿即将到期', due: '心愿今日到期' },
  en: { due_soon: 'Wish due soon', due: 'Wish due today' },
};
