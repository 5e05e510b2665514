// Labels of points, perks and redemptions (积分, 专属优惠包, 兑换): free of zod, so the phone pages import them cheaply
// (`@linli/contracts/points-labels`).
import type { Locale } from './i18n.js';

export const pointsEntryKinds = ['earned', 'spent', 'expired', 'adjusted', 'refunded'] as const;
export type PointsEntryKind = (typeof pointsEntryKinds)[number];
export const perkStatuses = ['active', 'paused', 'withdrawn'] as const;
export type PerkStatus = (typeof perkStatuses)[number];
export const redemptionStatuses = ['issued', 'redeemed', 'cancelled', 'expired'] as const;
export type RedemptionStatus = (typeof redemptionStatuses)[number];

export const pointsEntryKindLabels: Record<Locale, Record<PointsEntryKind, string>> = {
  'zh-CN': { earned: '获得', spent: '兑换', expired: '过期', adjusted: '调整', refunded: '退回' },
  en: { earned: 'Earned', spent: 'Spent', expired: 'Expired', adjusted: 'Adjusted', refunded: 'Refunded' },
};
export const perkStatusLabels: Record<Locale, Record<PerkStatus, string>> = {
  'zh-CN': { active: '可兑换', paused: '暂停', withdrawn: '已下架' },
  en: { active: 'Open', paused: 'Paused', withdrawn: 'Withdrawn' },
};
export const redemptionStatusLabels: Record<Locale, Record<RedemptionStatus, string>> = {
  'zh-CN': { issued: '待核销', redeemed: '已核销', cancelled: '已取消', expired: '已过期' },
  en: { issued: 'To redeem', redeemed: 'Redeemed', cancelled: 'Cancelled', expired: 'Expired' },
};

/** A points amount as people read it: whole points without a decimal, half points with one. */
export const formatPoints = (n: number): string => (Number.isInteger(n) ? String(n) : n.toFixed(1));
