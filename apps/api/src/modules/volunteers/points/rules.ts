import type { PointsRules } from '@linli/contracts';

/** The defaults (FIELD-RULES, local examples): 1 point per counted hour, at most 2 h per activity, 24 months. */
export const defaultPointsRules: PointsRules = {
  pointsPerHour: 1,
  hourCapPerActivity: 2,
  pointsPerWish: 0,
  roleBonus: {},
  expiryMonths: 24,
  redemptionValidDays: 7,
};

/** Points are kept to one decimal (half an hour counts half a point). */
export const roundPoints = (n: number): number => Math.round(n * 10) / 10;

/**
 * Points earned by one service-hours entry: its counted hours (capped per activity when the rule has a cap) times the
 * points per hour, plus the bonus the rules give for that kind of service (值守, party service …), if any.
 */
export function pointsForHours(rules: PointsRules, hours: number, sourceKind: string): number {
  if (!(hours > 0)) return 0;
  const counted = sourceKind === 'activity' && rules.hourCapPerActivity != null ? Math.min(hours, rules.hourCapPerActivity) : hours;
  return roundPoints(counted * rules.pointsPerHour + (rules.roleBonus[sourceKind] ?? 0));
}

/** The ledger account of a volunteer, a perk and the fixed ones. */
export const accounts = {
  volunteer: (id: number) => `volunteer:${id}`,
  perk: (id: number) => `perk:${id}`,
  pool: 'community_pool',
  expired: 'expired',
} as const;

/** The start and end (exclusive) of a Beijing calendar month 'YYYY-MM'. */
export function monthBounds(month: string): { from: Date; to: Date } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return { from: new Date(`${month}-01T00:00:00+08:00`), to: new Date(`${next}-01T00:00:00+08:00`) };
}

/** The date `months` calendar months before `now` (expiry cutoff: points earned on or before it have run out). */
export function monthsBefore(now: Date, months: number): Date {
  const d = new Date(now);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d;
}
