/**
 * Star level (一星…五星) from confirmed hours and a community's thresholds (default 100 / 300 / 600 / 1,000 /
 * 1,500 hours; ADR 0041). Pure. 0 means no star yet.
 */
export const defaultStarThresholds = [100, 300, 600, 1000, 1500] as const;

export function starOf(countedMinutes: number, thresholds: readonly number[] = defaultStarThresholds): number {
  const hours = countedMinutes / 60;
  let star = 0;
  for (const [i, t] of [...thresholds].sort((a, b) => a - b).entries()) if (hours >= t) star = i + 1;
  return Math.min(star, 5);
}

/** Hours still needed for the next star, or null at the top. */
export function hoursToNextStar(countedMinutes: number, thresholds: readonly number[] = defaultStarThresholds): number | null {
  const sorted = [...thresholds].sort((a, b) => a - b);
  const next = sorted.find((t) => countedMinutes / 60 < t);
  return next === undefined ? null : Math.round((next - countedMinutes / 60) * 100) / 100;
}
